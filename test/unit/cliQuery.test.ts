import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, scenario } from './helpers';

const cli = join(repoRoot, 'dist', 'cli.js');
const stuck = 'samples/customers-stuck-in-channel.asyncscenario.json';

function run(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

describe('command line: query (read-only SQL)', () => {
  it('prints the rows of a channel database as a table', () => {
    const { code, stdout, stderr } = run('query', stuck, '--database', 'Default', 'SELECT FIRSTNAME, EMAIL FROM CUSTOMER ORDER BY FIRSTNAME');
    assert.equal(stderr, '');
    assert.equal(code, 0);
    assert.equal(
      stdout,
      ['FIRSTNAME | EMAIL', '----------+-----------------', 'Ana       | ana@example.com', 'Erik      | erik@example.com', 'Maja      | maja@example.com', '(3 rows)', ''].join('\n'),
    );
  });

  it('prints JSON with the columns, the rows and whether they were truncated (no customer reached HQ here)', () => {
    const { code, stdout } = run('query', stuck, '--database', 'HQ', '--json', "SELECT COUNT(*) AS N, NULL AS NOTE FROM CUSTTABLE");
    assert.equal(code, 0);
    assert.deepEqual(JSON.parse(stdout), { file: stuck, database: 'HQ', columns: ['N', 'NOTE'], rows: [[0, null]], truncated: false, rowLimit: 1000 });
  });

  for (const [what, sql, message] of [
    ['a write', 'DELETE FROM CUSTOMER', /^Default: statement refused: The SQL console is read-only: SQLite refused the statement because it writes \(attempt to write a readonly database\)\.$/m],
    ['a PRAGMA write', 'PRAGMA query_only = OFF', /^Default: statement refused: PRAGMA statements are not run in the SQL console/m],
    ['ATTACH', "ATTACH DATABASE ':memory:' AS x", /^Default: statement refused: The SQL console is read-only: this statement would change the connection/m],
    ['several statements', 'SELECT 1; DELETE FROM CUSTOMER', /^Default: statement refused: The SQL console runs one statement at a time; this text has 2\. Run them one by one\.$/m],
    ['a syntax error', 'SELEC 1', /^Default: statement refused: SQLite: near "SELEC": syntax error$/m],
  ] as const) {
    it(`refuses ${what} with a clear message and exit 2`, () => {
      const { code, stdout, stderr } = run('query', stuck, '--database', 'Default', sql);
      assert.equal(code, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
    });
  }

  it('stops a runaway statement within its budget + 1 s, with exit 2', () => {
    const quick = run('query', stuck, '--database', 'HQ', 'SELECT 1');
    assert.equal(quick.code, 0);
    const runaway = run('query', stuck, '--database', 'HQ', '--timeout-ms', '1500', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT count(*) FROM c');
    assert.equal(runaway.code, 2);
    assert.match(runaway.stderr, /^HQ: statement stopped: The statement ran longer than its time budget \(1\.5 s\) and was stopped\. \(--timeout-ms 1500\)$/m);
    // The same replay as the quick query, plus the budget: the statement took at most budget + 1 s.
    assert.ok(runaway.ms - quick.ms < 1500 + 1000, `${Math.round(runaway.ms)} ms against ${Math.round(quick.ms)} ms for a quick statement`);
  });

  it('runs a file of the SQL pack unchanged, from --sql-file or as an argument that starts with its -- comment', () => {
    const pack = 'queries/hq/staged-customers-not-completed.sql';
    const fromFile = run('query', stuck, '--database', 'HQ', '--sql-file', pack);
    assert.equal(fromFile.code, 0, fromFile.stderr);
    assert.match(fromFile.stdout, /^\(\d+ rows?\)$/m);
    const asArgument = run('query', stuck, '--database', 'HQ', readFileSync(join(repoRoot, pack), 'utf8'));
    assert.equal(asArgument.stdout, fromFile.stdout);
    assert.equal(run('query', stuck, '--database', 'HQ', '--', '--x\nSELECT 1 AS one').code, 0, 'after --, an argument is SQL even when it looks like an option');
    assert.match(run('query', '--help').stdout, /^Usage: async-customer-doctor query FILE --database HQ\|NAME/);
    assert.equal(run('query', '--help').code, 0);
  });

  it('speaks Swedish with --locale sv: its own words and the console\'s reasons', () => {
    const rows = run('query', stuck, '--database', 'HQ', '--locale', 'sv', 'SELECT 1 AS one');
    assert.match(rows.stdout, /^\(1 rad\)$/m);
    const refused = run('query', stuck, '--database', 'HQ', '--locale', 'sv', 'DELETE FROM CUSTTABLE');
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /^HQ: satsen avvisades: SQL-konsolen är skrivskyddad: SQLite avvisade satsen eftersom den skriver/m);
    assert.match(run('query', stuck, '--database', 'HQ', '--locale', 'sv', 'SELECT * FROM CUSTOMER').stderr, /^HQ: satsen avvisades: Satsen läser tabeller i Default; mot HQ läser en sats bara HQ:s tabeller \(dbo\.\)\./m);
  });

  it('with --json, says as JSON why a statement gave no rows', () => {
    const refused = run('query', stuck, '--database', 'HQ', '--json', 'DELETE FROM CUSTTABLE');
    assert.equal(refused.code, 2);
    const answer = JSON.parse(refused.stdout) as { database: string; error: { kind: string; message: string } };
    assert.equal(answer.database, 'HQ');
    assert.equal(answer.error.kind, 'readOnly');
    assert.match(answer.error.message, /^The SQL console is read-only/);
  });

  it('truncates a huge result at the row limit and says so', () => {
    const { code, stdout } = run('query', stuck, '--database', 'HQ', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c');
    assert.equal(code, 0);
    const lines = stdout.trimEnd().split('\n');
    assert.equal(lines.length, 2 + 1000 + 1);
    assert.equal(lines[1001].trim(), '1000');
    assert.equal(lines[1002], '(1000 rows shown: the result was truncated at the row limit of 1000)');
    const json = JSON.parse(run('query', stuck, '--database', 'HQ', '--json', 'WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x+1 FROM c) SELECT x FROM c').stdout) as { rows: unknown[]; truncated: boolean };
    assert.deepEqual([json.rows.length, json.truncated], [1000, true]);
  });

  it('names the databases when the one asked for does not exist, and explains bad arguments', () => {
    assert.match(run('query', stuck, '--database', 'Online', 'SELECT 1').stderr, /^Online: statement refused: There is no database 'Online' in this scenario\. Databases: HQ, Default\.$/m);
    const noDatabase = run('query', stuck, 'SELECT 1');
    assert.equal(noDatabase.code, 2);
    assert.match(noDatabase.stderr, /^No database given: --database HQ, or the name of a channel database in the scenario\./);
    assert.match(run('query', stuck, '--database', 'HQ', '--timeout-ms', 'soon', 'SELECT 1').stderr, /^--timeout-ms takes a whole number of milliseconds from 1 to 2147483647, not 'soon'\./);
    // Beyond what a timer can keep, the budget would run out at once.
    const tooLong = run('query', stuck, '--database', 'HQ', '--timeout-ms', '99999999999', 'SELECT 1');
    assert.equal(tooLong.code, 2);
    assert.match(tooLong.stderr, /^--timeout-ms takes a whole number of milliseconds from 1 to 2147483647, not '99999999999'\./);
    assert.match(run('query', 'missing.asyncscenario.json', '--database', 'HQ', 'SELECT 1').stderr, /^missing\.asyncscenario\.json: cannot read the file \(ENOENT\)$/m);
  });

  it('says nothing was simulated when the file is not a scenario, or one beyond the memory budget', () => {
    const broken = run('query', 'test/fixtures/crash-deep-nesting.asyncscenario.json', '--database', 'HQ', 'SELECT 1');
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /^test\/fixtures\/crash-deep-nesting\.asyncscenario\.json:1:77: nothing was simulated, so there is nothing to query \(The file nests brackets/m);
    const dir = mkdtempSync(join(tmpdir(), 'acd-query-'));
    try {
      const file = join(dir, 'huge.asyncscenario.json');
      writeFileSync(file, scenario({ timeline: [{ generateCustomers: { count: 1_500_000 } }] }));
      const huge = run('query', file, '--database', 'HQ', 'SELECT 1');
      assert.equal(huge.code, 2);
      assert.match(huge.stderr, /nothing was simulated, so there is nothing to query \(Replaying this scenario would need about 1783 MB .*asyncCustomerDoctor\.limits\.memoryBudgetMB/);
      assert.ok(huge.ms < 5000, 'refused without replaying');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
