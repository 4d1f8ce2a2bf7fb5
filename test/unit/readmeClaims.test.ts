// What the README says about the rules and the SQL console, checked against what the tool does.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose, only, repoRoot, scenario } from './helpers';

const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');

function query(sql: string) {
  const file = join(repoRoot, 'samples', 'healthy.asyncscenario.json');
  const result = spawnSync(process.execPath, [join(repoRoot, 'dist', 'cli.js'), 'query', file, '--database', 'HQ', sql], { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the README, against the tool', () => {
  it('claims no order among the prerequisite features of ACD001 (DOMAIN.md: no source gives one)', () => {
    const row = readme.split('\n').find((line) => line.includes('(ACD001)'));
    assert.ok(row, 'the FAQ table has an ACD001 row');
    assert.doesNotMatch(row, /in which order|in that order|the order to enable/i);
    assert.match(row, /no source gives an order/);
  });

  it('says the SQL console and query run SQLite, and a T-SQL-only SELECT TOP is refused as it says', () => {
    assert.match(readme, /The console and `query` run SQLite \(sql\.js\), not SQL Server/);
    assert.match(readme, /`SELECT TOP 5 \.\.\.`, is refused with SQLite's syntax error \(write `\.\.\. LIMIT 5`\)/);
    const top = query('SELECT TOP 5 ACCOUNTNUM FROM dbo.CUSTTABLE');
    assert.equal(top.status, 2);
    assert.match(top.stderr, /SQLite: near "5": syntax error/);
    const limit = query('SELECT ACCOUNTNUM FROM dbo.CUSTTABLE LIMIT 5');
    assert.equal(limit.status, 0, limit.stderr);
  });

  it('says ACD008 applies when the editing feature is on from the start, as it does', async () => {
    const text = scenario({
      features: { CustomerOrderPerformance: true, EnhancedAsyncCustomerCreation: true, AsyncCustomerAddressCreation: true, AsyncCustomerEditing: true },
      channels: [{ id: 'Store42', channelDatabase: 'Default', asyncCustomerCreation: false }],
      timeline: [
        { createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', email: 'ana@example.com' } },
        { editCustomer: { channel: 'Store42', customer: 'Ana Berg', phone: '+46 70 123 45 67' } },
      ],
    });
    assert.equal(only((await diagnose(text)).findings, 'ACD008').length, 1);
    const row = readme.split('\n').find((line) => line.startsWith('| ACD008 |'));
    assert.match(row ?? '', /on from the start in `features`/);
  });
});
