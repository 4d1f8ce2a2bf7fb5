import { strict as assert } from 'node:assert';
import { analyze } from '../../src/diagnose/engine';
import { ConsoleRefusal, runConsoleQuery } from '../../src/sim/sqlConsole';
import { readableAsyncId, readableInstant, readableOperationId, storedAsyncId, storedInstant, storedOperationId } from '../../src/sim/storedValues';
import { loadSql, scenario } from './helpers';

describe('values stored compactly read back as the text they were', () => {
  it('reads back every instant exactly, whether stored as seconds or, when not in the canonical form, as text', async () => {
    const SQL = await loadSql();
    const db = new SQL.Database();
    try {
      db.exec(`CREATE TABLE T (AT TEXT GENERATED ALWAYS AS ${readableInstant('AT_S')} VIRTUAL, AT_S)`);
      const instants = [
        '2026-11-01T09:00:00Z',
        '1969-12-31T23:59:59Z',
        '0000-01-01T00:00:00Z',
        '9999-12-31T23:59:59Z',
        '2040-01-01T00:00:00Z',
        '2026-11-01T10:00:00+01:00',
        '2026-11-01T09:00:00.500Z',
        '2026-02-31T00:00:00Z',
        '+010000-01-01T00:00:00Z',
        '2026-11-01 09:00:00',
      ];
      for (const instant of instants) {
        db.run('INSERT INTO T (AT_S) VALUES (?)', [storedInstant(instant)]);
      }
      assert.deepEqual(
        db.exec('SELECT AT, typeof(AT_S) FROM T ORDER BY ROWID')[0].values,
        instants.map((instant, i) => [instant, i < 2 ? 'integer' : i < 5 ? 'real' : 'text']),
      );
    } finally {
      db.close();
    }
  });

  it('reads back a simulated temporary id stored as its counter, also one beyond 32 bits, and any other id as text', async () => {
    const SQL = await loadSql();
    const db = new SQL.Database();
    try {
      db.exec(`CREATE TABLE T (ID TEXT GENERATED ALWAYS AS ${readableAsyncId('ID_S')} VIRTUAL, ID_S)`);
      const ids = ['6E789E6A-A1B9-45F4-86B7-000000000001', '6E789E6A-A1B9-45F4-86B7-FFFFFFFFFFFF', '6e789e6a-a1b9-45f4-86b7-000000000001', 'SE42-000201', '42'];
      for (const id of ids) {
        db.run('INSERT INTO T (ID_S) VALUES (?)', [storedAsyncId(id)]);
      }
      assert.deepEqual(
        db.exec('SELECT ID, typeof(ID_S) FROM T ORDER BY ROWID')[0].values,
        ids.map((id, i) => [id, ['integer', 'real'][i] ?? 'text']),
      );
    } finally {
      db.close();
    }
  });

  it('reads back an operation id stored as its number, and one of another shape as text', async () => {
    const SQL = await loadSql();
    const db = new SQL.Database();
    try {
      db.exec(`CREATE TABLE T (ID TEXT GENERATED ALWAYS AS ${readableOperationId('ID_S')} VIRTUAL, ID_S)`);
      const ids = ['ASYNC-000001', 'ASYNC-1234567', 'ASYNC-99999999999', 'ASYNC-0000001', 'ASYNC-1', 'OP-7'];
      for (const id of ids) {
        db.run('INSERT INTO T (ID_S) VALUES (?)', [storedOperationId(id)]);
      }
      assert.deepEqual(
        db.exec('SELECT ID, typeof(ID_S) FROM T ORDER BY ROWID')[0].values,
        ids.map((id, i) => [id, ['integer', 'integer', 'real'][i] ?? 'text']),
      );
    } finally {
      db.close();
    }
  });

  it('shows CREATEDAT and UPLOADEDAT as ISO text in the console, and SELECT * shows the same columns as before', async () => {
    const text = scenario({
      features: { CustomerOrderPerformance: true },
      channels: [{ id: 'Store1', channelDatabase: 'Default', asyncCustomerCreation: true }],
      timeline: [
        { at: '2026-11-01T09:00:00Z', createCustomer: { channel: 'Store1', firstName: 'Ana', lastName: 'Berg', address: { street: 'Storgatan 1', city: 'Umeå', zip: '90326', countryRegion: 'SWE' } } },
        { advance: 'PT15M' },
        { runJob: 'P-0001' },
      ],
    });
    const { sim } = analyze(await loadSql(), text, { keepSimulation: true });
    try {
      const staged = runConsoleQuery(sim!, 'HQ', 'SELECT * FROM dbo.RETAILASYNCCUSTOMERV2');
      assert.equal(staged.columns.filter((c) => c.endsWith('_S')).length, 0, staged.columns.join(', '));
      const row = Object.fromEntries(staged.columns.map((c, i) => [c, staged.rows[0][i]]));
      assert.equal(row.CREATEDAT, '2026-11-01T09:00:00Z');
      assert.equal(row.UPLOADEDAT, '2026-11-01T09:15:00Z');
      assert.equal(row.OPERATIONTYPE, 'CustomerCreate');
      assert.deepEqual([row.CURRENCY, row.LANGUAGEID, row.DATAAREAID], ['USD', 'en-us', 'usrt']);
      assert.equal(row.ORIGIN, 'timeline/0');
      assert.equal(row.CUSTACCOUNTASYNC, '6E789E6A-A1B9-45F4-86B7-000000000001');
      const page = runConsoleQuery(sim!, 'HQ', "SELECT UPLOADEDAT, OPERATIONTYPE, ORIGIN FROM dbo.RETAILASYNCOPERATIONSTATUS WHERE UPLOADEDAT = '2026-11-01T09:15:00Z'");
      assert.deepEqual(page.rows, [['2026-11-01T09:15:00Z', 'CustomerCreate', 'timeline/0']]);
      const address = runConsoleQuery(sim!, 'HQ', 'SELECT OPERATIONTYPE, ORIGIN FROM dbo.RETAILASYNCADDRESSV2');
      assert.deepEqual(address.rows, [['CustomerCreate', 'timeline/0']]);
      const onChannel = runConsoleQuery(sim!, 'Default', 'SELECT ACCOUNTNUM, ORIGIN FROM ax.CUSTOMER');
      assert.deepEqual(onChannel.rows, [['6E789E6A-A1B9-45F4-86B7-000000000001', 'timeline/0']]);
      for (const write of ["UPDATE dbo.RETAILASYNCCUSTOMERV2 SET CREATEDAT = 'x'", "INSERT INTO ax.CUSTOMER (ACCOUNTNUM, PENDINGSYNC) VALUES ('a', 0)"]) {
        assert.throws(() => runConsoleQuery(sim!, write.includes('ax.') ? 'Default' : 'HQ', write), (e: unknown) => e instanceof ConsoleRefusal && /read-only: SQLite refused the statement because it writes/.test(e.message), write);
      }
    } finally {
      sim?.close();
    }
  });

  it('reads the last second of year 9999 (stored as a REAL, beyond 32 bits) back exactly through the channel, the P-job and the batch job', async () => {
    const text = scenario({
      features: { CustomerOrderPerformance: true },
      channels: [{ id: 'Store1', channelDatabase: 'Default', asyncCustomerCreation: true }],
      timeline: [
        { at: '9999-12-31T23:00:00Z', advance: 'PT2H' },
        { createCustomer: { channel: 'Store1', firstName: 'Ana', lastName: 'Berg' } },
        { runJob: 'P-0001' },
        { runBatch: 'SynchronizeCustomersAndChannelRequests' },
      ],
    });
    const { sim } = analyze(await loadSql(), text, { keepSimulation: true });
    try {
      const channel = runConsoleQuery(sim!, 'Default', 'SELECT CREATEDAT, UPLOADEDAT FROM ax.RETAILASYNCCUSTOMERV2');
      assert.deepEqual(channel.rows, [['9999-12-31T23:59:59Z', '9999-12-31T23:59:59Z']]);
      const hq = runConsoleQuery(sim!, 'HQ', 'SELECT c.CREATEDAT, s.UPLOADEDAT, s.LASTATTEMPTAT FROM dbo.CUSTTABLE c JOIN dbo.RETAILASYNCOPERATIONSTATUS s ON s.ACCOUNTNUM = c.ACCOUNTNUM');
      assert.deepEqual(hq.rows, [['9999-12-31T23:59:59Z', '9999-12-31T23:59:59Z', '9999-12-31T23:59:59Z']]);
    } finally {
      sim?.close();
    }
  });

  it('keeps temporary ids from imported evidence as they were, in any shape, in the staging tables, the status page and the customer master', async () => {
    const ids = ['SE42-000201', '6e789e6a-a1b9-45f4-86b7-000000000009', '6E789E6A-A1B9-45F4-86B7-00000000000A1', '123'];
    const text = scenario({
      features: { CustomerOrderPerformance: true },
      channels: [{ id: 'Store1', channelDatabase: 'Default', asyncCustomerCreation: true }],
      timeline: ids.map((id, i) => ({ observedOperation: { channel: 'Store1', asyncCustomerAccount: id, customerAccount: `00412${i}`, operation: 'create', status: 'succeeded' } })),
    });
    const { sim } = analyze(await loadSql(), text, { keepSimulation: true });
    try {
      const rows = (sql: string): unknown[] => runConsoleQuery(sim!, 'HQ', sql).rows.map((r) => r[0]);
      assert.deepEqual(rows('SELECT CUSTACCOUNTASYNC FROM dbo.RETAILASYNCCUSTOMERV2 ORDER BY RECID'), ids);
      assert.deepEqual(rows('SELECT CUSTACCOUNTASYNC FROM dbo.RETAILASYNCOPERATIONSTATUS ORDER BY OPERATIONID'), ids);
      assert.deepEqual(rows('SELECT CUSTACCOUNTASYNC FROM dbo.CUSTTABLE ORDER BY ACCOUNTNUM'), ids);
      assert.deepEqual(rows("SELECT ORIGIN FROM dbo.CUSTTABLE WHERE CUSTACCOUNTASYNC = '123'"), ['timeline/3']);
    } finally {
      sim?.close();
    }
  });
});
