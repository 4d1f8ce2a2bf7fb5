import { strict as assert } from 'node:assert';
import { analyze } from '../../src/diagnose/engine';
import { ConsoleSqlError, runConsoleQuery } from '../../src/sim/sqlConsole';
import { loadSql, sample } from './helpers';

describe('the columns DOMAIN.md lists, for a query written for the real databases', () => {
  it('has the documented customer and address columns on the channel and in HQ, and ax.RETAILCUSTTABLE with CUSTACCOUNTASYNC', async () => {
    const { sim } = analyze(await loadSql(), sample('customers-stuck-in-channel'), { keepSimulation: true });
    try {
      const customers = runConsoleQuery(
        sim!,
        'Default',
        'SELECT CUSTACCOUNTASYNC, FIRSTNAME, MIDDLENAME, LASTNAME, CUSTNAME, CURRENCY, LANGUAGEID, DATAAREAID FROM ax.RETAILASYNCCUSTOMERV2 ORDER BY RECID',
      );
      const [first] = customers.rows;
      assert.equal(first[4], `${String(first[1])} ${String(first[3])}`, 'CUSTNAME is first and last name');
      assert.deepEqual(first.slice(5), ['USD', 'en-us', 'usrt']);
      runConsoleQuery(sim!, 'Default', 'SELECT CUSTACCOUNTASYNC, CUSTACCOUNT, ADDRESSID, OPERATION, COUNTRY, STATE, COUNTY, CITY, STREET, STREETNUMBER FROM ax.RETAILASYNCADDRESSV2');
      runConsoleQuery(sim!, 'HQ', 'SELECT MIDDLENAME, CUSTNAME, CURRENCY, LANGUAGEID, DATAAREAID FROM dbo.RETAILASYNCCUSTOMERV2');
      runConsoleQuery(sim!, 'HQ', 'SELECT ADDRESSID, STATE, COUNTY, STREETNUMBER FROM dbo.RETAILASYNCADDRESSV2');
      const pending = runConsoleQuery(sim!, 'Default', 'SELECT COUNT(*) FROM ax.RETAILCUSTTABLE WHERE CUSTACCOUNTASYNC IS NOT NULL AND PENDINGSYNC = 1');
      assert.deepEqual(pending.rows, [[3]]);
    } finally {
      sim?.close();
    }
  });

  it('names an unknown table with the schema the user wrote, never an internal alias', async () => {
    const { sim } = analyze(await loadSql(), sample('customers-stuck-in-channel'), { keepSimulation: true });
    try {
      assert.throws(
        () => runConsoleQuery(sim!, 'Default', 'SELECT * FROM ax.NOSUCHTABLE'),
        (e: unknown) => e instanceof ConsoleSqlError && /no such table: ax\.NOSUCHTABLE/.test(e.message) && !/\bc\d+\./.test(e.message),
      );
      assert.throws(
        () => runConsoleQuery(sim!, 'HQ', 'SELECT * FROM dbo.NOSUCHTABLE'),
        (e: unknown) => e instanceof ConsoleSqlError && /no such table: dbo\.NOSUCHTABLE/.test(e.message),
      );
    } finally {
      sim?.close();
    }
  });
});
