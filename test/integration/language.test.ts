// asyncCustomerDoctor.language = sv in a VS Code whose display language is English: the Problems
// panel, the Troubleshooter, the trees and the quick fixes speak Swedish, and switching the setting
// back re-analyses the open scenario in English without an edit.
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { DoctorApi } from '../../src/vscode/extension';

const EXTENSION_ID = 'async-customer-doctor.async-customer-doctor';
const samplesDir = join(__dirname, '..', '..', '..', 'samples');
const scratch = vscode.Uri.file(mkdtempSync(join(tmpdir(), 'acd-language-')));

let api: DoctorApi;

async function setLanguage(value: 'sv' | 'en' | undefined): Promise<void> {
  await vscode.workspace.getConfiguration('asyncCustomerDoctor').update('language', value, vscode.ConfigurationTarget.Global);
}

/** Our diagnostics once they match the analysis of the document's current version and language. */
async function problems(document: vscode.TextDocument, expect: RegExp): Promise<vscode.Diagnostic[]> {
  await api.whenAnalyzed(document);
  let ours: vscode.Diagnostic[] = [];
  for (let i = 0; i < 100; i++) {
    ours = vscode.languages.getDiagnostics(document.uri).filter((d) => d.source === 'Async Customer Doctor');
    if (ours.length > 0 && ours.every((d) => expect.test(d.message))) return ours;
    await new Promise((r) => setTimeout(r, 100));
  }
  return ours;
}

/** The label of the pipeline panel's tab, once `expect` matches it (or what it is after 10 s). */
async function pipelineTab(expect: string): Promise<string | undefined> {
  let label: string | undefined;
  for (let i = 0; i < 100; i++) {
    const tab = vscode.window.tabGroups.all
      .flatMap((g) => g.tabs)
      .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('asyncCustomers.pipelinePanel'));
    label = tab?.label;
    if (label === expect) return label;
    await new Promise((r) => setTimeout(r, 100));
  }
  return label;
}

describe('the language setting', () => {
  let document: vscode.TextDocument;

  before(async () => {
    api = (await vscode.extensions.getExtension(EXTENSION_ID)!.activate()) as DoctorApi;
    await setLanguage('sv');
    const uri = vscode.Uri.joinPath(scratch, 'failed-operation.asyncscenario.json');
    await vscode.workspace.fs.writeFile(uri, readFileSync(join(samplesDir, 'failed-operation.asyncscenario.json')));
    document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document);
  });

  after(async () => {
    await setLanguage(undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('with sv, shows the Problems panel, the Troubleshooter, the trees and a quick fix title in Swedish', async () => {
    const [problem] = await problems(document, /^Åtgärden /);
    assert.match(problem.message, /^Åtgärden ASYNC-000001 \(skapa kund för Ana Berg/);
    assert.match(problem.message, /Rätta "Country\/region" på sidan Kundsynkroniseringsstatus, välj Spara och sedan Synkronisera\./);

    // Short labels in the sidebar, the FAQ's full question and the cause's full wording in the tooltips.
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
    const question = walk.find((q) => q.label === 'Misslyckade åtgärder');
    assert.ok(question, `no Swedish question in ${JSON.stringify(walk.map((q) => q.label))}`);
    assert.equal(walk[0], question, 'the failed question comes first');
    assert.match(question.tooltip ?? '', /^Vilken asynkron åtgärd misslyckades, och hur rättar jag den\?/);
    const cause = (question.children ?? []).find((c) => c.label === 'En åtgärd misslyckades');
    assert.ok(cause, `no Swedish cause in ${JSON.stringify(question.children?.map((c) => c.label))}`);
    assert.equal(cause.contextValue, 'cause.failed');
    assert.match(cause.tooltip ?? '', /^\*\*underkänd\*\* · ACD006\n\nIngen asynkron åtgärd har misslyckats/);
    const ordersAndLoyalty = walk.find((q) => q.id === 'question/ordersAndLoyalty');
    assert.equal(ordersAndLoyalty?.label, 'Kundorder och lojalitetskort');

    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, problem.range)) ?? [];
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, `Redigera ASYNC-000001 ("Country/region" 'SWE') och synkronisera`);

    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    const titles = lenses.map((l) => l.command?.title);
    assert.ok(titles.includes('Läget efter den här posten'), `no Swedish time travel CodeLens in ${JSON.stringify(titles)}`);

    await vscode.commands.executeCommand('asyncCustomers.showPipeline');
    assert.equal(await pipelineTab('Kundflöde'), 'Kundflöde', 'the pipeline panel is titled in Swedish');

    const features = await api.treeItems('asyncCustomers.features', 1);
    assert.ok(features.some((f) => f.label === 'Aktivera redigering av kunder i asynkront läge'));
    assert.match(api.statusBarText() ?? '', /Async-kunder: 1 problem$/);
  });

  it('back to en, analyses the open scenario again in English without an edit', async () => {
    await setLanguage('en');
    const [problem] = await problems(document, /^Operation /);
    assert.match(problem.message, /^Operation ASYNC-000001 \(create customer for Ana Berg/);
    assert.equal(await pipelineTab('Customer pipeline'), 'Customer pipeline', 'the open pipeline panel is retitled in English');
    const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
    assert.ok(lenses.some((l) => l.command?.title === 'State after this entry'), 'the time travel CodeLens is in English again');
    const walk = await api.treeItems('asyncCustomers.troubleshooter', 2);
    const question = walk.find((q) => q.label === 'Failed operations');
    assert.ok(question, `no English question in ${JSON.stringify(walk.map((q) => q.label))}`);
    assert.match(question.tooltip ?? '', /^Which asynchronous operation failed, and how do I correct it\?/);
    const cause = question.children?.find((c) => c.id === 'cause/ACD006');
    assert.equal(cause?.label, 'An operation failed');
    assert.match(cause?.tooltip ?? '', /^\*\*failed\*\* · ACD006\n\nNo asynchronous operation failed/);
  });
});
