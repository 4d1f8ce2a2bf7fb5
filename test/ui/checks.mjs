// What a user sees: Playwright drives the workbench in headless Chromium. Each check is named,
// saves a screenshot under test-results/, and fails with a clear message.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from '../harness/codeServer.mjs';

const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';

async function openWorkbench(server, browser, workspace) {
  const page = await browser.newPage({ viewport: { width: 1500, height: 950 } });
  await page.goto(server.url(workspace, { extensionDevelopmentPath: root }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  // Let the extension host start and the explorer settle.
  await page.locator('.statusbar').waitFor({ timeout: 30_000 });
  await page.waitForTimeout(2000);
  return page;
}

async function runCommand(page, title) {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.waitForTimeout(400);
  await page.keyboard.press('Enter');
}

async function openFile(page, name) {
  await page.keyboard.press(`${mod}+P`);
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ timeout: 10_000 });
  await input.fill(name);
  await page.waitForTimeout(600);
  await page.keyboard.press('Enter');
  await page.locator(`.tab[aria-label*="${name}"]`).first().waitFor({ timeout: 15_000 });
}

async function showContainer(page) {
  const header = page.locator('.pane-header[aria-label*="Features"]').first();
  if (await header.isVisible().catch(() => false)) return;
  const item = page.locator('.activitybar [aria-label^="Async Customers"]').first();
  await item.waitFor({ timeout: 20_000 });
  await item.click();
  await header.waitFor({ timeout: 15_000 });
}

export const CHECKS = [
  {
    name: 'the activity bar opens the Async Customers views',
    async run({ page, shot }) {
      await showContainer(page);
      for (const title of ['Troubleshooter', 'Features', 'CDX Jobs', 'Staging Tables', 'Synchronization Status']) {
        await page.locator(`.pane-header[aria-label*="${title}"]`).first().waitFor({ timeout: 10_000 });
      }
      await shot('views-empty');
    },
  },
  {
    name: 'a sample shows its state in every view',
    async run({ page, shot }) {
      await openFile(page, 'customers-stuck-in-channel.asyncscenario.json');
      await showContainer(page);
      await page.getByText('Enable editing customers in asynchronous mode').first().waitFor({ timeout: 30_000 });
      await page.getByText('P-0001').first().waitFor({ timeout: 15_000 });
      await page.getByText('RETAILASYNCCUSTOMERV2').first().waitFor({ timeout: 15_000 });
      await shot('views-customers-stuck-in-channel');
      // One picture per view, as a user sees it with this sample loaded.
      for (const title of ['Troubleshooter', 'Features', 'CDX Jobs', 'Staging Tables', 'Synchronization Status']) {
        const pane = page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label*="${title}"]`) }).first();
        await pane.screenshot({ path: join(root, 'test-results', `view-${title.toLowerCase().replace(/ /g, '-')}.png`) });
      }
    },
  },
  {
    name: 'the command palette runs a command of the extension',
    async run({ page, shot }) {
      await openFile(page, 'failed-operation.asyncscenario.json');
      await runCommand(page, 'Async Customers: Run Diagnosis');
      await page.locator('.statusbar-item[aria-label*="Async Customers"]').first().waitFor({ timeout: 20_000 });
      await shot('command-palette-run-diagnosis');
    },
  },
  {
    name: 'a quick fix from the Problems panel edits the scenario and the problem goes away',
    async run({ page, shot }) {
      await openFile(page, 'customers-stuck-in-staging.asyncscenario.json');
      await page.keyboard.press(`${mod}+Shift+M`);
      const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'ACD005' }).first();
      await problem.waitFor({ timeout: 30_000 });
      await shot('problems-before-fix');
      await problem.click();
      const menuItem = page.getByText('Run Synchronize customers and channel requests').first();
      await page.keyboard.press(`${mod}+.`);
      if (!(await menuItem.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
        // The row's lightbulb opens the same menu.
        await problem.hover();
        await problem.locator('.codicon-lightbulb, .codicon-light-bulb, .codicon-lightbulb-autofix').first().click();
        await menuItem.waitFor({ timeout: 10_000 });
      }
      await shot('problems-quick-fix-menu');
      await menuItem.click();
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'ACD005' }).first().waitFor({ state: 'detached', timeout: 30_000 });
      await shot('problems-after-fix');
    },
  },
  {
    name: 'a scenario imported from HQ exports shows its source rows and its finding',
    async run({ page, shot, workspace }) {
      // The same generator as Import Evidence from Commerce HQ… (the integration suite drives the command itself).
      const set = join(root, 'test', 'fixtures', 'evidence', 'acd006-failed-operation');
      execFileSync(process.execPath, [join(root, 'dist', 'cli.js'), 'import', set, '-o', join(workspace, 'imported-acd006.asyncscenario.json'), '--force']);
      await openFile(page, 'imported-acd006.asyncscenario.json');
      // Each entry under a comment naming its export row; the failed status row's finding in Problems.
      await page.locator('.view-line').filter({ hasText: /customer-sync-status\.csv:2\snames\schannel\sStore42/ }).first().waitFor({ timeout: 15_000 });
      if (!(await page.locator('.markers-panel').first().isVisible().catch(() => false))) {
        await page.keyboard.press(`${mod}+Shift+M`);
      }
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'SE42-000202' }).first().waitFor({ timeout: 30_000 });
      // The views show the imported scenario too: its channel database and its failed operation.
      const pane = (title) => page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label*="${title}"]`) }).first();
      await pane('CDX Jobs').locator('.monaco-list-row').filter({ hasText: /Default\s*Store42/ }).first().waitFor({ timeout: 20_000 });
      await pane('Synchronization Status').locator('.monaco-list-row').filter({ hasText: /Failed\s*1/ }).first().waitFor({ timeout: 20_000 });
      await shot('imported-scenario');
    },
  },
];

export async function runUiChecks({ server, browser, workspaceCopy, resultsDir }) {
  let passed = 0;
  let failed = 0;
  const workspace = workspaceCopy();
  const page = await openWorkbench(server, browser, workspace);
  for (const check of CHECKS) {
    const slug = check.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    const shot = (name) => page.screenshot({ path: join(resultsDir, `${name}.png`) });
    try {
      await check.run({ page, shot, workspace });
      passed++;
      console.log(`  ✔ ui: ${check.name}`);
    } catch (error) {
      failed++;
      await page.screenshot({ path: join(resultsDir, `failed-${slug}.png`) }).catch(() => {});
      console.log(`  ✖ ui: ${check.name}\n      ${String(error instanceof Error ? error.message : error).split('\n')[0]} (screenshot test-results/failed-${slug}.png)`);
      await page.keyboard.press('Escape').catch(() => {});
    }
  }
  await page.close();
  return { passed, failed };
}
