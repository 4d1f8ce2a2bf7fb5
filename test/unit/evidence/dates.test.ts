// Dates as the exports write them, the date order, and the time zone.
import { strict as assert } from 'node:assert';
import { EvidenceOptionError, parseDateOrder, parseTimeZone, type BatchRunRecord, type EvidenceReadOptions } from '../../../src/evidence';
import { readFixture, readText } from './fixtures';

/** The start instants read from a batch job history with the given start values. */
function starts(values: string[], options: EvidenceReadOptions = {}): (string | undefined)[] {
  const text = ['Job description;Status;Start', ...values.map((v) => `Synchronize customers and channel requests;Ended;${v}`)].join('\n');
  const reading = readText(text, options);
  const byRow = new Map(reading.records.map((r) => [r.source.row, (r as BatchRunRecord).start]));
  return values.map((_, i) => byRow.get(i + 2));
}

describe('evidence import: dates', () => {
  it('reads ISO 8601 with Z, with an offset, and without (in the time zone)', () => {
    assert.deepEqual(starts(['2026-11-13T09:00:00Z', '2026-11-13T09:00:00+01:00', '2026-11-13T09:00:00.250', '2026-11-13T09:00']), [
      '2026-11-13T09:00:00Z',
      '2026-11-13T08:00:00Z',
      '2026-11-13T09:00:00Z',
      '2026-11-13T09:00:00Z',
    ]);
  });

  it('reads M/d/yyyy h:mm[:ss] AM|PM, with 12 AM as midnight and 12 PM as noon', () => {
    assert.deepEqual(starts(['11/3/2026 9:05 AM', '11/3/2026 9:05:30 PM', '11/3/2026 12:00 AM', '11/3/2026 12:15 PM']), [
      '2026-11-03T09:05:00Z',
      '2026-11-03T21:05:30Z',
      '2026-11-03T00:00:00Z',
      '2026-11-03T12:15:00Z',
    ]);
  });

  it('reads yyyy-MM-dd HH:mm[:ss]', () => {
    assert.deepEqual(starts(['2026-11-13 18:30', '2026-11-13 18:30:45']), ['2026-11-13T18:30:00Z', '2026-11-13T18:30:45Z']);
  });

  it('decides day-first from the file when a first component is above 12', () => {
    assert.deepEqual(starts(['03/11/2026 09:00', '13/11/2026 09:00']), ['2026-11-03T09:00:00Z', '2026-11-13T09:00:00Z']);
  });

  it('reads ambiguous dates month-first when nothing in the file says otherwise', () => {
    assert.deepEqual(starts(['03/11/2026 09:00', '04/11/2026 09:00']), ['2026-03-11T09:00:00Z', '2026-04-11T09:00:00Z']);
  });

  it('follows the date order given, and warns for a date that cannot be in it', () => {
    const reading = readText('Job description,Status,Start\nSynchronize orders,Ended,03/11/2026 09:00\nSynchronize orders,Ended,11/13/2026 09:00\n', { dateOrder: 'dmy' }, 'history.csv');
    assert.equal((reading.records[0] as BatchRunRecord).start, '2026-11-03T09:00:00Z');
    assert.equal(reading.warnings.length, 1);
    assert.equal(reading.warnings[0].row, 3);
    assert.match(reading.warnings[0].message, /"11\/13\/2026 09:00" is not a real date/);
  });

  it('reads two-digit years in the order given, ymd included', () => {
    assert.deepEqual(starts(['26/11/13 09:00'], { dateOrder: 'ymd' }), ['2026-11-13T09:00:00Z']);
    assert.deepEqual(starts(['13/11/26 09:00'], { dateOrder: 'dmy' }), ['2026-11-13T09:00:00Z']);
    assert.deepEqual(starts(['11/13/26 09:00'], { dateOrder: 'mdy' }), ['2026-11-13T09:00:00Z']);
  });

  it('applies the time zone to dates without an offset only', () => {
    assert.deepEqual(starts(['2026-11-13 09:00', '2026-11-13T09:00:00Z', '11/13/2026 9:00 AM'], { timeZone: '+01:00' }), [
      '2026-11-13T08:00:00Z',
      '2026-11-13T09:00:00Z',
      '2026-11-13T08:00:00Z',
    ]);
    assert.deepEqual(starts(['2026-11-13 09:00'], { timeZone: '-05:30' }), ['2026-11-13T14:30:00Z']);
  });

  it('warns for impossible dates instead of rolling them over', () => {
    assert.deepEqual(starts(['2026-02-30 09:00', '2/30/2026 9:00 AM', '11/13/2026 13:00 PM', 'yesterday']), [undefined, undefined, undefined, undefined]);
  });

  it('reads the fixtures in both date orders', () => {
    const mdy = readFixture('formats/feature-management.csv');
    assert.equal(mdy.records[2].kind === 'featureManagement' && mdy.records[2].enabledAt, '2026-10-01T18:10:00Z');
    const dmy = readFixture('formats/customer-sync-status.csv');
    assert.deepEqual(
      dmy.records.map((r) => r.kind === 'customerSyncStatus' && r.at),
      ['2026-11-13T09:12:00Z', '2026-11-13T09:40:00Z', '2026-11-14T16:05:00Z', '2026-11-01T07:55:00Z', '2026-11-14T17:30:00Z'],
    );
  });

  it('parses the options and explains a bad one', () => {
    assert.equal(parseTimeZone('+01:00'), 60);
    assert.equal(parseTimeZone('-0530'), -330);
    assert.equal(parseTimeZone('Z'), 0);
    assert.equal(parseDateOrder('DMY'), 'dmy');
    assert.throws(() => parseTimeZone('Europe/Stockholm'), (e: unknown) => e instanceof EvidenceOptionError && /--time-zone: .*expected a form like \+01:00/.test(e.message));
    assert.throws(() => parseTimeZone('+25:00'), EvidenceOptionError);
    assert.throws(() => parseDateOrder('dym'), (e: unknown) => e instanceof EvidenceOptionError && /expected mdy, dmy or ymd/.test(e.message));
    assert.throws(() => readText('Job description,Status,Start\n', { timeZone: 'CET' }), EvidenceOptionError);
  });
});
