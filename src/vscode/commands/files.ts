// Commands that write or open files: a new scenario, a sample, the Markdown report.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import { markdownReport } from '../../diagnose/report';
import { writeFileAtomically } from '../../io/atomicWrite';
import { parseScenario } from '../../scenario/parse';
import type { CommandFactory } from './types';

const TEMPLATE = `// A new scenario: what happened in HQ and at the channel, in order.
// Replace the timeline with your situation; the Problems panel says what the FAQ makes of it.
{
  "name": "My scenario",
  "start": "2026-11-01T08:00:00Z",
  "features": {
    "CustomerOrderPerformance": true,
    "EnhancedAsyncCustomerCreation": true,
    "AsyncCustomerAddressCreation": true,
    "AsyncCustomerEditing": false
  },
  "channels": [
    { "id": "Store1", "kind": "store", "channelDatabase": "Default", "asyncCustomerCreation": true }
  ],
  "timeline": [
    { "at": "2026-11-01T09:00:00Z", "createCustomer": { "channel": "Store1", "firstName": "Ana", "lastName": "Berg", "email": "ana@example.com" } }
  ]
}
`;

export const newScenario: CommandFactory = (ctx) => async (target?: vscode.Uri) => {
  if (!ctx.requireTrust()) return;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, 'new.asyncscenario.json') : undefined,
      filters: { [l10n.t('Async customer scenarios')]: ['asyncscenario.json'] },
      title: l10n.t('New Scenario'),
    }));
  if (!uri) return;
  await writeAtomically(uri, TEMPLATE);
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
};

export const openSample: CommandFactory = (ctx) => async (name?: string) => {
  const samplesDir = vscode.Uri.joinPath(ctx.extension.extensionUri, 'samples');
  const pick = name ?? (await pickSample(samplesDir));
  if (!pick) return;
  const file = pick.endsWith('.asyncscenario.json') ? pick : `${pick}.asyncscenario.json`;
  await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(vscode.Uri.joinPath(samplesDir, file)));
};

export const exportReport: CommandFactory = (ctx) => async (target?: vscode.Uri) => {
  if (!ctx.requireTrust()) return;
  const active = await ctx.analysed();
  if (!active) return;
  const { document, snapshot } = active;
  const uri =
    target ??
    (await vscode.window.showSaveDialog({
      defaultUri: document.uri.with({ path: document.uri.path.replace(/\.asyncscenario\.json$/, '.report.md') }),
      filters: { Markdown: ['md'] },
      title: l10n.t('Export Markdown Report'),
    }));
  if (!uri) return;
  const report = markdownReport({
    title: snapshot.scenario.name ?? basename(document.uri.path),
    file: vscode.workspace.asRelativePath(document.uri),
    generatedAt: new Date().toISOString(),
    findings: snapshot.findings,
    walk: snapshot.walk,
    locale: l10n.currentLocale(),
  });
  await writeAtomically(uri, report);
  if (!target) {
    // Shown rendered: the report is to read; its source is one click away in the preview's title bar.
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  }
  return uri;
};

async function pickSample(samplesDir: vscode.Uri): Promise<string | undefined> {
  const files = (await vscode.workspace.fs.readDirectory(samplesDir)).map(([file]) => file).filter((f) => f.endsWith('.asyncscenario.json'));
  const items = await Promise.all(
    files.sort().map(async (file) => {
      const text = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(samplesDir, file))).toString('utf8');
      return { ...describeSample(text, file), file };
    }),
  );
  return (await vscode.window.showQuickPick(items, { title: l10n.t('Open a Sample Scenario'), matchOnDescription: true, matchOnDetail: true }))?.file;
}

/**
 * A sample as the picker shows it: its "name", the finding it shows, and one line on the
 * situation (the FAQ question it answers, else its first sentence).
 */
function describeSample(text: string, file: string): { label: string; description: string; detail: string } {
  const scenario = parseScenario(text);
  const comments = text
    .split('\n')
    .filter((line) => line.startsWith('//'))
    .map((line) => line.replace(/^\/\/\s*/, ''));
  const faq = comments.find((line) => line.startsWith('FAQ:'));
  const firstSentence = comments.join(' ').split(/(?<=[.:])\s/)[0] ?? '';
  const expected = /Expected findings?: (ACD\d{3}|none)/.exec(comments.join(' '))?.[1];
  return {
    label: scenario.name ?? file.replace('.asyncscenario.json', ''),
    description: expected === undefined ? '' : expected === 'none' ? l10n.t('no findings') : expected,
    detail: (faq ? faq.replace(/^FAQ:\s*/, '').replace(/^"|"(\s*\(.*\))?$/g, '') : firstSentence).replace(/:$/, ''),
  };
}

/**
 * Writes a file so that a crash midway never leaves it half-written: a temporary file beside
 * it, then a rename. Non-file schemes go through the workspace file system.
 */
async function writeAtomically(uri: vscode.Uri, content: string): Promise<void> {
  if (uri.scheme !== 'file') {
    await vscode.workspace.fs.writeFile(uri, Buffer.from(content, 'utf8'));
    return;
  }
  await writeFileAtomically(uri.fsPath, content);
}
