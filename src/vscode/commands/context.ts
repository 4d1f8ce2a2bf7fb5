// What every command shares: the services, "the active scenario, analysed", and appending
// timeline entries to the scenario document.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import type { EngineClient } from '../../engine/client';
import type { AnalysisSnapshot } from '../../engine/protocol';
import { appendEntries, type EntryValue } from '../../scenario/edits';
import { parseScenario } from '../../scenario/parse';
import type { TreeService } from '../nodes';
import type { ScenarioManager } from '../scenarios';

export interface CommandDependencies {
  readonly context: vscode.ExtensionContext;
  readonly scenarios: ScenarioManager;
  readonly engine: EngineClient;
  readonly log: vscode.LogOutputChannel;
  readonly trees: TreeService;
}

/** The active scenario's document and the analysis of its current version. */
interface AnalysedScenario {
  readonly document: vscode.TextDocument;
  /** The document's URI as the engine knows it. */
  readonly doc: string;
  readonly snapshot: AnalysisSnapshot;
}

export class CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly scenarios: ScenarioManager;
  readonly engine: EngineClient;
  readonly log: vscode.LogOutputChannel;
  readonly trees: TreeService;

  constructor(deps: CommandDependencies) {
    this.extension = deps.context;
    this.scenarios = deps.scenarios;
    this.engine = deps.engine;
    this.log = deps.log;
    this.trees = deps.trees;
  }

  /** The active scenario document, opened if needed; a message when there is none. */
  async activeDocument(): Promise<vscode.TextDocument | undefined> {
    const uri = this.scenarios.activeScenario;
    if (!uri) {
      void vscode.window.showInformationMessage(l10n.t('Open a scenario file (*.asyncscenario.json) first.'));
      return undefined;
    }
    return this.scenarios.activeDocument() ?? vscode.workspace.openTextDocument(uri);
  }

  /** The active scenario once its current version is analysed; undefined (with a message) without one. */
  async analysed(): Promise<AnalysedScenario | undefined> {
    const document = await this.activeDocument();
    if (!document) {
      return undefined;
    }
    return { document, doc: document.uri.toString(), snapshot: await this.scenarios.whenAnalyzed(document) };
  }

  /**
   * Appends entries to the active scenario's timeline as one edit (so Undo takes it back) and
   * analyses the result. The edit is computed and applied with nothing awaited in between, so
   * it always matches the text it was computed from.
   */
  async append(entries: EntryValue[]): Promise<boolean> {
    const document = await this.activeDocument();
    if (!document) {
      return false;
    }
    const parsed = parseScenario(document.getText());
    if (!parsed.usable) {
      void vscode.window.showWarningMessage(l10n.t('The scenario has errors that keep it from being read; fix them first (see Problems).'));
      return false;
    }
    const raw = appendEntries(parsed, entries);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(raw.offset), document.positionAt(raw.offset + raw.length)), raw.newText);
    const applied = await vscode.workspace.applyEdit(edit);
    if (applied) {
      await this.scenarios.analyzeNow(document);
    }
    return applied;
  }

  /** False (with a message) in an untrusted workspace, where commands write no files. */
  requireTrust(): boolean {
    if (vscode.workspace.isTrusted) {
      return true;
    }
    void vscode.window.showWarningMessage(l10n.t('This command writes files, which is disabled in an untrusted workspace. Trust the workspace to use it.'));
    return false;
  }
}
