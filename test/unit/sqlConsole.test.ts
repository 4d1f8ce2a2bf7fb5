import { strict as assert } from 'node:assert';
import { rawOne } from './rawTables';
import { analyze } from '../../src/diagnose/engine';
import { ConsoleRefusal, ConsoleSqlError, runConsoleQuery, splitStatements } from '../../src/sim/sqlConsole';
import type { Simulation } from '../../src/sim/simulation';
import { loadSql, sample, scenario } from './helpers';

describe('the SQL console (read-only, enforced by SQLite)', () => {
  let sim: Simulation;

  before(async () => {
    sim = analyze(await loadSql(), sample('customers-stuck-in-channel'), { keepSimulation: true }).sim!;
  });

  after(() => sim.close());

  const refusal = (reason: ConsoleRefusal['reason'], message: RegExp) => (error: unknown) =>
    error instanceof ConsoleRefusal && error.reason === reason && message.test(error.message);
  const customers = () => runConsoleQuery(sim, 'Default', 'SELECT COUNT(*) FROM CUSTOMER').rows[0][0];
  const databases = () => runConsoleQuery(sim, 'HQ', 'SELECT name FROM pragma_database_list ORDER BY seq').rows.map((r) => r[0]);

  it('answers a query against a channel database and against HQ', () => {
    const result = runConsoleQuery(sim, 'Default', 'SELECT FIRSTNAME FROM CUSTOMER ORDER BY FIRSTNAME;');
    assert.deepEqual(result, { columns: ['FIRSTNAME'], rows: [['Ana'], ['Erik'], ['Maja']], truncated: false });
    assert.deepEqual(runConsoleQuery(sim, 'HQ', "SELECT 'delete me; drop' AS note -- a comment; not a statement").rows, [['delete me; drop']]);
  });

  it('lets SQLite refuse writes to any database, temp tables included, and leaves the data as it was', () => {
    for (const statement of [
      'DELETE FROM CUSTOMER',
      'UPDATE CUSTOMER SET FIRSTNAME = 1',
      'DROP TABLE CUSTOMER',
      "WITH x AS (SELECT 1) INSERT INTO CUSTOMER (ACCOUNTNUM, PENDINGSYNC) VALUES ('a', 0)",
      "INSERT INTO CUSTOMER (ACCOUNTNUM, PENDINGSYNC) VALUES ('a', 0) RETURNING ACCOUNTNUM",
      'CREATE TEMP TABLE X (A)',
      'DELETE FROM temp.BATCHOPS',
      'ANALYZE',
    ]) {
      assert.throws(() => runConsoleQuery(sim, 'Default', statement), refusal('write', /read-only: SQLite refused the statement because it writes \(attempt to write a readonly database\)/), statement);
    }
    assert.equal(customers(), 3);
  });

  it('refuses PRAGMA statements, and points to the table-valued form that reads them', () => {
    for (const statement of ['PRAGMA query_only = OFF', 'PRAGMA writable_schema = 1', 'PRAGMA soft_heap_limit = 5', 'pragma user_version = 7', 'EXPLAIN PRAGMA query_only = 0']) {
      assert.throws(() => runConsoleQuery(sim, 'HQ', statement), refusal('pragma', /pragma_table_info\('CUSTOMER'\)/), statement);
    }
    assert.deepEqual(runConsoleQuery(sim, 'HQ', 'SELECT * FROM pragma_query_only').rows, [[1]], 'read-only while the statement runs');
    assert.deepEqual(rawOne(sim, 'HQ', 'PRAGMA query_only'), { query_only: 0 }, 'and only while it runs: the simulation writes again');
    assert.equal(runConsoleQuery(sim, 'Default', "SELECT COUNT(*) FROM pragma_table_info('CUSTOMER')").rows[0][0] as number > 3, true);
    assert.equal(customers(), 3, 'the engine still works after the refused pragmas');
  });

  it('refuses ATTACH, DETACH and transactions: they would change the connection', () => {
    for (const statement of ["ATTACH DATABASE ':memory:' AS x", 'DETACH DATABASE c1', 'DETACH hq', 'BEGIN', 'COMMIT', 'SAVEPOINT a', 'VACUUM']) {
      assert.throws(() => runConsoleQuery(sim, 'HQ', statement), refusal('connection', /would change the connection/), statement);
    }
    assert.deepEqual(databases(), ['main', 'temp', 'hq', 'c1']);
  });

  it('reads only the database it runs against (and HQ from a channel database), whatever names the statement uses', () => {
    assert.throws(() => runConsoleQuery(sim, 'HQ', 'SELECT FIRSTNAME FROM CUSTOMER'), refusal('schema', /^This statement reads tables of Default; run against HQ, a statement reads only HQ's tables \(dbo\.\)\. Run it against Default to read those\.$/));
    assert.throws(() => runConsoleQuery(sim, 'HQ', 'SELECT * FROM RETAILCUSTTABLE'), refusal('schema', /reads tables of Default/));
    assert.throws(() => runConsoleQuery(sim, 'HQ', 'SELECT * FROM c1.CHANNELFEATURE'), refusal('schema', /reads tables of Default/));
    assert.throws(() => runConsoleQuery(sim, 'Default', 'SELECT * FROM temp.BATCHOPS'), refusal('schema', /reads the simulation's own working tables; run against Default, a statement reads only Default's tables \(ax\.\) and HQ's \(dbo\.\)\.$/));
    assert.deepEqual(runConsoleQuery(sim, 'Default', 'SELECT COUNT(*) FROM ax.CUSTOMER c JOIN dbo.RETAILCHANNELTABLE h ON h.CHANNELID = c.CHANNEL').rows, [[3]]);
    assert.equal(customers(), 3);
  });

  it('runs one statement at a time', () => {
    assert.throws(() => runConsoleQuery(sim, 'Default', 'SELECT 1; DELETE FROM CUSTOMER'), refusal('several', /one statement at a time; this text has 2/));
    assert.throws(() => runConsoleQuery(sim, 'Default', '  ;  -- nothing'), refusal('empty', /no SQL statement/));
    assert.equal(customers(), 3);
  });

  it('says which databases there are when the name is wrong, and passes on SQLite errors', () => {
    assert.throws(() => runConsoleQuery(sim, 'Nowhere', 'SELECT 1'), refusal('unknownDatabase', /no database 'Nowhere'.*Databases: HQ, Default\./));
    assert.throws(() => runConsoleQuery(sim, 'HQ', 'SELEC 1'), (e: unknown) => e instanceof ConsoleSqlError && /SQLite: near "SELEC": syntax error/.test(e.message));
    assert.deepEqual(runConsoleQuery(sim, 'HQ', 'SELECT 2').rows, [[2]]);
  });

  it('stops at the row limit and says the result was truncated', async () => {
    const big = analyze(await loadSql(), scenario({ timeline: [{ generateCustomers: { count: 500 } }] }), { keepSimulation: true }).sim!;
    try {
      const page = runConsoleQuery(big, 'Default', 'SELECT * FROM CUSTOMER', 100);
      assert.equal(page.rows.length, 100);
      assert.equal(page.truncated, true);
      const endless = runConsoleQuery(big, 'HQ', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c', 1000);
      assert.deepEqual([endless.rows.length, endless.truncated, endless.rows[999][0]], [1000, true, 1000]);
      assert.equal(runConsoleQuery(big, 'Default', 'SELECT COUNT(*) FROM CUSTOMER', 100).truncated, false);
    } finally {
      big.close();
    }
  });

  it('counts statements by SQLite lexical rules: semicolons in strings, names and comments do not count', () => {
    assert.deepEqual(splitStatements("select ';' ; /* ; */ \"a;b\" -- ;\n; [x;y];;"), [['SELECT'], [], []]);
    assert.deepEqual(splitStatements("EXPLAIN QUERY PLAN SELECT 'it''s; fine' FROM t"), [['EXPLAIN', 'QUERY', 'PLAN', 'SELECT']]);
  });
});
