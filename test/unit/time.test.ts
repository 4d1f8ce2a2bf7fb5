import { strict as assert } from 'node:assert';
import { formatDuration, parseDuration, parseInstant } from '../../src/domain/time';

describe('scenario clock', () => {
  it('reads ISO-8601 instants with a zone and rejects impossible dates', () => {
    assert.equal(parseInstant('2026-11-01T09:00:00Z'), Date.UTC(2026, 10, 1, 9));
    assert.equal(parseInstant('2026-11-01T10:00:00+01:00'), Date.UTC(2026, 10, 1, 9));
    assert.equal(parseInstant('2026-11-01T09:00Z'), Date.UTC(2026, 10, 1, 9));
    assert.equal(parseInstant('2026-02-31T09:00:00Z'), undefined);
    assert.equal(parseInstant('2026-11-01 09:00'), undefined);
    assert.equal(parseInstant('2026-11-01T09:00:00'), undefined, 'a time without a zone is ambiguous');
  });

  it('reads durations without years or months and writes them back', () => {
    assert.equal(parseDuration('PT10M'), 600_000);
    assert.equal(parseDuration('P1DT2H30M'), ((24 + 2) * 60 + 30) * 60_000);
    assert.equal(parseDuration('PT0.5S'), 500);
    assert.equal(parseDuration('P1M'), undefined);
    assert.equal(parseDuration('P'), undefined);
    assert.equal(parseDuration('PT'), undefined);
    assert.equal(parseDuration('10 minutes'), undefined);
    assert.equal(parseDuration('PT99999999999999999999H'), undefined, 'beyond a century');
    assert.equal(formatDuration(600_000), 'PT10M');
    assert.equal(formatDuration(((24 + 2) * 60 + 30) * 60_000), 'P1DT2H30M');
  });
});
