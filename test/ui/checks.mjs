// What a user sees: Playwright drives the workbench in headless Chromium. Each check is named,
// saves a screenshot under test-results/, and fails with a clear message. The picture's numbers
// are checked against what the engine itself reports for the same scenario text.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { root } from '../harness/codeServer.mjs';

const require = createRequire(import.meta.url);
const isMac = process.platform === 'darwin';
const mod = isMac ? 'Meta' : 'Control';
/** VS Code's default window size for a new window. */
const DEFAULT_WINDOW = { width: 1024, height: 768 };
const STAGES = ['channelDatabase', 'hqStaging', 'customerMaster', 'failed', 'backOnChannel'];

/** The engine, in this process: what the picture must show for a scenario text. */
async function engineCounts(text, afterEntry) {
  const { inProcessHost } = require(join(root, 'out', 'src', 'engine', 'host.js'));
  const host = inProcessHost(join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'))();
  try {
    await host.handle({ kind: 'analyze', doc: 'ui', text, version: 1, locale: 'en' }, () => false);
    const snapshot = await host.handle({ kind: 'pipeline', doc: 'ui', afterEntry }, () => false);
    return Object.fromEntries(snapshot.stages.map((s) => [s.id, s.count]));
  } finally {
    host.disposeAll();
  }
}

/** The scenario text after its first finding's preferred quick fix, as the editor applies it. */
async function fixedText(text) {
  const { inProcessHost } = require(join(root, 'out', 'src', 'engine', 'host.js'));
  const host = inProcessHost(join(root, 'node_modules', 'sql.js', 'dist', 'sql-wasm.wasm'))();
  try {
    const snapshot = await host.handle({ kind: 'analyze', doc: 'ui', text, version: 1, locale: 'en' }, () => false);
    const fix = snapshot.findings[0].fixes.find((f) => f.isPreferred);
    return [...fix.edits].sort((a, b) => b.offset - a.offset).reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
  } finally {
    host.disposeAll();
  }
}

function sampleText(name) {
  return readFileSync(join(root, 'samples', `${name}.asyncscenario.json`), 'utf8');
}

async function openWorkbench(server, browser, workspace, viewport = { width: 1500, height: 950 }) {
  const page = await browser.newPage({ viewport });
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
  // Right after start the file search may not answer yet: try again.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press(`${mod}+P`);
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ timeout: 10_000 });
    await input.fill(name);
    await page.waitForTimeout(600 * attempt);
    await page.keyboard.press('Enter');
    const opened = await page
      .locator(`.tab[aria-label*="${name}"]`)
      .first()
      .waitFor({ timeout: 5_000 * attempt })
      .then(() => true, () => false);
    if (opened) return;
    await page.keyboard.press('Escape');
    if (attempt === 3) throw new Error(`${name} did not open`);
  }
}

async function showContainer(page) {
  const header = page.locator('.pane-header[aria-label*="Troubleshooter"]').first();
  if (await header.isVisible().catch(() => false)) return;
  const item = page.locator('.activitybar [aria-label^="Async Customers"]').first();
  await item.waitFor({ timeout: 20_000 });
  await item.click();
  await header.waitFor({ timeout: 15_000 });
}

function pane(page, title) {
  return page.locator('.pane').filter({ has: page.locator(`.pane-header[aria-label*="${title}"]`) }).first();
}

/** Expands a collapsed view by its header (the other views start collapsed). */
async function expandView(page, title) {
  const header = page.locator(`.pane-header[aria-label*="${title}"]`).first();
  if ((await header.getAttribute('aria-expanded')) !== 'true') await header.click();
}

async function collapseView(page, title) {
  const header = page.locator(`.pane-header[aria-label*="${title}"]`).first();
  if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
}

/** The frame of the pipeline picture (a webview: an iframe in an iframe), once it shows a scenario. */
async function pictureFrame(page, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator('section.stage[data-stage="hqStaging"]').count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(300);
  }
  throw new Error('the pipeline picture never showed a scenario');
}

/** The counts per stage as the picture's DOM shows them (the number a user reads, not an attribute). */
async function pictureCounts(frame) {
  const counts = {};
  for (const stage of STAGES) {
    const text = await frame.locator(`section.stage[data-stage="${stage}"] .stage-head .count`).first().textContent();
    counts[stage] = Number(text);
  }
  return counts;
}

/** Waits until the picture shows the expected counts; fails with both when it does not. */
async function expectPicture(page, expected, what) {
  let shown;
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    shown = await pictureCounts(await pictureFrame(page)).catch(() => undefined);
    if (shown && STAGES.every((s) => shown[s] === expected[s])) return;
    await page.waitForTimeout(300);
  }
  throw new Error(`${what}: the picture shows ${JSON.stringify(shown)}, the engine reports ${JSON.stringify(expected)}`);
}

/** Fails unless `row` is entirely inside the view's visible body: seen without scrolling. */
async function expectVisibleIn(page, title, row, what) {
  const body = pane(page, title).locator('.pane-body');
  const [outer, inner] = [await body.boundingBox(), await row.boundingBox()];
  if (!outer || !inner || inner.y < outer.y || inner.y + inner.height > outer.y + outer.height) {
    throw new Error(`${what} is not visible in the ${title} view without scrolling (view ${JSON.stringify(outer)}, row ${JSON.stringify(inner)})`);
  }
}

/** Switches between the default light and dark themes until the workbench wears `kind` ('vs' light, 'vs-dark' dark). */
async function setTheme(page, kind) {
  if (!(await page.locator(`.monaco-workbench.${kind}`).count())) {
    await runCommand(page, 'Preferences: Toggle between Light/Dark Themes');
    await page.locator(`.monaco-workbench.${kind}`).waitFor({ timeout: 10_000 });
  }
  await page.waitForTimeout(1000);
}

/** The failing cause of each sample, as the Troubleshooter labels it. */
const FAILING_CAUSE = {
  'cannot-enable-editing': 'A prerequisite feature is off',
  'realtime-calls-continue': 'Jobs 1110, 1010, 1070 not run',
  'csu-cache-not-expired': 'CSU cache not expired yet',
  'customers-stuck-in-channel': 'Records wait for the P-job',
  'customers-stuck-in-staging': 'Records wait for the batch job',
  'failed-operation': 'An operation failed',
  'store-not-in-async-mode': 'A channel is not in async mode',
};

export const CHECKS = [
  {
    name: 'the activity bar opens the Troubleshooter on top, one welcome, the other views collapsed',
    async run({ page, shot }) {
      await showContainer(page);
      const headers = await page.locator('.pane-header').evaluateAll((els) => els.map((e) => [e.getAttribute('aria-label') ?? '', e.getAttribute('aria-expanded')]));
      const ours = headers.filter(([label]) => /Troubleshooter|Sync Status|CDX Jobs|Staging Tables|Features/.test(label));
      if (!/Troubleshooter/.test(ours[0]?.[0] ?? '')) throw new Error(`the first view is not the Troubleshooter: ${JSON.stringify(ours)}`);
      const expandedOthers = ours.slice(1).filter(([, expanded]) => expanded === 'true');
      if (expandedOthers.length > 0) throw new Error(`views expanded by default besides the Troubleshooter: ${JSON.stringify(expandedOthers)}`);
      const welcomes = await page.locator('.welcome-view-content').filter({ hasText: 'Open a scenario file' }).count();
      if (welcomes !== 1) throw new Error(`the welcome shows ${welcomes} times`);
      await shot('views-empty');
      // The welcome leads to the walkthrough.
      await page.locator('.welcome-view-content a', { hasText: 'Take the tour' }).first().click();
      await page.locator('.gettingStartedContainer').getByText('Go back in time').first().waitFor({ timeout: 15_000 });
      await page.waitForTimeout(1000);
      await shot('walkthrough');
      await runCommand(page, 'View: Close All Editors');
    },
  },
  {
    name: 'a sample shows its state: the failing cause selected in the Troubleshooter, the picture, each view',
    async run({ page, shot }) {
      await openFile(page, 'customers-stuck-in-channel.asyncscenario.json');
      await showContainer(page);
      const cause = pane(page, 'Troubleshooter').locator('.monaco-list-row', { hasText: FAILING_CAUSE['customers-stuck-in-channel'] }).first();
      await cause.waitFor({ timeout: 30_000 });
      await expectVisibleIn(page, 'Troubleshooter', cause, 'the failing cause');
      await expectPicture(page, await engineCounts(sampleText('customers-stuck-in-channel')), 'customers-stuck-in-channel');
      await shot('views-customers-stuck-in-channel');
      await page.mouse.move(900, 600);
      await page.waitForTimeout(500);
      const sidebar = await page.locator('.part.sidebar').boundingBox();
      await page.screenshot({ path: join(root, 'test-results', 'walkthrough', 'troubleshooter.png'), clip: { ...sidebar, height: 260 } });
      // One picture per view, as a user sees it with this sample loaded.
      for (const title of ['Sync Status', 'CDX Jobs', 'Staging Tables', 'Features']) {
        await expandView(page, title);
        await page.mouse.move(900, 600);
        await page.waitForTimeout(1200);
        await pane(page, title).screenshot({ path: join(root, 'test-results', `view-${title.toLowerCase().replace(/ /g, '-')}.png`) });
        await collapseView(page, title);
      }
      await pane(page, 'Troubleshooter').screenshot({ path: join(root, 'test-results', 'view-troubleshooter.png') });
    },
  },
  {
    name: 'the editor hover of a finding says what to do in HQ, with the menu path',
    async run({ page, shot }) {
      await openFile(page, 'failed-operation.asyncscenario.json');
      await page.locator('.squiggly-error').first().waitFor({ timeout: 30_000 });
      // The cursor on the finding (line 19), then the hover as the mouse would show it.
      await page.keyboard.press(`${mod}+G`);
      await page.keyboard.type('19:60');
      await page.keyboard.press('Enter');
      await runCommand(page, 'Show or Focus Hover');
      const hover = page.locator('.monaco-hover').filter({ hasText: 'In HQ: Retail and Commerce > Customers > Customer synchronization status' }).first();
      await hover.waitFor({ timeout: 15_000 });
      await shot('hover-remedy');
      await page.keyboard.press('Escape');
      await page.mouse.move(900, 700);
    },
  },
  {
    name: 'the command palette runs a command of the extension',
    async run({ page, shot }) {
      await openFile(page, 'failed-operation.asyncscenario.json');
      await runCommand(page, 'Async Customers: Run Diagnosis');
      await page.locator('.statusbar-item[aria-label*="Async Customers"]').first().waitFor({ timeout: 20_000 });
      await expectPicture(page, await engineCounts(sampleText('failed-operation')), 'failed-operation');
      await shot('command-palette-run-diagnosis');
    },
  },
  {
    name: 'a quick fix from the Problems panel edits the scenario, the problem goes away and the picture follows',
    async run({ page, shot }) {
      // Problems lists open files only: this one alone.
      await runCommand(page, 'View: Close All Editors');
      await openFile(page, 'customers-stuck-in-staging.asyncscenario.json');
      await showContainer(page);
      const text = sampleText('customers-stuck-in-staging');
      await expectPicture(page, await engineCounts(text), 'customers-stuck-in-staging before the fix');
      await page.keyboard.press(`${mod}+Shift+M`);
      const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'ACD005' }).first();
      await problem.waitFor({ timeout: 30_000 });
      // The remedy in HQ is the first related row, under the problem.
      await page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'In HQ: System administration' }).first().waitFor({ timeout: 10_000 });
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
      await expectPicture(page, await engineCounts(await fixedText(text)), 'customers-stuck-in-staging after the quick fix');
      await shot('problems-after-fix');
      await page.keyboard.press(`${mod}+Shift+M`);
      // Leave the sample as it was for the next checks.
      await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
      await page.keyboard.press(`${mod}+Z`);
      await expectPicture(page, await engineCounts(text), 'customers-stuck-in-staging reverted');
    },
  },
  {
    name: 'time travel: "State after this entry" shows the earlier counts with a banner, and Back to now returns',
    async run({ page, shot }) {
      await openFile(page, 'customers-stuck-in-staging.asyncscenario.json');
      await showContainer(page);
      const text = sampleText('customers-stuck-in-staging');
      await expectPicture(page, await engineCounts(text), 'now');
      const lenses = page.locator('.contentWidgets .codelens-decoration a, .codelens-decoration a').filter({ hasText: 'State after this entry' });
      await lenses.first().waitFor({ timeout: 20_000 });
      // The third entry: before the P-job ran.
      await lenses.nth(2).click();
      const before = await engineCounts(text, 2);
      await expectPicture(page, before, 'after entry 3');
      if (before.channelDatabase === (await engineCounts(text)).channelDatabase) throw new Error('entry 3 and now have the same counts: the check proves nothing');
      const frame = await pictureFrame(page);
      const banner = (await frame.locator('.viewing').textContent()) ?? '';
      if (!/Viewing 10:30, entry 3 of 5/.test(banner)) throw new Error(`the picture's banner says "${banner}"`);
      await page.locator('.statusbar-item').filter({ hasText: 'Viewing 10:30, entry 3 of 5' }).first().waitFor({ timeout: 10_000 });
      await shot('time-travel-entry-3');
      await page.screenshot({ path: join(root, 'test-results', 'walkthrough', 'time-travel.png'), clip: { x: 0, y: 0, width: 1100, height: 950 } });
      await (await pictureFrame(page)).locator('button.back-to-now').click();
      await expectPicture(page, await engineCounts(text), 'back to now');
      await shot('time-travel-back-to-now');
    },
  },
  {
    name: 'the picture reads in a light and a dark theme',
    async run({ page }) {
      await openFile(page, 'failed-operation.asyncscenario.json');
      await showContainer(page);
      await expectPicture(page, await engineCounts(sampleText('failed-operation')), 'failed-operation');
      for (const [kind, file] of [
        ['vs-dark', 'pipeline-dark'],
        ['vs', 'pipeline-light'],
      ]) {
        await setTheme(page, kind);
        await runCommand(page, 'Async Customers: Show Customer Pipeline');
        await page.waitForTimeout(1500);
        await page.screenshot({ path: join(root, 'test-results', `${file}.png`) });
      }
      const panel = page.locator('.editor-group-container').filter({ has: page.locator('.tab', { hasText: 'Customer pipeline' }) }).first();
      const box = await panel.boundingBox();
      await page.screenshot({ path: join(root, 'test-results', 'walkthrough', 'pipeline.png'), clip: { ...box, height: Math.min(box.height, 560) } });
      await page.keyboard.press('Escape');
    },
  },
  {
    name: 'with asyncCustomerDoctor.language = sv the Problems panel, the Troubleshooter and a quick fix are in Swedish',
    async run({ page, shot, workspace }) {
      // The setting as a user sets it for this workspace; removed again at the end.
      mkdirSync(join(workspace, '.vscode'), { recursive: true });
      writeFileSync(join(workspace, '.vscode', 'settings.json'), JSON.stringify({ 'asyncCustomerDoctor.language': 'sv' }));
      try {
        await openFile(page, 'failed-operation.asyncscenario.json');
        await showContainer(page);
        await page.keyboard.press(`${mod}+Shift+M`);
        const problem = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'Åtgärden ASYNC-000001' }).first();
        await problem.waitFor({ timeout: 30_000 });
        // The Troubleshooter's failed question and its failed cause, first and revealed at the top of the container.
        const troubleshooter = page.locator('.pane').filter({ has: page.locator('.pane-header[aria-label*="Troubleshooter"]') }).first();
        await troubleshooter.getByText('Misslyckade åtgärder', { exact: true }).first().waitFor({ timeout: 20_000 });
        await troubleshooter.getByText('En åtgärd misslyckades', { exact: true }).first().waitFor({ timeout: 20_000 });
        // The time travel CodeLens above the timeline entries.
        await page.locator('.codelens-decoration a').filter({ hasText: 'Läget efter den här posten' }).first().waitFor({ timeout: 20_000 });
        await problem.click();
        const menuItem = page.getByText('Redigera ASYNC-000001').first();
        await page.keyboard.press(`${mod}+.`);
        if (!(await menuItem.waitFor({ timeout: 5_000 }).then(() => true, () => false))) {
          await problem.hover();
          await problem.locator('.codicon-lightbulb, .codicon-light-bulb, .codicon-lightbulb-autofix').first().click();
          await menuItem.waitFor({ timeout: 10_000 });
        }
        await shot('swedish-problems-troubleshooter-quick-fix');
        await page.keyboard.press('Escape');
      } finally {
        rmSync(join(workspace, '.vscode'), { recursive: true, force: true });
      }
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
      await shot('imported-scenario');
    },
  },
];

/** At the default window size, each sample's failing cause is in view in the Troubleshooter. */
async function sampleChecks({ server, browser, workspaceCopy, resultsDir }) {
  let passed = 0;
  let failed = 0;
  const page = await openWorkbench(server, browser, workspaceCopy(), DEFAULT_WINDOW);
  for (const [sample, label] of Object.entries(FAILING_CAUSE)) {
    const name = `at the default window size, ${sample} shows its failing cause without scrolling`;
    try {
      await openFile(page, `${sample}.asyncscenario.json`);
      await showContainer(page);
      const row = pane(page, 'Troubleshooter').locator('.monaco-list-row', { hasText: label }).first();
      await row.waitFor({ timeout: 30_000 });
      await page.waitForTimeout(800);
      await expectVisibleIn(page, 'Troubleshooter', row, `"${label}"`);
      await page.screenshot({ path: join(resultsDir, `sample-${sample}.png`) });
      passed++;
      console.log(`  ✔ ui: ${name}`);
    } catch (error) {
      failed++;
      await page.screenshot({ path: join(resultsDir, `failed-sample-${sample}.png`) }).catch(() => {});
      console.log(`  ✖ ui: ${name}\n      ${String(error instanceof Error ? error.message : error).split('\n')[0]}`);
    }
    await page.keyboard.press(`${mod}+K`);
    await page.keyboard.press('W');
  }
  await page.close();
  return { passed, failed };
}

export async function runUiChecks({ server, browser, workspaceCopy, resultsDir }) {
  let passed = 0;
  let failed = 0;
  mkdirSync(join(resultsDir, 'walkthrough'), { recursive: true });
  const workspace = workspaceCopy();
  const page = await openWorkbench(server, browser, workspace);
  for (const check of CHECKS) {
    const slug = check.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 80);
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
  const samples = await sampleChecks({ server, browser, workspaceCopy, resultsDir });
  return { passed: passed + samples.passed, failed: failed + samples.failed };
}
