import { strict as assert } from 'node:assert';
import { analyze } from '../../../src/diagnose/engine';
import { ConsoleRefusal, runConsoleQuery } from '../../../src/sim/sqlConsole';
import { loadSql, sample } from '../helpers';

describe('the SQL console with the real schema names', () => {
  it('runs a query written for the real channel database (ax.) and HQ (dbo.) unchanged', async () => {
    const { sim } = analyze(await loadSql(), sample('customers-stuck-in-channel'), { keepSimulation: true });
    try {
      const channel = runConsoleQuery(sim!, 'Default', 'SELECT CUSTACCOUNTASYNC, ORIGINATINGCHANNEL, OPERATION FROM ax.RETAILASYNCCUSTOMERV2 ORDER BY RECID');
      assert.deepEqual(channel.columns, ['CUSTACCOUNTASYNC', 'ORIGINATINGCHANNEL', 'OPERATION']);
      assert.equal(channel.rows.length, 3);
      assert.equal(channel.rows[0][1], 'Store42');
      assert.equal(channel.rows[0][2], 1);
      // T-SQL quoting of the schema, a string and a comment that mention ax. are left as they are.
      const quoted = runConsoleQuery(sim!, 'Default', "SELECT COUNT(*), 'ax.text' FROM [ax].RETAILASYNCCUSTOMERV2 -- from ax.somewhere");
      assert.deepEqual(quoted.rows, [[3, 'ax.text']]);
      const hq = runConsoleQuery(sim!, 'HQ', 'SELECT COUNT(*) FROM dbo.RETAILASYNCCUSTOMERV2 WHERE ONLINEOPERATIONCOMPLETED = 0');
      assert.deepEqual(hq.rows, [[0]]);
      const both = runConsoleQuery(sim!, 'Default', 'SELECT COUNT(*) FROM ax.RETAILASYNCCUSTOMERV2 c LEFT JOIN dbo.RETAILASYNCCUSTOMERV2 h ON h.OPERATIONID = c.OPERATIONID WHERE h.OPERATIONID IS NULL');
      assert.deepEqual(both.rows, [[3]], 'none of them reached HQ');
      assert.throws(
        () => runConsoleQuery(sim!, 'HQ', 'SELECT * FROM ax.RETAILASYNCCUSTOMERV2'),
        (e: unknown) => e instanceof ConsoleRefusal && e.reason === 'schema' && /run the statement against a channel database \(Default\)/.test(e.message),
      );
    } finally {
      sim?.close();
    }
  });
});
