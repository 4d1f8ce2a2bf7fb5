// The SQL pack (queries/): read-only T-SQL for the real channel database (ax.) and HQ (dbo.).
// Every query is parsed with a real Transact-SQL parser, so SQLite-only syntax fails the build,
// and run unchanged against the simulation through the SQL console.
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Parser } from 'node-sql-parser';
import { parseScenario } from '../../../src/scenario/parse';
import { replay } from '../../../src/scenario/replay';
import { runConsoleQuery } from '../../../src/sim/sqlConsole';
import { loadSql, repoRoot, sample } from '../helpers';

const packDir = join(repoRoot, 'queries');
const QUERIES = (['channel', 'hq'] as const).flatMap((side) =>
  readdirSync(join(packDir, side))
    .filter((f) => f.endsWith('.sql'))
    .sort()
    .map((file) => ({ side, file, path: `${side}/${file}`, text: readFileSync(join(packDir, side, file), 'utf8') })),
);

interface SelectAst {
  readonly type: string;
  readonly limit?: { readonly value?: readonly unknown[] } | null;
  readonly _next?: SelectAst;
}

describe('the SQL pack', () => {
  it('has queries for both sides', () => {
    assert.ok(QUERIES.filter((q) => q.side === 'channel').length >= 2);
    assert.ok(QUERIES.filter((q) => q.side === 'hq').length >= 2);
  });

  for (const query of QUERIES) {
    describe(query.path, () => {
      it('starts with a header comment: where to run it, what it answers, how to save the result as CSV', () => {
        const header = query.text.split('\n').filter((l) => l.startsWith('--')).join('\n');
        assert.ok(query.text.startsWith('-- '), 'the file starts with a comment');
        assert.match(header, new RegExp(`Run in: the ${query.side === 'channel' ? 'CHANNEL DATABASE' : 'HQ \\(AXDB\\) database'}`));
        assert.match(header, /Answers: /);
        assert.match(header, /Save as CSV: SSMS: .*Save Results As\.\.\./);
        assert.match(header, new RegExp(`sqlcmd .*-s"," .*-i ${query.file.replace('.', '\\.')} -o ${query.file.replace('.sql', '\\.csv')}`));
      });

      it('is one read-only SELECT in Transact-SQL (no LIMIT or other SQLite-only syntax)', () => {
        const parser = new Parser();
        const ast = parser.astify(query.text, { database: 'TransactSQL' }) as SelectAst | SelectAst[];
        const statements = Array.isArray(ast) ? ast : [ast];
        assert.equal(statements.length, 1);
        for (let s: SelectAst | undefined = statements[0]; s; s = s._next) {
          assert.equal(s.type, 'select');
          assert.equal(s.limit?.value?.length ?? 0, 0, 'LIMIT is not T-SQL; use TOP or nothing');
        }
        const schema = query.side === 'channel' ? 'ax' : 'dbo';
        const tables = parser.tableList(query.text, { database: 'TransactSQL' });
        assert.ok(tables.length > 0);
        for (const table of tables) {
          assert.match(table, new RegExp(`^select::${schema}::[A-Z0-9]+$`), `${table}: every table of a ${query.side} query is in schema ${schema}`);
        }
      });

      it('runs unchanged against the simulation', async () => {
        const { sim } = replay(parseScenario(sample('customers-stuck-in-staging')), await loadSql());
        const result = runConsoleQuery(sim, query.side === 'channel' ? 'Online' : 'HQ', query.text);
        assert.ok(result.columns.length > 0);
      });
    });
  }

  it('finds what the FAQ asks on a scenario with records waiting in HQ', async () => {
    const { sim } = replay(parseScenario(sample('customers-stuck-in-staging')), await loadSql());
    const staged = runConsoleQuery(sim, 'HQ', QUERIES.find((q) => q.file === 'staged-customers-not-completed.sql')!.text);
    assert.ok(staged.rows.length > 0);
    assert.ok(staged.rows.every((r) => r[staged.columns.indexOf('ONLINEOPERATIONCOMPLETED')] === 0));
    const pending = runConsoleQuery(sim, 'Online', QUERIES.find((q) => q.file === 'customers-pending-sync.sql')!.text);
    assert.equal(pending.rows.length, staged.rows.filter((r) => r[staged.columns.indexOf('OPERATION')] === 1).length);
  });
});
