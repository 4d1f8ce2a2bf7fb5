// Runs inside the VS Code extension host: the test runner VS Code calls with
// extensionTestsPath (code-server launcher or @vscode/test-electron). Mocha runs every
// *.test.js beside this file; the result goes to test-results/integration-report.json,
// progress to test-results/integration-progress.log, for the launcher to read.
import { appendFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

const repoRoot = join(__dirname, '..', '..', '..');
const resultsDir = join(repoRoot, 'test-results');

export interface IntegrationReport {
  readonly vscodeVersion: string;
  readonly passes: number;
  readonly failures: number;
  readonly tests: readonly { title: string; state: 'passed' | 'failed'; durationMs?: number; error?: string }[];
}

export async function run(): Promise<void> {
  mkdirSync(resultsDir, { recursive: true });
  const progress = join(resultsDir, 'integration-progress.log');
  writeFileSync(progress, '');
  const say = (line: string) => {
    appendFileSync(progress, `${line}\n`);
    console.log(line);
  };
  say(`Integration tests inside VS Code ${vscode.version} (${vscode.env.appName})`);
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'dot' });
  for (const file of readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort()) {
    mocha.addFile(join(__dirname, file));
  }
  const tests: { title: string; state: 'passed' | 'failed'; durationMs?: number; error?: string }[] = [];
  await new Promise<void>((resolve) => {
    const runner = mocha.run(() => resolve());
    runner.on('pass', (test) => {
      tests.push({ title: test.fullTitle(), state: 'passed', durationMs: test.duration });
      say(`  ✔ ${test.fullTitle()}${test.duration && test.duration > 200 ? ` (${test.duration} ms)` : ''}`);
    });
    runner.on('fail', (test, error: Error) => {
      tests.push({ title: test.fullTitle(), state: 'failed', error: `${error.message}\n${error.stack ?? ''}` });
      say(`  ✖ ${test.fullTitle()}\n      ${error.message.split('\n').join('\n      ')}`);
    });
  });
  const report: IntegrationReport = {
    vscodeVersion: vscode.version,
    passes: tests.filter((t) => t.state === 'passed').length,
    failures: tests.filter((t) => t.state === 'failed').length,
    tests,
  };
  writeFileSync(join(resultsDir, 'integration-report.json'), JSON.stringify(report, null, 2));
  say(`${report.passes} passed, ${report.failures} failed`);
}
