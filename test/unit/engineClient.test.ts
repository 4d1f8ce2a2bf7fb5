import { strict as assert } from 'node:assert';
import { join } from 'node:path';
import { EngineClient } from '../../src/engine/client';
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
