// Channel → channel database, and the grouped evidence the scenario generator reads.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  channelDatabasesIn,
  channelsIn,
  collectEvidence,
  describeNeedsMapping,
  EvidenceOptionError,
  groupEvidence,
  parseChannelPairs,
  resolveChannelDatabases,
} from '../../../src/evidence';
import { evidenceFixtures, readFixtureSet } from './fixtures';

describe('evidence import: channel databases', () => {
  it('puts every channel on the only database the files name', () => {
    assert.deepEqual(resolveChannelDatabases(['Store42', 'Store17'], ['Default'], {}), {
      kind: 'resolved',
      channelDatabases: { Store42: 'Default', Store17: 'Default' },
    });
  });

  it('lets explicit pairs win, matching channel names without regard to case', () => {
    const result = resolveChannelDatabases(['Store42'], ['Default'], { store42: 'StoreDB-North' });
    assert.deepEqual(result, { kind: 'resolved', channelDatabases: { Store42: 'StoreDB-North' } });
  });

  it('names exactly the channels it cannot place and the candidate databases', () => {
    const reading = readFixtureSet('formats/two-databases');
    const channels = channelsIn(reading.records);
    const databases = channelDatabasesIn(reading.records);
    const result = resolveChannelDatabases(channels, databases, { Store42: 'StoreDB-North' });
    assert.deepEqual(result, { kind: 'needsMapping', unresolved: ['Store17'], candidates: ['StoreDB-North', 'StoreDB-South'], channelDatabases: { Store42: 'StoreDB-North' } });
    assert.ok(result.kind === 'needsMapping');
    assert.equal(
      describeNeedsMapping(result),
      'The files name several channel databases ("StoreDB-North", "StoreDB-South") and do not say which one channel "Store17" is on; give each with --channel CHANNEL=DATABASE, for example --channel Store17=StoreDB-North.',
    );
  });

  it('quotes the example pair when a name has a space', () => {
    const result = resolveChannelDatabases(['Store 42'], ['North DB', 'South DB'], {});
    assert.ok(result.kind === 'needsMapping');
    assert.match(describeNeedsMapping(result), /for example --channel "Store 42=North DB"\.$/);
  });

  it('says when no session names a database at all, naming every channel', () => {
    const result = resolveChannelDatabases(['Store42', 'Store17', 'Web'], [], {});
    assert.ok(result.kind === 'needsMapping');
    assert.equal(
      describeNeedsMapping(result),
      'The files do not say which channel database channels "Store42", "Store17" and "Web" are on (they hold no download or upload sessions); give each with --channel CHANNEL=DATABASE.',
    );
  });

  it('parses CHANNEL=DATABASE pairs and explains bad ones', () => {
    assert.deepEqual(parseChannelPairs(['Store42=Default', ' Store17 = StoreDB-South ']), { Store42: 'Default', Store17: 'StoreDB-South' });
    assert.throws(() => parseChannelPairs(['Store42']), (e: unknown) => e instanceof EvidenceOptionError && /"Store42" is not CHANNEL=DATABASE/.test(e.message));
    assert.throws(() => parseChannelPairs(['Store42=A', 'store42=B']), (e: unknown) => e instanceof EvidenceOptionError && /two databases/.test(e.message));
  });
});

describe('evidence import: grouped evidence', () => {
  it('groups sessions per database and job, oldest first, status rows per channel, batch runs and the span', () => {
    const reading = readFixtureSet('acd002-feature-enabled-jobs-not-run');
    const evidence = groupEvidence(reading.records, { Store42: 'Default', Store17: 'Default' });
    assert.deepEqual(
      evidence.channelDatabases.map((d) => d.name),
      ['Default'],
    );
    const db = evidence.channelDatabases[0];
    assert.deepEqual(
      db.download['1010']?.map((s) => s.at),
      ['2026-11-09T22:04:00Z', '2026-11-10T06:02:00Z', '2026-11-10T12:00:00Z'],
    );
    assert.equal(db.upload.length, 5);
    assert.deepEqual(
      evidence.channels.map((c) => [c.name, c.channelDatabase, c.statusRows.length]),
      [
        ['Store42', 'Default', 2],
        ['Store17', 'Default', 1],
      ],
    );
    assert.equal(evidence.batchRuns.length, 5);
    assert.deepEqual(evidence.span, { from: '2026-10-01T06:00:00Z', to: '2026-11-10T12:05:00Z' });
    assert.equal(evidence.features.find((f) => f.feature === 'AsyncCustomerEditing')?.enabledAt, '2026-11-10T09:00:00Z');
  });

  it('keeps the first row of a feature listed twice and warns about the other', () => {
    const a = readFixtureSet('acd006-failed-operation').records;
    const b = readFixtureSet('acd005-batch-not-run').records.filter((r) => r.kind === 'featureManagement');
    const evidence = groupEvidence([...a, ...b], { Store42: 'Default' });
    assert.equal(evidence.features.find((f) => f.feature === 'AsyncCustomerEditing')?.enabled, true);
    assert.ok(evidence.warnings.some((w) => w.file === 'feature-management.csv' && /listed again/.test(w.message)));
  });
});

describe('evidence import: collecting in one call', () => {
  it('asks for the channel mapping when the files cannot tell, then groups once it is given', () => {
    const dir = join(evidenceFixtures, 'formats', 'two-databases');
    const input = readdirSync(dir).map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
    const first = collectEvidence(input);
    assert.ok(first.kind === 'needsMapping');
    assert.deepEqual(first.resolution.unresolved, ['Store42', 'Store17']);
    const second = collectEvidence(input, { channelDatabases: parseChannelPairs(['Store42=StoreDB-North', 'Store17=StoreDB-South']) });
    assert.ok(second.kind === 'evidence');
    assert.deepEqual(
      second.evidence.channels.map((c) => [c.name, c.channelDatabase]),
      [
        ['Store42', 'StoreDB-North'],
        ['Store17', 'StoreDB-South'],
      ],
    );
    assert.deepEqual(second.warnings, []);
  });
});
