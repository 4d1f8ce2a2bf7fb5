// npm run bench:activation — median activation time of the extension in a real VS Code
// (code-server), against an empty extension activated in the same extension host.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, root, startCodeServer } from '../test/harness/codeServer.mjs';

const RUNS = Number(process.env.ACTIVATION_RUNS ?? 9);
const results = join(root, 'test-results');

async function main() {
  mkdirSync(results, { recursive: true });
  for (const f of readdirSync(results).filter((f) => f.startsWith('activation-run-'))) rmSync(join(results, f));
  const server = await startCodeServer({
    prepareExtensions(dir) {
      cpSync(join(root, 'bench', 'fixtures', 'empty-extension'), join(dir, 'bench.empty-0.0.1'), { recursive: true });
      // A second empty extension, activated first in each window: the extension host's first
      // activation pays once for what every later one shares, and neither measured extension
      // should be charged for it.
      const warmUp = join(dir, 'bench.warmup-0.0.1');
      cpSync(join(root, 'bench', 'fixtures', 'empty-extension'), warmUp, { recursive: true });
      const manifest = JSON.parse(readFileSync(join(warmUp, 'package.json'), 'utf8'));
      writeFileSync(join(warmUp, 'package.json'), JSON.stringify({ ...manifest, name: 'warmup', displayName: 'Empty extension (activated first)' }, null, 2));
    },
  });
  const browser = await launchBrowser();
  const workspace = mkdtempSync(join(tmpdir(), 'acd-empty-workspace-'));
  const runs = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      const before = readdirSync(results).filter((f) => f.startsWith('activation-run-')).length;
      await page.goto(server.url(workspace, { extensionDevelopmentPath: root, extensionTestsPath: join(root, 'out', 'bench', 'activation', 'index') }));
      const deadline = Date.now() + 60_000;
      while (readdirSync(results).filter((f) => f.startsWith('activation-run-')).length === before) {
        if (Date.now() > deadline) throw new Error(`activation run ${i + 1} did not report within 60 s\n${server.output().slice(-2000)}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      await page.close();
    }
    for (const f of readdirSync(results).filter((f) => f.startsWith('activation-run-'))) {
      const run = JSON.parse(readFileSync(join(results, f), 'utf8'));
      // null: the extension was already active in that window, so that run measured nothing.
      if (run.extensionMs !== null && run.emptyMs !== null) runs.push(run);
    }
    if (runs.length === 0) throw new Error('no activation run measured anything');
  } finally {
    await browser.close();
    await server.stop();
    rmSync(workspace, { recursive: true, force: true });
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const summary = {
    runs: runs.length,
    extensionMs: median(runs.map((r) => r.extensionMs)),
    insideActivateMs: median(runs.map((r) => r.insideMs)),
    emptyMs: median(runs.map((r) => r.emptyMs)),
    // Loading the workbench, after activation, once a scenario is in sight (null: not measured).
    workbenchMs: runs.some((r) => r.workbenchMs == null) ? null : median(runs.map((r) => r.workbenchMs)),
    vscode: runs[0]?.vscode,
  };
  writeFileSync(join(results, 'activation.json'), JSON.stringify(summary, null, 2));
  const workbench = summary.workbenchMs === null ? '' : `; then the workbench loads in ${summary.workbenchMs.toFixed(1)} ms once a scenario is in sight`;
  console.log(
    `activation in VS Code ${summary.vscode}: median ${summary.extensionMs.toFixed(1)} ms (of which activate() ${summary.insideActivateMs.toFixed(1)} ms; empty extension ${summary.emptyMs.toFixed(1)} ms) over ${summary.runs} runs${workbench}`,
  );
}

await main();
