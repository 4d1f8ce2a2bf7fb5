// Activation: placeholders and one listener, nothing else. Every contributed command and view is
// registered at once through a thin placeholder (placeholders.ts); the workbench (workbench.ts, a
// bundle of its own) loads when a scenario is in sight: a scenario document open at activation
// (right after activate returns), opened later, or found in the workspace, or on the first use of
// a command or view. Activation for a JSONC file that is not a scenario (settings.json) costs
// only this module.
import * as vscode from 'vscode';
import type { AnalysisSnapshot } from '../engine/protocol';
import { publishLanguage } from './l10n';
import { Placeholders } from './placeholders';
import { isScenarioDocument, SCENARIO_GLOB } from './scenarioFiles';
import type { TreeSnapshot } from './views';
import type { Workbench } from './workbench';

export type { TreeSnapshot } from './views';

/** What tests (and other extensions) can read: the same data the views show. */
export interface DoctorApi {
  readonly activationMs: number;
  /** Whether the workbench (engine client, views, diagnostics) has loaded. */
  workbenchLoaded(): boolean;
  registeredViews(): string[];
  registeredCommands(): string[];
  whenAnalyzed(document: vscode.TextDocument): Promise<AnalysisSnapshot>;
  activeScenario(): vscode.Uri | undefined;
  /** Labels and descriptions of a view's items, expanded to `depth` levels. */
  treeItems(viewId: string, depth?: number): Promise<TreeSnapshot[]>;
  statusBarText(): string | undefined;
  /** What the status bar last said about an engine restart. */
  engineRestartNotice(): string | undefined;
  /** Ends the engine's worker as a crash would (tests of recovery). */
  crashEngineForTest(): void;
}

export function activate(context: vscode.ExtensionContext): DoctorApi {
  const started = performance.now();
  let workbench: Workbench | undefined;
  let failure: Error | undefined;
  const load = (): Workbench => {
    if (failure) throw failure;
    try {
      // A separate bundle in dist/ (scripts/build.mjs), the compiled module in out/.
      workbench ??= (require('./workbench') as typeof import('./workbench')).startWorkbench(context, placeholders);
    } catch (error) {
      // Half started is not started again: every later use reports the same failure.
      failure = error instanceof Error ? error : new Error(String(error));
      throw failure;
    }
    return workbench;
  };
  const placeholders = new Placeholders(context, load);
  loadWhenScenariosAreSeen(context, load);
  // The walkthrough's language (a context key) is read from the settings once activation is done.
  setTimeout(() => context.subscriptions.push(publishLanguage()), 0);

  return {
    activationMs: performance.now() - started,
    workbenchLoaded: () => workbench !== undefined,
    registeredViews: () => {
      load();
      return placeholders.registeredViews();
    },
    registeredCommands: () => {
      load();
      return placeholders.registeredCommands();
    },
    whenAnalyzed: (document) => load().whenAnalyzed(document),
    activeScenario: () => load().activeScenario(),
    treeItems: (viewId, depth = 2) => load().treeItems(viewId, depth),
    statusBarText: () => load().statusBarText(),
    engineRestartNotice: () => load().engineRestartNotice(),
    crashEngineForTest: () => load().crashEngineForTest(),
  };
}

/**
 * Loads the workbench once a scenario is in sight, and warms the engine up for a scenario not yet
 * open: a scenario document open now loads it right after activation returns (its analysis starts
 * the engine); the first scenario document opened later, or a scenario file found in the
 * workspace after activation, loads it and warms the engine up.
 */
function loadWhenScenariosAreSeen(context: vscode.ExtensionContext, load: () => Workbench): void {
  if (vscode.workspace.textDocuments.some(isScenarioDocument)) {
    setTimeout(load, 0);
    return;
  }
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isScenarioDocument(document)) {
      opened.dispose();
      load().warmUp();
    }
  });
  context.subscriptions.push(opened);
  setTimeout(() => {
    vscode.workspace.findFiles(SCENARIO_GLOB, '**/node_modules/**', 1).then(
      (found) => {
        if (found.length > 0) {
          load().warmUp();
        }
      },
      () => undefined,
    );
  }, 0);
}

export function deactivate(): void {}
