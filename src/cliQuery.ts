// `query` on the command line: replays a scenario and runs one read-only SQL statement against
// HQ or a channel database, with the SQL console's engine and limits. The replay and the
// statement run in the engine's worker thread, so a statement past its time budget is stopped
// by terminating the worker (sql.js cannot interrupt a statement).
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { localeOf, localize, msg, type Locale } from './domain/l10n';
import { EngineClient } from './engine/client';
import { isEngineError, type QueryResult } from './engine/protocol';
import { CONSOLE_LIMITS } from './sim/sqlConsole';
import { defaultWasmPath } from './sim/sqljs';

/** The longest time budget a timer can keep (setTimeout's limit); a longer one would fire at once. */
const MAX_TIMEOUT_MS = 2_147_483_647;

export const QUERY_USAGE = `query FILE --database HQ|NAME ("SQL" | --sql-file FILE.sql) [--json] [--timeout-ms N] [--locale en|sv]

query: replays the scenario, then runs one read-only SQL statement against HQ or a
channel database (its name in the scenario) and prints the rows (at most ${CONSOLE_LIMITS.maxRows}).
--sql-file reads the statement from a file, e.g. one of the SQL pack's (queries/); SQL given
as an argument may start with a -- comment, or follow -- (the end of the options).
Read-only is enforced by SQLite; a statement still running after the time budget
(--timeout-ms, default ${CONSOLE_LIMITS.timeoutMs}, at most ${MAX_TIMEOUT_MS}) is stopped.
Exit codes: 0 rows printed, 2 unusable input, or a statement refused, failed or stopped.`;

interface QueryArgs {
  readonly file: string;
  readonly database: string;
  readonly sql: string;
  readonly json: boolean;
  readonly timeoutMs: number;
  readonly locale: Locale;
}

export async function queryCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(`Usage: async-customer-doctor ${QUERY_USAGE}`);
    return 0;
  }
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    err(`${args}\n\nUsage: async-customer-doctor ${QUERY_USAGE}`);
    return 2;
  }
  let text: string;
  try {
    if (statSync(args.file).isDirectory()) {
      err(`${args.file}: ${localize(msg('cli.directory', {}), args.locale)}`);
      return 2;
    }
    text = readFileSync(args.file, 'utf8');
  } catch (error) {
    err(`${args.file}: ${localize(msg('cli.cannotRead', { code: (error as NodeJS.ErrnoException).code ?? String(error) }), args.locale)}`);
    return 2;
  }
  const client = new EngineClient({ wasmPath: wasmPath(), workerPath: workerPath() });
  try {
    const snapshot = await client.analyze(args.file, text, 1, args.locale);
    const refusal = snapshot.findings.find((f) => f.ruleId === 'ACD108') ?? (snapshot.scenario.usable ? undefined : snapshot.findings[0]);
    if (refusal || !snapshot.scenario.usable) {
      const where = refusal ? `:${refusal.location.range.start.line + 1}:${refusal.location.range.start.character + 1}` : '';
      err(`${args.file}${where}: ${localize(msg('cli.query.nothingSimulated', { why: refusal?.message ?? '' }), args.locale)}`);
      return 2;
    }
    const result = await client.request({ kind: 'query', doc: args.file, database: args.database, sql: args.sql, maxRows: CONSOLE_LIMITS.maxRows, timeoutMs: args.timeoutMs, locale: args.locale });
    if (args.json) {
      out(JSON.stringify({ file: args.file, database: args.database, columns: result.columns, rows: result.rows.map((r) => r.map(cell)), truncated: result.truncated, rowLimit: CONSOLE_LIMITS.maxRows }, null, 2));
    } else {
      printTable(result, out, args.locale);
    }
    return 0;
  } catch (error) {
    if (isEngineError(error, 'readOnly') || isEngineError(error, 'sqlError')) {
      err(localize(msg('cli.query.refused', { db: args.database, message: error.message }), args.locale));
    } else if (isEngineError(error, 'timeout')) {
      err(localize(msg('cli.query.stopped', { db: args.database, message: error.message, ms: args.timeoutMs }), args.locale));
    } else if (isEngineError(error)) {
      err(`${args.file}: ${error.message}`);
    } else {
      throw error;
    }
    if (args.json) {
      // A script reading --json gets the outcome as JSON too: why the statement gave no rows.
      out(JSON.stringify({ file: args.file, database: args.database, error: { kind: error.code, message: error.message } }, null, 2));
    }
    return 2;
  } finally {
    client.dispose();
  }
}

function parseArgs(argv: readonly string[]): QueryArgs | string {
  const positional: string[] = [];
  let sqlFile: string | undefined;
  let optionsEnded = false;
  let database: string | undefined;
  let json = false;
  let timeoutMs: number = CONSOLE_LIMITS.timeoutMs;
  let locale: Locale = localeOf(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    // After --, and for SQL that starts with a comment ("-- Async customer operations..."), an argument is not an option.
    if (optionsEnded || /^--\s/.test(arg)) {
      positional.push(arg);
      continue;
    }
    if (arg === '--') {
      optionsEnded = true;
      continue;
    }
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (name === '--json') {
      json = true;
    } else if (name === '--database') {
      database = value();
    } else if (name === '--timeout-ms') {
      const given = value();
      timeoutMs = Number(given);
      if (!Number.isInteger(timeoutMs) || timeoutMs <= 0 || timeoutMs > MAX_TIMEOUT_MS) {
        return `--timeout-ms takes a whole number of milliseconds from 1 to ${MAX_TIMEOUT_MS}, not '${given ?? ''}'.`;
      }
    } else if (name === '--sql-file') {
      sqlFile = value();
      if (!sqlFile) {
        return '--sql-file takes the path of a file with one SQL statement.';
      }
    } else if (name === '--locale') {
      locale = localeOf(value());
    } else if (arg.startsWith('--')) {
      return `Unknown option '${arg}'.`;
    } else {
      positional.push(arg);
    }
  }
  const [file, ...rest] = positional;
  if (!file) {
    return 'No scenario file given.';
  }
  if (sqlFile !== undefined) {
    if (rest.length > 0) {
      return `The statement comes from --sql-file ${sqlFile}; unexpected '${rest[0]}'.`;
    }
    try {
      rest.push(readFileSync(sqlFile, 'utf8'));
    } catch (error) {
      return `${sqlFile}: ${localize(msg('cli.cannotRead', { code: (error as NodeJS.ErrnoException).code ?? String(error) }), locale)}`;
    }
  }
  const [sql, ...extra] = rest;
  if (!database) {
    return 'No database given: --database HQ, or the name of a channel database in the scenario.';
  }
  if (sql === undefined) {
    return 'No SQL statement given (quote it as one argument).';
  }
  if (extra.length > 0) {
    return `One SQL statement, quoted as one argument; unexpected '${extra[0]}'.`;
  }
  return { file, database, sql, json, timeoutMs, locale };
}

function cell(value: unknown): string | number | null {
  if (value instanceof Uint8Array) {
    return `<${value.length} bytes>`;
  }
  return value as string | number | null;
}

const MAX_CELL = 60;

function printTable(result: QueryResult, out: (line: string) => void, locale: Locale): void {
  const show = (value: unknown) => {
    const text = value === null ? 'NULL' : String(cell(value));
    const flat = text.replace(/\s+/g, ' ');
    return flat.length > MAX_CELL ? `${flat.slice(0, MAX_CELL - 1)}…` : flat;
  };
  const rows = result.rows.map((r) => r.map(show));
  const widths = result.columns.map((c, i) => Math.max(c.length, ...rows.map((r) => r[i].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ').trimEnd();
  out(line(result.columns));
  out(widths.map((w) => '-'.repeat(w)).join('-+-'));
  for (const row of rows) {
    out(line(row));
  }
  out(localize(result.truncated ? msg('cli.query.truncated', { n: rows.length, max: CONSOLE_LIMITS.maxRows }) : msg('cli.query.rows', { n: rows.length }), locale));
}

/** The bundled worker beside dist/cli.js, or the compiled one beside out/src/cli.js. */
function workerPath(): string {
  const bundled = join(__dirname, 'engineWorker.js');
  return existsSync(bundled) ? bundled : join(__dirname, 'engine', 'worker.js');
}

/** Beside the bundle in dist/, or the package's own copy when run compiled from out/src/. */
function wasmPath(): string {
  return existsSync(join(__dirname, 'sql-wasm.wasm')) ? defaultWasmPath() : join(__dirname, '..', '..', 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm');
}
