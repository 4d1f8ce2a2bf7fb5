// Activation: cheap listeners only. The engine (sql.js, in a worker thread) starts on the first
// scenario that needs analyzing; views build lazily when shown.
import * as vscode from 'vscode';
import { EngineClient } from '../engine/client';
import type { AnalysisSnapshot } from '../engine/protocol';
import { ScenarioFixProvider } from './codeActions';
import { COMMAND_IDS, type CommandId } from './commandIds';
import type { CommandDependencies, CommandHandler } from './commands';
import { registerDiagnostics } from './diagnostics';
import { ScenarioManager } from './scenarios';
import { StatusBar } from './statusBar';
import type { Node, TreeService } from './nodes';
import type { ScenarioTree } from './views/base';
import { CdxJobsView } from './views/cdxJobsView';
import { FeaturesView } from './views/featuresView';
import { StagingTablesView } from './views/stagingTablesView';
import { SyncStatusView } from './views/syncStatusView';
import { TroubleshooterView } from './views/troubleshooterView';

/** What tests (and other extensions) can read: the same data the views show. */
export interface DoctorApi {
  readonly activationMs: number;
  registeredViews(): string[];
  whenAnalyzed(document: vscode.TextDocument): Promise<AnalysisSnapshot>;
  activeScenario(): vscode.Uri | undefined;
  /** Labels and descriptions of a view's items, expanded to `depth` levels. */
  treeItems(viewId: string, depth?: number): Promise<TreeSnapshot[]>;
  statusBarText(): string | undefined;
}

export interface TreeSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  readonly children?: TreeSnapshot[];
}

export function activate(context: vscode.ExtensionContext): DoctorApi {
  const started = performance.now();
  const log = vscode.window.createOutputChannel('Async Customer Doctor', { log: true });
  const engine = new EngineClient({
    wasmPath: context.asAbsolutePath('dist/sql-wasm.wasm'),
    workerPath: context.asAbsolutePath('dist/engineWorker.js'),
    log: (line) => log.info(line),
  });
  const scenarios = new ScenarioManager(engine, log);
  context.subscriptions.push(log, scenarios, { dispose: () => engine.dispose() });
  registerDiagnostics(context, scenarios);
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider({ pattern: '**/*.asyncscenario.json' }, new ScenarioFixProvider(scenarios), {
      providedCodeActionKinds: ScenarioFixProvider.providedCodeActionKinds,
    }),
  );

  const treesById = new Map<string, ScenarioTree>();
  const addTree = <T extends ScenarioTree>(tree: T): T => {
    const view = vscode.window.createTreeView(tree.viewId, { treeDataProvider: tree, showCollapseAll: true });
    tree.attach(view);
    treesById.set(tree.viewId, tree);
    context.subscriptions.push(tree);
    return tree;
  };
  addTree(new TroubleshooterView('asyncCustomers.troubleshooter', scenarios, engine, log));
  addTree(new FeaturesView('asyncCustomers.features', scenarios, engine, log));
  addTree(new CdxJobsView('asyncCustomers.cdxJobs', scenarios, engine, log));
  const paged = {
    stagingTables: addTree(new StagingTablesView('asyncCustomers.stagingTables', scenarios, engine, log)),
    syncStatus: addTree(new SyncStatusView('asyncCustomers.syncStatus', scenarios, engine, log)),
  };
  const trees: TreeService = { loadMore: (view, key) => paged[view].loadMore(key) };

  const statusBar = new StatusBar(scenarios);
  context.subscriptions.push(statusBar);
  registerCommandsLazily({ context, scenarios, engine, log, trees });
  void vscode.commands.executeCommand('setContext', 'asyncCustomers.hasScenario', scenarios.activeScenario !== undefined);

  const snapshotTree = async (tree: ScenarioTree, nodes: Node[], depth: number): Promise<TreeSnapshot[]> =>
    Promise.all(
      nodes.map(async (node) => {
        const item = tree.getTreeItem(node);
        const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
        return {
          id: node.id,
          label,
          description: typeof item.description === 'string' ? item.description : undefined,
          contextValue: item.contextValue,
          children: depth > 1 && node.children ? await snapshotTree(tree, await node.children(), depth - 1) : undefined,
        };
      }),
    );

  return {
    activationMs: performance.now() - started,
    registeredViews: () => [...treesById.keys()],
    whenAnalyzed: (document) => scenarios.whenAnalyzed(document),
    activeScenario: () => scenarios.activeScenario,
    treeItems: async (viewId, depth = 2) => {
      const tree = treesById.get(viewId);
      return tree ? snapshotTree(tree, await tree.getChildren(), depth) : [];
    },
    statusBarText: () => statusBar.text,
  };
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
