// The extension at work, loaded once a scenario is in sight (extension.ts decides when): the
// engine client, the scenario manager, diagnostics, quick fixes, time travel, the views, the
// pipeline picture and the status bar. A bundle of its own (dist/workbench.js): activation does
// not pay for loading it. The engine (sql.js, in a worker thread) starts on the first scenario
// that needs analyzing; views build lazily when shown.
import * as vscode from 'vscode';
import { EngineClient, type EngineRestart } from '../engine/client';
import type { AnalysisSnapshot } from '../engine/protocol';
import { ScenarioFixProvider } from './codeActions';
import { COMMAND_IDS, type CommandId } from './commandIds';
import type { CommandDependencies, CommandHandler } from './commands';
import { registerDiagnostics } from './diagnostics';
import * as l10n from './l10n';
import { setBundleDirectory } from './l10n';
import { registerPipeline, scenarioPipelineSource } from './pipeline/register';
import type { Registrar } from './registrar';
import { SCENARIO_GLOB } from './scenarioFiles';
import { ScenarioManager } from './scenarios';
import { StatusBar } from './statusBar';
import { registerTimeTravel } from './timeTravel';
import { registerViews, type TreeSnapshot } from './views';

/** What the extension's API reads from the workbench. */
export interface Workbench {
  whenAnalyzed(document: vscode.TextDocument): Promise<AnalysisSnapshot>;
  activeScenario(): vscode.Uri | undefined;
  treeItems(viewId: string, depth: number): Promise<TreeSnapshot[]>;
  statusBarText(): string | undefined;
  engineRestartNotice(): string | undefined;
  crashEngineForTest(): void;
  /** A scenario file exists or was opened: start the engine's worker before it is asked. */
  warmUp(): void;
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

export function startWorkbench(context: vscode.ExtensionContext, registrar: Registrar): Workbench {
  setBundleDirectory(context.asAbsolutePath('l10n'));
  const log = vscode.window.createOutputChannel('Async Customer Doctor', { log: true });
  const engine = new EngineClient({
    wasmPath: context.asAbsolutePath('dist/sql-wasm.wasm'),
    workerPath: context.asAbsolutePath('dist/engineWorker.js'),
    log: (line) => log.info(line),
    memoryBudgetMB: memoryBudgetMB(),
  });
  const scenarios = new ScenarioManager(engine, log);
  context.subscriptions.push(log, scenarios, { dispose: () => engine.dispose() });
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
  registerDiagnostics(context, scenarios);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ pattern: SCENARIO_GLOB }, new ScenarioFixProvider(scenarios), {
      providedCodeActionKinds: ScenarioFixProvider.providedCodeActionKinds,
    }),
  );

  const travel = registerTimeTravel(context, registrar, scenarios, engine);
  const views = registerViews(context, registrar, scenarios, engine, log, travel);
  registerPipeline(context, registrar, scenarioPipelineSource(scenarios, (request) => engine.request(request), travel));

  const statusBar = new StatusBar(scenarios);
  context.subscriptions.push(statusBar);
  registerCommandsLazily(registrar, { context, scenarios, engine, log, trees: views });
  void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', scenarios.activeScenario !== undefined);

  return {
    whenAnalyzed: (document) => scenarios.whenAnalyzed(document),
    activeScenario: () => scenarios.activeScenario,
    treeItems: (viewId, depth) => views.treeItems(viewId, depth),
    statusBarText: () => statusBar.text,
    engineRestartNotice: () => restartShown,
    crashEngineForTest: () => engine.crashForTest(),
    warmUp: () => engine.warmUp(),
  };
}

/**
 * Binds every command of the command table now and loads their handlers on the first one: the
 * handlers, the scenario reader (jsonc-parser) and the report are the bulk of the code, and
 * neither activation nor the workbench need pay for loading them.
 */
function registerCommandsLazily(registrar: Registrar, deps: CommandDependencies): void {
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
    deps.context.subscriptions.push(registrar.registerCommand(`asyncCustomers.${id}`, (...args: unknown[]) => handlerOf(id)(...args)));
  }
}
