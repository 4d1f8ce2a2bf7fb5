// Loads sql.js once, lazily. The wasm file is located by the caller (the extension passes
// its own dist/ folder, tests pass the package's copy), never fetched.
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

let loading: Promise<SqlJsStatic> | undefined;
let loadedFrom: string | undefined;

/** The wasm the build copies beside the bundle (dist/); unit tests pass the package's own copy. */
export function defaultWasmPath(): string {
  const beside = join(__dirname, 'sql-wasm.wasm');
  if (!existsSync(beside)) {
    throw new Error(`sql-wasm.wasm is missing beside ${__dirname}; run the build (npm run build), which copies it there.`);
  }
  return beside;
}

export function loadSqlJs(wasmPath: string = defaultWasmPath()): Promise<SqlJsStatic> {
  if (loading && loadedFrom === wasmPath) {
    return loading;
  }
  if (!loading) {
    loadedFrom = wasmPath;
    loading = (async () => {
      const wasmBinary = readFileSync(wasmPath);
      return initSqlJs({ wasmBinary: wasmBinary.buffer.slice(wasmBinary.byteOffset, wasmBinary.byteOffset + wasmBinary.byteLength) });
    })();
    loading.catch(() => {
      loading = undefined;
    });
  }
  return loading;
}
