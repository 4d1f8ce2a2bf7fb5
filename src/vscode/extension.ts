// Activation: cheap listeners only. The engine (sql.js, in a worker thread) starts on the first
// scenario that needs analyzing; views build lazily when shown.
import * as vscode from 'vscode';
import { EngineClient, type EngineRestart } from '../engine/client';
import type { AnalysisSnapshot } from '../engine/protocol';
import { ScenarioFixProvider } from './codeActions';
import { COMMAND_IDS, type CommandId } from './commandIds';
import type { CommandDependencies, CommandHandler } from './commands';
import { registerDiagnostics } from './diagnostics';
import * as l10n from './l10n';
import { publishLanguage, setBundleDirectory } from './l10n';
import { registerPipeline, scenarioPipelineSource } from './pipeline/register';
import { PIPELINE_VIEW_ID } from './pipeline/view';
import { ScenarioManager } from './scenarios';
import { StatusBar } from './statusBar';
import { registerTimeTravel } from './timeTravel';
import { registerViews, type TreeSnapshot } from './views';

export type { TreeSnapshot } from './views';

/** What tests (and other extensions) can read: the same data the views show. */
export interface DoctorApi {
  readonly activationMs: number;
  registeredViews(): string[];
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

const MEMORY_BUDGET_SETTING = 'asyncCustomerDoctor.limits.memoryBudgetMB';

function memoryBudgetMB(): number | undefined {
  return vscode.workspace.getConfiguration().get<number>(MEMORY_BUDGET_SETTING);
}

/** What the status bar says when the engine's worker was replaced, by why. */
function restartNotice(event: EngineRestart): string {
  switch (event.reason) {
    case 'timeout':
      return l10n.t('Async Customers: a SQL statement ran past its time budget; the engine restarted and open scenarios are analysed again');
    case 'crashed':
      return l10n.t('Async Customers: the engine stopped and restarted; open scenarios are analysed again');
    case 'requested':
      return l10n.t('Async Customers: the engine restarted with the new memory budget; open scenarios are analysed again');
  }
}

export function activate(context: vscode.ExtensionContext): DoctorApi {
  const started = performance.now();
  setBundleDirectory(context.asAbsolutePath('l10n'));
  const log = vscode.window.createOutputChannel('Async Customer Doctor', { log: true });
  const engine = new EngineClient({
    wasmPath: context.asAbsolutePath('dist/sql-wasm.wasm'),
    workerPath: context.asAbsolutePath('dist/engineWorker.js'),
    log: (line) => log.info(line),
    memoryBudgetMB: memoryBudgetMB(),
  });
  const scenarios = new ScenarioManager(engine, log);
  context.subscriptions.push(log, scenarios, { dispose: () => engine.dispose() }, publishLanguage());
  let restartShown: string | undefined;
  let restartMessage: vscode.Disposable | undefined;
  context.subscriptions.push(
    {
      dispose: () => {
        restartMessage?.dispose();
      },
    },
    engine.onDidRestart((event) => {
      restartShown = restartNotice(event);
      restartMessage?.dispose();
      restartMessage = vscode.window.setStatusBarMessage(`$(debug-restart) ${restartShown}`, 15_000);
      scenarios.analyzeAllAgain();
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration(MEMORY_BUDGET_SETTING)) {
        engine.setMemoryBudgetMB(memoryBudgetMB() ?? 0);
        engine.restart(`The memory budget is now ${memoryBudgetMB()} MB.`);
      }
    }),
  );
  warmUpWhenScenariosAreSeen(context, engine);
  registerDiagnostics(context, scenarios);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.asyncscenario.json' }, new ScenarioFixProvider(scenarios), {
      providedCodeActionKinds: ScenarioFixProvider.providedCodeActionKinds,
    }),
  );

  const travel = registerTimeTravel(context, scenarios, engine);
  const views = registerViews(context, scenarios, engine, log, travel);
  registerPipeline(context, scenarioPipelineSource(scenarios, (request) => engine.request(request), travel));

  const statusBar = new StatusBar(scenarios);
  context.subscriptions.push(statusBar);
  registerCommandsLazily({ context, scenarios, engine, log, trees: views });
  void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', scenarios.activeScenario !== undefined);

  return {
    activationMs: performance.now() - started,
    registeredViews: () => [...views.viewIds, PIPELINE_VIEW_ID],
    whenAnalyzed: (document) => scenarios.whenAnalyzed(document),
    activeScenario: () => scenarios.activeScenario,
    treeItems: (viewId, depth = 2) => views.treeItems(viewId, depth),
    statusBarText: () => statusBar.text,
    engineRestartNotice: () => restartShown,
    crashEngineForTest: () => engine.crashForTest(),
  };
}

/**
 * The engine (worker, sql.js, the code's first run) warms up once a scenario is in sight: a
 * scenario file in the workspace, found after activation has returned, or the first scenario
 * document opened. Activation itself only installs the listener.
 */
function warmUpWhenScenariosAreSeen(context: vscode.ExtensionContext, engine: EngineClient): void {
  const isScenario = (document: vscode.TextDocument) => document.uri.path.endsWith('.asyncscenario.json');
  if (vscode.workspace.textDocuments.some(isScenario)) {
    return; // Its analysis starts the engine now.
  }
  const opened = vscode.workspace.onDidOpenTextDocument((document) => {
    if (isScenario(document)) {
      opened.dispose();
      engine.warmUp();
    }
  });
  context.subscriptions.push(opened);
  setTimeout(() => {
    vscode.workspace.findFiles('**/*.asyncscenario.json', '**/node_modules/**', 1).then(
      (found) => {
        if (found.length > 0) {
          engine.warmUp();
        }
      },
      () => undefined,
    );
  }, 0);
}

/**
 * Registers every command now and loads their handlers on the first one: the handlers, the
 * scenario reader (jsonc-parser) and the report are two thirds of the code, and activation
 * need not pay for loading them.
 */
function registerCommandsLazily(deps: CommandDependencies): void {
  let handlers: Map<CommandId, CommandHandler> | undefined;
  const handlerOf = (id: CommandId): CommandHandler => {
    // A separate bundle in dist/ (scripts/build.mjs), the compiled module in out/.
    handlers ??= (require('./commands') as typeof import('./commands')).commandHandlers(deps);
    const handler = handlers.get(id);
    if (!handler) {
      throw new Error(`No handler for the command asyncCustomers.${id}.`);
    }
    return handler;
  };
  for (const id of COMMAND_IDS) {
    deps.context.subscriptions.push(vscode.commands.registerCommand(`asyncCustomers.${id}`, (...args: unknown[]) => handlerOf(id)(...args)));
  }
}

export function deactivate(): void {}
