import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { EngineClient, type EngineRestart } from '../../src/engine/client';
import { inProcessHost } from '../../src/engine/host';
import { EngineError } from '../../src/engine/protocol';
import { repoRoot, sample, scenario } from './helpers';

const wasmPath = join(repoRoot, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
const workerPath = join(repoRoot, 'out', 'src', 'engine', 'worker.js');

for (const mode of ['worker thread', 'in-process'] as const) {
  describe(`engine client (${mode})`, () => {
    let client: EngineClient;

    beforeEach(() => {
      client = new EngineClient(mode === 'worker thread' ? { wasmPath, workerPath } : { wasmPath, inProcessHost: inProcessHost(wasmPath) });
    });

    afterEach(() => client.dispose());

    it('analyzes a document and answers the views from its simulation', async () => {
      const snapshot = await client.analyze('a', sample('customers-stuck-in-channel'), 3, 'en');
      assert.equal(snapshot.version, 3);
      assert.deepEqual(
        snapshot.findings.map((f) => f.ruleId),
        ['ACD004'],
      );
      assert.deepEqual(snapshot.scenario.channelDatabases, ['Default']);
      const counts = await client.request({ kind: 'operationCounts', doc: 'a' });
      assert.equal(counts.PendingUpload, 3);
      const rows = await client.request({ kind: 'stagingRows', doc: 'a', database: 'Default', table: 'RETAILASYNCCUSTOMERV2', offset: 0, limit: 2 });
      assert.equal(rows.length, 2);
    });

    it('warms up before the first scenario without leaving a simulation behind', async () => {
      client.warmUp();
      await assert.rejects(client.request({ kind: 'featureStates', doc: 'a' }), (error: unknown) => error instanceof EngineError && error.code === 'noAnalysis');
      const snapshot = await client.analyze('a', sample('cannot-enable-editing'), 1, 'en');
      assert.deepEqual(snapshot.findings.map((f) => f.ruleId), ['ACD001']);
    });

    it('re-diagnoses an edit in the last entry from a checkpoint, with the findings of a fresh analysis', async () => {
      const timeline = [{ generateCustomers: { count: 40 } }, { runJob: 'P-0001' }, { advance: 'PT1H' }];
      await client.analyze('doc', scenario({ timeline }), 1, 'en');
      const edited = scenario({ timeline: [...timeline.slice(0, 2), { runBatch: 'SynchronizeCustomersAndChannelRequests' }] });
      const again = await client.analyze('doc', edited, 2, 'en');
      const fresh = await client.analyze('other', edited, 1, 'en');
      assert.deepEqual(again.findings, fresh.findings);
      assert.deepEqual(await client.request({ kind: 'operationCounts', doc: 'doc' }), await client.request({ kind: 'operationCounts', doc: 'other' }));
    });

    it('cancels an older analysis of the same document when a newer one arrives', async () => {
      const big = scenario({ timeline: Array.from({ length: 400 }, () => ({ generateCustomers: { count: 50 } })) });
      const older = client.analyze('doc', big, 1, 'en');
      const newer = client.analyze('doc', sample('healthy'), 2, 'en');
      await assert.rejects(older, (error: unknown) => error instanceof EngineError && error.code === 'cancelled');
      assert.equal((await newer).version, 2);
      assert.deepEqual((await newer).findings, []);
    });

    it('rejects a writing SQL statement with a readOnly error and keeps working', async () => {
      await client.analyze('q', sample('healthy'), 1, 'en');
      await assert.rejects(
        client.request({ kind: 'query', doc: 'q', database: 'HQ', sql: 'DELETE FROM CUSTTABLE', maxRows: 10 }),
        (error: unknown) => error instanceof EngineError && error.code === 'readOnly',
      );
      const result = await client.request({ kind: 'query', doc: 'q', database: 'HQ', sql: 'SELECT COUNT(*) AS N FROM CUSTTABLE', maxRows: 10 });
      assert.deepEqual(result.rows, [[2]]);
    });

    it('says so when a document has no simulation', async () => {
      await assert.rejects(
        client.request({ kind: 'featureStates', doc: 'never-analyzed' }),
        (error: unknown) => error instanceof EngineError && error.code === 'noAnalysis',
      );
    });
  });
}

describe('engine client: a worker that recovers', () => {
  const runaway = 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c';

  it('stops a runaway statement within its budget + 1 s, restarts, and the next analysis runs normally', async () => {
    const client = new EngineClient({ wasmPath, workerPath });
    const restarts: EngineRestart[] = [];
    client.onDidRestart((event) => restarts.push(event));
    try {
      await client.analyze('a', sample('customers-stuck-in-channel'), 1, 'en');
      const started = performance.now();
      await assert.rejects(client.request({ kind: 'query', doc: 'a', database: 'HQ', sql: runaway, maxRows: 10, timeoutMs: 1000 }), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.code, 'timeout');
        assert.equal(error.message, 'The statement ran longer than its time budget (1 s) and was stopped.');
        return true;
      });
      assert.ok(performance.now() - started < 2000, `answered after ${Math.round(performance.now() - started)} ms`);
      assert.deepEqual(restarts, [{ reason: 'timeout', message: 'A SQL statement ran past its time budget (1 s); the engine was restarted.' }]);
      // The simulation went with the worker: the editor analyses again, and that works.
      await assert.rejects(client.request({ kind: 'operationCounts', doc: 'a' }), (error: unknown) => error instanceof EngineError && error.code === 'noAnalysis');
      const again = await client.analyze('a', sample('customers-stuck-in-channel'), 2, 'en');
      assert.deepEqual(
        again.findings.map((f) => f.ruleId),
        ['ACD004'],
      );
      const quick = await client.request({ kind: 'query', doc: 'a', database: 'Default', sql: 'SELECT COUNT(*) FROM CUSTOMER', maxRows: 10, timeoutMs: 1000 });
      assert.deepEqual(quick.rows, [[3]]);
    } finally {
      client.dispose();
    }
  });

  it('counts the budget from when the statement starts, not while it waits behind an analysis', async () => {
    const client = new EngineClient({ wasmPath, workerPath });
    const restarts: EngineRestart[] = [];
    client.onDidRestart((event) => restarts.push(event));
    try {
      await client.analyze('a', sample('customers-stuck-in-channel'), 1, 'en');
      // Replaying 100k customers keeps the worker busy well past the statement's 300 ms budget.
      const busy = client.analyze('big', scenario({ timeline: [{ generateCustomers: { count: 100_000 } }] }), 1, 'en');
      const started = performance.now();
      const result = await client.request({ kind: 'query', doc: 'a', database: 'Default', sql: 'SELECT COUNT(*) FROM CUSTOMER', maxRows: 10, timeoutMs: 300 });
      assert.ok(performance.now() - started > 300, 'it waited behind the analysis');
      assert.deepEqual(result.rows, [[3]]);
      assert.equal((await busy).scenario.usable, true);
      assert.deepEqual(restarts, []);
    } finally {
      client.dispose();
    }
  });

  it('rejects what was pending when the worker dies, says so, and starts a new worker on the next request', async () => {
    // A heap far too small for a large scenario: the worker dies of it, the extension host does not.
    const client = new EngineClient({ wasmPath, workerPath, workerResourceLimits: { maxOldGenerationSizeMb: 24, maxYoungGenerationSizeMb: 4 } });
    const restarts: EngineRestart[] = [];
    client.onDidRestart((event) => restarts.push(event));
    try {
      const big = scenario({ timeline: Array.from({ length: 20000 }, (_, i) => ({ createCustomer: { channel: 'Store42', firstName: `F${i}`, lastName: `L${i}`, email: `c${i}@example.com` } })) });
      await assert.rejects(client.analyze('big', big, 1, 'en'), (error: unknown) => {
        assert.ok(error instanceof EngineError);
        assert.equal(error.code, 'crashed');
        assert.equal(error.message, 'The engine stopped (it ran out of memory); it restarts on the next request.');
        return true;
      });
      assert.deepEqual(restarts, [{ reason: 'crashed', message: 'The engine stopped (it ran out of memory) and was restarted.' }]);
      const next = await client.analyze('small', sample('healthy'), 1, 'en');
      assert.deepEqual(next.findings, []);
    } finally {
      client.dispose();
    }
  });

  it('restarts on request (a new memory budget) and rejects what was in flight as superseded', async () => {
    const client = new EngineClient({ wasmPath, workerPath, memoryBudgetMB: 1536 });
    const restarts: EngineRestart[] = [];
    client.onDidRestart((event) => restarts.push(event));
    try {
      const pending = client.analyze('a', sample('healthy'), 1, 'en');
      client.setMemoryBudgetMB(2048);
      client.restart('The memory budget changed; the engine was restarted.');
      await assert.rejects(pending, (error: unknown) => error instanceof EngineError && error.code === 'cancelled');
      assert.deepEqual(restarts, [{ reason: 'requested', message: 'The memory budget changed; the engine was restarted.' }]);
      assert.deepEqual((await client.analyze('a', sample('healthy'), 2, 'en')).version, 2);
    } finally {
      client.dispose();
    }
  });
});
