// The benchmark's baseline: the same Simulation, the same SQL, on native SQLite (better-sqlite3).
// Used only by `npm run bench`; the extension never loads it.
import Database from 'better-sqlite3';
import type { Row, SqlConnection, SqlStatement, SqlValue } from '../src/sim/connection';

/** `onOpen` receives the native database itself (bench/storage.ts reads dbstat from it). */
export function nativeConnection(onOpen?: (db: Database.Database) => void): SqlConnection {
  const db = new Database(':memory:');
  onOpen?.(db);
  return {
    exec: (text) => {
      db.exec(text);
    },
    prepare: (text): SqlStatement => {
      const statement = db.prepare(text);
      // better-sqlite3 binds every JS number as REAL; sql.js binds whole numbers as INTEGER. Bind
      // them as sql.js does (BigInt), or CAST(? AS TEXT) gives '100001.0' and the baseline differs.
      const args = (params: readonly SqlValue[]) => params.map((p) => (p instanceof Uint8Array ? Buffer.from(p) : Number.isSafeInteger(p) ? BigInt(p as number) : p));
      return {
        run: (params) => {
          statement.run(...args(params));
        },
        all: (params) => statement.all(...args(params)) as Row[],
        one: (params) => statement.get(...args(params)) as Row | undefined,
        raw: (params, maxRows) => {
          const rows: SqlValue[][] = [];
          let truncated = false;
          for (const row of statement.raw(true).iterate(...args(params)) as Iterable<SqlValue[]>) {
            if (rows.length >= maxRows) {
              truncated = true;
              break;
            }
            rows.push(row);
          }
          return { columns: statement.columns().map((c) => c.name), rows, truncated };
        },
        free: () => {},
      };
    },
    close: () => db.close(),
  };
}
