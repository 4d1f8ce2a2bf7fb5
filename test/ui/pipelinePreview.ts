// A look at the pipeline picture without VS Code: renders the real markup, stylesheet and script
// (under the real Content-Security-Policy) with VS Code's light, dark and high-contrast theme
// variables, checks that a stage answers the keyboard, and saves screenshots in test-results/pipeline/.
// Run: npm run compile-tests && node out/test/ui/pipelinePreview.js
import { strict as assert } from 'node:assert';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { analyze } from '../../src/diagnose/engine';
import type { PipelineSnapshot } from '../../src/domain/pipeline';
import { pipelineSnapshot } from '../../src/sim/queries/pipeline';
import { englishLabels } from '../../src/vscode/pipeline/labels';
import { pipelineDocument, renderPipeline } from '../../src/vscode/pipeline/render';
import { loadSql, repoRoot, scenario } from '../unit/helpers';

const FONT = '-apple-system, BlinkMacSystemFont, "Segoe UI", "Ubuntu", "Droid Sans", sans-serif';

/** The variables VS Code sets on a webview, with the values of its default themes. */
const THEMES: Record<string, Record<string, string>> = {
  light: {
    foreground: '#3b3b3b',
    descriptionForeground: '#717171',
    'sideBar-background': '#f8f8f8',
    'editor-background': '#ffffff',
    'editorWidget-background': '#f8f8f8',
    'widget-border': '#e5e5e5',
    'panel-border': '#e5e5e5',
    'editorWarning-foreground': '#bf8803',
    'editorError-foreground': '#e51400',
    errorForeground: '#a1260d',
    'editorInfo-foreground': '#1a85ff',
    'testing-iconPassed': '#388a34',
    'list-hoverBackground': '#f2f2f2',
    focusBorder: '#005fb8',
  },
  dark: {
    foreground: '#cccccc',
    descriptionForeground: '#9d9d9d',
    'sideBar-background': '#181818',
    'editor-background': '#1f1f1f',
    'editorWidget-background': '#202020',
    'widget-border': '#313131',
    'panel-border': '#2b2b2b',
    'editorWarning-foreground': '#cca700',
    'editorError-foreground': '#f85149',
    errorForeground: '#f85149',
    'editorInfo-foreground': '#3794ff',
    'testing-iconPassed': '#73c991',
    'list-hoverBackground': '#2a2d2e',
    focusBorder: '#0078d4',
  },
  hc: {
    foreground: '#ffffff',
    descriptionForeground: '#ffffffb3',
    'sideBar-background': '#000000',
    'editor-background': '#000000',
    'editorWidget-background': '#0c141f',
    contrastBorder: '#6fc3df',
    'widget-border': '#6fc3df',
    'panel-border': '#6fc3df',
    'editorWarning-foreground': '#ffd370',
    'editorError-foreground': '#ff3232',
    errorForeground: '#f48771',
    'editorInfo-foreground': '#3794ff',
    'testing-iconPassed': '#73c991',
    'list-hoverBackground': '#000000',
    focusBorder: '#f38518',
  },
};

function themeCss(theme: Record<string, string>, background: string): string {
  const variables = Object.entries({ ...theme, 'font-family': FONT, 'font-size': '13px', 'font-weight': 'normal' })
    .map(([name, value]) => `--vscode-${name}: ${value};`)
    .join(' ');
  return `html { ${variables} background: var(--vscode-${background}); }`;
}

/** A store and a web store with customers at every stage, a long name and a hostile one. */
const RICH = scenario({
  channels: [
    { id: 'Store42', kind: 'store', channelDatabase: 'Default', asyncCustomerCreation: true },
    { id: 'WebStore', kind: 'online', channelDatabase: 'Online', asyncCustomerCreation: true },
  ],
  timeline: [
    { at: '2026-11-01T09:00:00Z', createCustomer: { channel: 'Store42', firstName: 'Ana', lastName: 'Berg', address: { city: 'Umeå', countryRegion: 'SWE' } } },
    { createCustomer: { channel: 'Store42', firstName: 'Bo', lastName: 'Ek', address: { city: 'Umeå', countryRegion: 'SVE' } } },
    { createCustomer: { channel: 'WebStore', firstName: 'Cia', lastName: 'Lind' } },
    { at: '2026-11-01T09:30:00Z', runJob: 'P-0001' },
    { runBatch: 'SynchronizeCustomersAndChannelRequests' },
    { runJob: '1010', channelDatabase: 'Online' },
    { at: '2026-11-01T10:05:00Z', createCustomer: { channel: 'Store42', firstName: 'Maximiliana', lastName: 'Bartholomew-Featherstonehaugh' } },
    ...['<script>alert(1)</script> Nyman', 'Dan Ahl', 'Eva Berg', 'Finn Dahl', 'Gus Falk', 'Ivar Ros'].map((name) => ({
      createCustomer: { channel: 'Store42', firstName: name.split(' ')[0], lastName: name.split(' ').slice(1).join(' '), offline: true },
    })),
    { createCustomer: { channel: 'WebStore', firstName: 'Kim', lastName: 'Sund' } },
    { createCustomer: { channel: 'WebStore', firstName: 'Lo', lastName: 'Vik' } },
    { at: '2026-11-01T10:20:00Z', runJob: 'P-0001', channelDatabase: 'Online' },
    { advance: 'PT12M' },
  ],
});

async function richSnapshot(): Promise<PipelineSnapshot> {
  const analysis = analyze(await loadSql(), RICH, { keepSimulation: true });
  const snapshot = pipelineSnapshot(analysis.sim!);
  analysis.sim!.close();
  return snapshot;
}

async function main(): Promise<void> {
  const out = join(repoRoot, 'test-results', 'pipeline');
  mkdirSync(out, { recursive: true });
  const snapshot = await richSnapshot();
  const body = renderPipeline(snapshot, englishLabels);
  const media = pathToFileURL(join(repoRoot, 'media', 'pipeline')).href;
  const nonce = 'preview-nonce';
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const shots: string[] = [];
  try {
    for (const [name, theme] of Object.entries(THEMES)) {
      for (const width of [300, 900]) {
        const themeFile = join(out, `theme-${name}-${width}.css`);
        writeFileSync(themeFile, themeCss(theme, width === 300 ? 'sideBar-background' : 'editor-background'));
        const page = pipelineDocument({ cspSource: 'file:', nonce, scriptUri: `${media}/pipeline.js`, styleUri: `${media}/pipeline.css`, title: englishLabels.title, body, lang: 'en' })
          // The host's part: its theme variables and acquireVsCodeApi, recording what the page posts.
          .replace('</head>', `<link rel="stylesheet" href="${pathToFileURL(themeFile).href}">\n</head>`)
          .replace('<script nonce', `<script nonce="${nonce}" src="${pathToFileURL(join(out, 'fake-vscode-api.js')).href}"></script>\n<script nonce`);
        writeFileSync(join(out, 'fake-vscode-api.js'), 'window.posted = []; window.acquireVsCodeApi = () => ({ postMessage: (m) => window.posted.push(m), getState: () => undefined, setState: () => undefined });\n');
        const file = join(out, `pipeline-${name}-${width}.html`);
        writeFileSync(file, page);

        const tab = await browser.newPage({ viewport: { width, height: 600 } });
        const problems: string[] = [];
        tab.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
        });
        tab.on('pageerror', (e) => problems.push(e.message));
        await tab.goto(pathToFileURL(file).href);
        await tab.waitForFunction('window.posted.length > 0');
        // Keyboard: the first stage is reachable with Tab and Enter chooses it.
        await tab.keyboard.press('Tab');
        const focused = await tab.evaluate<string | null>('document.activeElement?.getAttribute("data-key")');
        assert.equal(focused, 'channelDatabase', 'Tab reaches the first stage');
        await tab.keyboard.press('Enter');
        const posted = await tab.evaluate<unknown[]>('window.posted');
        assert.deepEqual(posted, [{ type: 'ready' }, { type: 'revealStage', stage: 'channelDatabase' }]);
        await tab.click('button[data-stage="hqStaging"][data-database="Online"]');
        assert.deepEqual((await tab.evaluate<unknown[]>('window.posted'))[2], { type: 'revealStage', stage: 'hqStaging', database: 'Online' });
        assert.equal(await tab.locator('script').count(), 2, 'the hostile name stayed text');
        const overflow = await tab.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
        assert.ok(overflow <= 0, `no horizontal scrolling at ${width} px (${overflow} px too wide)`);
        // Move the keyboard focus to the staging tables so the focus outline shows in the picture.
        await tab.mouse.move(0, 0);
        for (let i = 0; i < 10 && (await tab.evaluate<string | null>('document.activeElement?.getAttribute("data-key")')) !== 'hqStaging'; i++) {
          await tab.keyboard.press('Shift+Tab');
        }
        assert.equal(await tab.evaluate<string | null>('document.activeElement?.getAttribute("data-key")'), 'hqStaging', 'Tab reaches every stage');
        assert.deepEqual(problems, [], 'the page loads under its Content-Security-Policy without errors');
        const png = join(out, `pipeline-${name}-${width}.png`);
        await tab.screenshot({ path: png, fullPage: true });
        shots.push(png);
        await tab.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(shots.join('\n'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
