// Runs inside VS Code (extensionTestsPath) for npm run bench: activates a throwaway empty
// extension (the extension host's first activation), then the empty baseline extension and ours
// (in turns, one first in one window and the other in the next), on a workspace without
// scenarios (so neither is active yet), then loads
// our workbench (what follows activation once a scenario is in sight), and writes the times for
// the launcher to collect.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';

async function activationMs(id: string): Promise<number> {
  const extension = vscode.extensions.getExtension(id);
  if (!extension) {
    throw new Error(`${id} is not installed`);
  }
  if (extension.isActive) {
    // Something in this window (a restored JSONC editor) activated it first.
    return Number.NaN;
  }
  const started = performance.now();
  await extension.activate();
  return performance.now() - started;
}

export async function run(): Promise<void> {
  const out = join(__dirname, '..', '..', '..', 'test-results');
  mkdirSync(out, { recursive: true });
  const warmUpMs = await activationMs('bench.warmup');
  // Later activations in a window run warmer code in the extension host: every other window
  // activates ours before the empty one, so that the medians favour neither.
  const oursFirst = readdirSync(out).filter((f) => f.startsWith('activation-run-')).length % 2 === 1;
  const ours = oursFirst ? await activationMs(EXTENSION_ID) : Number.NaN;
  const emptyMs = await activationMs('bench.empty');
  const extensionMs = oursFirst ? ours : await activationMs(EXTENSION_ID);
  const api = vscode.extensions.getExtension(EXTENSION_ID)!.exports as DoctorApi;
  // How much of it was our activate() itself; the rest is loading the bundle.
  const insideMs = api.activationMs;
  // The workbench loads after activation once a scenario is in sight (there is none here): what
  // that costs the extension host, measured by loading it as the first view or command would.
  const loadedByItself = api.workbenchLoaded();
  const loading = performance.now();
  api.registeredViews();
  const workbenchMs = loadedByItself ? null : performance.now() - loading;
  writeFileSync(join(out, `activation-run-${process.env.ACD_BENCH_RUN ?? Date.now()}.json`), JSON.stringify({ warmUpMs, emptyMs, extensionMs, oursFirst, insideMs, workbenchMs, vscode: vscode.version }));
}
