// npm run test:integration: the integration tests inside a real VS Code (code-server), then the
// UI checks with Playwright on the same server, then the same integration tests against the
// packaged .vsix installed as a user installs it. Fails when a test fails or nothing ran.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCodeServer, launchBrowser, root, startCodeServer } from './codeServer.mjs';
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

async function runIntegrationTests(server, browser, extensionDevelopmentPath = root) {
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
      extensionDevelopmentPath,
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

/**
 * Builds the .vsix (production bundle), installs it into a fresh extensions folder with
 * code-server's --install-extension, and runs the integration tests against that installed
 * copy: a file missing from the package, or a path that only resolves in the repository,
 * fails here ("works in development, broken after install").
 */
async function runAgainstPackage(browser) {
  execFileSync('npm', ['run', '--silent', 'package'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  const vsix = join(root, 'async-customer-doctor.vsix');
  if (!existsSync(vsix)) throw new Error('npm run package did not produce async-customer-doctor.vsix');
  let installed;
  const server = await startCodeServer({
    prepareExtensions(dir) {
      const entry = join(ensureCodeServer(), 'out', 'node', 'entry.js');
      execFileSync(process.execPath, [entry, '--install-extension', vsix, '--extensions-dir', dir], { stdio: ['ignore', 'ignore', 'inherit'] });
      const folder = readdirSync(dir).find((f) => f.startsWith('async-customer-doctor.async-customer-doctor-'));
      if (!folder) throw new Error(`code-server did not install ${vsix} into ${dir}`);
      installed = join(dir, folder);
      // The extension host inherits this: the suite checks it runs from the installed copy.
      process.env.ACD_EXPECT_EXTENSION_PATH = installed;
    },
  });
  try {
    return await runIntegrationTests(server, browser, installed);
  } finally {
    delete process.env.ACD_EXPECT_EXTENSION_PATH;
    await server.stop();
  }
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
    if (!process.env.SKIP_PACKAGE_CHECK) {
      const installed = await runAgainstPackage(browser);
      console.log(`installed .vsix: ${installed.passes} passed, ${installed.failures} failed in VS Code ${installed.vscodeVersion}`);
      if (installed.failures > 0) fail(`${installed.failures} integration test(s) failed against the installed .vsix.`);
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
