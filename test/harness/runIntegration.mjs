// npm run test:integration: the integration tests inside a real VS Code (code-server), then the
// UI checks with Playwright on the same server. Fails when a test fails or nothing ran.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser, root, startCodeServer } from './codeServer.mjs';
import { runUiChecks } from '../ui/checks.mjs';

const TEST_TIMEOUT_MS = Number(process.env.INTEGRATION_TIMEOUT_MS ?? 300_000);
const resultsDir = join(root, 'test-results');
const reportFile = join(resultsDir, 'integration-report.json');
const progressFile = join(resultsDir, 'integration-progress.log');

function fail(message) {
  process.stderr.write(`\n${message}\n`);
  process.exitCode = 1;
}

/** A copy of samples/ to open as the workspace, so tests never change the real samples. */
export function workspaceCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'acd-workspace-'));
  cpSync(join(root, 'samples'), dir, { recursive: true });
  return dir;
}

async function runIntegrationTests(server, browser) {
  rmSync(reportFile, { force: true });
  rmSync(progressFile, { force: true });
  mkdirSync(resultsDir, { recursive: true });
  const workspace = workspaceCopy();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(
    server.url(workspace, {
      extensionDevelopmentPath: root,
      extensionTestsPath: join(root, 'out', 'test', 'integration', 'index'),
    }),
  );
  const deadline = Date.now() + TEST_TIMEOUT_MS;
  let shown = 0;
  while (!existsSync(reportFile)) {
    if (existsSync(progressFile)) {
      const lines = readFileSync(progressFile, 'utf8').split('\n');
      for (const line of lines.slice(shown, lines.length - 1)) console.log(line);
      shown = Math.max(shown, lines.length - 1);
    }
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(resultsDir, 'integration-timeout.png') }).catch(() => {});
      throw new Error(
        `The integration tests did not finish within ${TEST_TIMEOUT_MS / 1000} s` +
          (shown === 0 ? ' (the extension host never started them; see test-results/integration-timeout.png)' : '') +
          `.\nBrowser errors:\n${consoleErrors.slice(-10).join('\n')}\ncode-server:\n${server.output().slice(-2000)}`,
      );
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const lines = readFileSync(progressFile, 'utf8').split('\n');
  for (const line of lines.slice(shown)) if (line) console.log(line);
  await page.close();
  rmSync(workspace, { recursive: true, force: true });
  const report = JSON.parse(readFileSync(reportFile, 'utf8'));
  if (report.passes + report.failures === 0) {
    throw new Error('No integration test ran.');
  }
  return report;
}

async function main() {
  const started = Date.now();
  const server = await startCodeServer();
  let browser;
  try {
    browser = await launchBrowser();
    const report = await runIntegrationTests(server, browser);
    console.log(`integration: ${report.passes} passed, ${report.failures} failed in VS Code ${report.vscodeVersion}`);
    if (report.failures > 0) {
      fail(`${report.failures} integration test(s) failed.`);
    }
    if (!process.env.SKIP_UI_CHECKS) {
      const ui = await runUiChecks({ server, browser, workspaceCopy, resultsDir });
      console.log(`ui checks: ${ui.passed} passed, ${ui.failed} failed (screenshots in test-results/)`);
      if (ui.failed > 0) fail(`${ui.failed} UI check(s) failed.`);
    }
  } catch (error) {
    fail(error instanceof Error ? error.message : String(error));
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
    console.log(`(${Math.round((Date.now() - started) / 1000)} s)`);
  }
}

await main();
