import { strict as assert } from 'node:assert';
import { analyze } from '../../src/diagnose/engine';
import { cdxJobStates, featureStates, operationCounts, operations, stagingRows, stagingTables } from '../../src/sim/queries';
import { ConsoleRefusal, runConsoleQuery } from '../../src/sim/sqlConsole';
import type { Simulation } from '../../src/sim/simulation';
import { loadSql, sample, scenario } from './helpers';

describe('what the views read from the simulation', () => {
  let sim: Simulation;

  before(async () => {
    sim = analyze(await loadSql(), sample('customers-stuck-in-channel'), { keepSimulation: true }).sim!;
  });

  after(() => sim.close());

  it('lists the features with their prerequisites and what is missing', () => {
    const editing = featureStates(sim).find((f) => f.id === 'AsyncCustomerEditing')!;
    assert.equal(editing.enabled, false);
    assert.deepEqual(editing.missingPrerequisites, []);
    assert.equal(editing.prerequisites.length, 3);
  });

  it('marks the P-job stale while records wait in the channel database', () => {
    const [db] = cdxJobStates(sim);
    assert.equal(db.name, 'Default');
    const pJob = db.jobs.find((j) => j.jobId === 'P-0001')!;
    assert.equal(pJob.stale, true);
    assert.equal(db.jobs.find((j) => j.jobId === '1110')!.lastRunAtStart, true);
  });

  it('counts staging rows on both sides and pages them', () => {
    const channel = stagingTables(sim).find((t) => t.database === 'Default' && t.table === 'RETAILASYNCCUSTOMERV2')!;
    assert.deepEqual([channel.rowCount, channel.pendingCount], [3, 3]);
    assert.deepEqual(
      stagingRows(sim, 'Default', 'RETAILASYNCCUSTOMERV2', 1, 1).map((r) => r.FIRSTNAME),
      ['Erik'],
    );
    assert.throws(() => stagingRows(sim, 'HQ', 'CUSTTABLE; DROP TABLE X', 0, 1), /Not a staging table/);
  });

  it('groups operations by status', () => {
    assert.deepEqual(operationCounts(sim), { PendingUpload: 3, Pending: 0, Failed: 0, Succeeded: 0 });
    assert.deepEqual(
      operations(sim, 'PendingUpload', 0, 2).map((o) => o.operationId),
      ['ASYNC-000001', 'ASYNC-000002'],
    );
  });

  it('answers read-only SQL and rejects statements that would write, leaving the data as it was', () => {
    const result = runConsoleQuery(sim, 'Default', 'SELECT FIRSTNAME FROM CUSTOMER ORDER BY FIRSTNAME');
    assert.deepEqual(result.columns, ['FIRSTNAME']);
    assert.deepEqual(result.rows, [['Ana'], ['Erik'], ['Maja']]);
    for (const statement of [
      'DELETE FROM CUSTOMER',
      'UPDATE CUSTOMER SET FIRSTNAME = 1',
      'DROP TABLE CUSTOMER',
      'SELECT 1; DELETE FROM CUSTOMER',
      "WITH x AS (SELECT 1) INSERT INTO CUSTOMER (ACCOUNTNUM, PENDINGSYNC) VALUES ('a', 0)",
      'PRAGMA writable_schema = 1',
      "ATTACH DATABASE ':memory:' AS x",
    ]) {
      assert.throws(() => runConsoleQuery(sim, 'Default', statement), ConsoleRefusal, statement);
    }
    assert.equal(runConsoleQuery(sim, 'Default', 'SELECT COUNT(*) FROM CUSTOMER').rows[0][0], 3);
    assert.deepEqual(runConsoleQuery(sim, 'HQ', "SELECT 'delete me' AS note").rows, [['delete me']]);
  });

  it('never loads a whole table: a page is at most what was asked', async () => {
    const big = analyze(
      await loadSql(),
      scenario({ timeline: [{ generateCustomers: { count: 500 } }] }),
      { keepSimulation: true },
    ).sim!;
    assert.equal(stagingRows(big, 'Default', 'RETAILASYNCCUSTOMERV2', 0, 50).length, 50);
    assert.equal(runConsoleQuery(big, 'Default', 'SELECT * FROM CUSTOMER', 100).truncated, true);
    big.close();
  });
});
