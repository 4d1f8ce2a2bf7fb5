import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { EngineHost, inProcessHost } from '../../src/engine/host';
import type { EngineRequest, EngineResults } from '../../src/engine/protocol';
import { stageOf } from '../../src/domain/pipeline';
import { repoRoot, sample } from './helpers';

const wasmPath = join(repoRoot, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');

describe('time travel: the state after a timeline entry', () => {
  let host: EngineHost;
  const ask = <K extends EngineRequest['kind']>(request: Extract<EngineRequest, { kind: K }>): Promise<EngineResults[K]> => host.handle(request, () => false);

  beforeEach(async () => {
    host = inProcessHost(wasmPath)();
    // Liam and Sofia created (entries 0, 1), PT30M (2), the P-job (3), PT2H (4).
    await ask({ kind: 'analyze', doc: 'staging', text: sample('customers-stuck-in-staging'), version: 1, locale: 'en' });
  });

  afterEach(() => host.disposeAll());

  it('shows the customers still on the channel before the P-job ran, and in HQ staging after it', async () => {
    const before = await ask({ kind: 'pipeline', doc: 'staging', afterEntry: 2 });
    assert.equal(before.afterEntry, 2);
    assert.equal(stageOf(before, 'channelDatabase').count, 2);
    assert.equal(stageOf(before, 'hqStaging').count, 0);
    const after = await ask({ kind: 'pipeline', doc: 'staging', afterEntry: 3 });
    assert.equal(stageOf(after, 'channelDatabase').count, 0);
    assert.equal(stageOf(after, 'hqStaging').count, 2);
    const counts = await ask({ kind: 'operationCounts', doc: 'staging', afterEntry: 0 });
    assert.equal(counts.PendingUpload, 1, 'after the first entry only Liam was created');
  });

  it('leaves now as it was, and says the clock after the entry', async () => {
    const travel = await ask({ kind: 'travel', doc: 'staging', afterEntry: 0 });
    assert.deepEqual(travel, { afterEntry: 0, entries: 5, clock: Date.parse('2026-11-01T10:00:00Z') });
    const now = await ask({ kind: 'pipeline', doc: 'staging' });
    assert.equal(now.afterEntry, undefined);
    assert.equal(stageOf(now, 'hqStaging').count, 2);
    assert.equal(now.clock, '2026-11-01T12:30:00Z');
  });

  it('shows the state before any entry at -1, and treats the last entry as now', async () => {
    const start = await ask({ kind: 'operationCounts', doc: 'staging', afterEntry: -1 });
    assert.deepEqual(start, { PendingUpload: 0, Pending: 0, Failed: 0, Succeeded: 0 });
    const last = await ask({ kind: 'travel', doc: 'staging', afterEntry: 4 });
    assert.equal(last.afterEntry, undefined);
  });

  it('keeps at most one time-travel simulation per document and disposes it on the way back to now', async () => {
    const travels = (host as unknown as { timeTravel: { has(doc: string): boolean } }).timeTravel;
    await ask({ kind: 'travel', doc: 'staging', afterEntry: 1 });
    assert.ok(travels.has('staging'));
    const tables = await ask({ kind: 'stagingTables', doc: 'staging', afterEntry: 1 });
    assert.equal(tables.find((t) => t.database === 'HQ' && t.table === 'RETAILASYNCCUSTOMERV2')?.rowCount, 0);
    await ask({ kind: 'travel', doc: 'staging' });
    assert.equal(travels.has('staging'), false);
  });

  it('keeps the last good replay for the views while the file has a syntax error', async () => {
    const broken = await ask({ kind: 'analyze', doc: 'staging', text: sample('customers-stuck-in-staging').replace('"timeline": [', '"timeline": [,,'), version: 2, locale: 'en' });
    assert.ok(broken.findings.some((f) => f.ruleId === 'ACD100'));
    assert.equal(broken.lastGoodReplay, true);
    const now = await ask({ kind: 'pipeline', doc: 'staging' });
    assert.equal(stageOf(now, 'hqStaging').count, 2);
  });
});
