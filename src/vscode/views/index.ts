// The view registrations: one tree provider per view, bound to the tree view activation created
// (each builds its nodes only when shown). The only module that knows the view classes; the rest
// of the extension reaches the trees through what registerViews returns.
import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/client';
import type { Node, TreeService } from '../nodes';
import type { Registrar } from '../registrar';
import type { ScenarioManager } from '../scenarios';
import type { TimeTravelView } from '../timeTravel';
import type { ScenarioTree } from './base';
import { CdxJobsView } from './cdxJobsView';
import { FeaturesView } from './featuresView';
import { StagingTablesView } from './stagingTablesView';
import { SyncStatusView } from './syncStatusView';
import { TroubleshooterView } from './troubleshooterView';

/** A view's items as a user reads them: label, description, context value, children. */
export interface TreeSnapshot {
  readonly id: string;
  readonly label: string;
  readonly description?: string;
  readonly contextValue?: string;
  /** The tooltip's text (Markdown source for a Markdown tooltip). */
  readonly tooltip?: string;
  readonly children?: TreeSnapshot[];
  /** The element VS Code passes to the commands of the item's menus (inline buttons). */
  readonly element: Node;
}

interface RegisteredViews extends TreeService {
  readonly viewIds: readonly string[];
  /** Labels and descriptions of a view's items, expanded to `depth` levels. */
  treeItems(viewId: string, depth: number): Promise<TreeSnapshot[]>;
}

export function registerViews(
  context: vscode.ExtensionContext,
  registrar: Registrar,
  scenarios: ScenarioManager,
  engine: EngineClient,
  log: vscode.LogOutputChannel,
  travel: TimeTravelView,
): RegisteredViews {
  const trees = new Map<string, ScenarioTree>();
  const add = <T extends ScenarioTree>(tree: T): T => {
    const view = registrar.createTreeView(tree.viewId, tree);
    tree.attach(view);
    trees.set(tree.viewId, tree);
    context.subscriptions.push(tree);
    return tree;
  };
  add(new TroubleshooterView('asyncCustomers.troubleshooter', scenarios, engine, log, travel));
  add(new FeaturesView('asyncCustomers.features', scenarios, engine, log, travel));
  add(new CdxJobsView('asyncCustomers.cdxJobs', scenarios, engine, log, travel));
  const paged = {
    stagingTables: add(new StagingTablesView('asyncCustomers.stagingTables', scenarios, engine, log, travel)),
    syncStatus: add(new SyncStatusView('asyncCustomers.syncStatus', scenarios, engine, log, travel)),
  };
  return {
    viewIds: [...trees.keys()],
    loadMore: (view, key) => paged[view].loadMore(key),
    treeItems: async (viewId, depth) => {
      const tree = trees.get(viewId);
      return tree ? snapshotTree(tree, await tree.getChildren(), depth) : [];
    },
  };
}

async function snapshotTree(tree: ScenarioTree, nodes: Node[], depth: number): Promise<TreeSnapshot[]> {
  return Promise.all(
    nodes.map(async (node) => {
      const item = tree.getTreeItem(node);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      return {
        id: node.id,
        label,
        description: typeof item.description === 'string' ? item.description : undefined,
        contextValue: item.contextValue,
        tooltip: typeof item.tooltip === 'string' ? item.tooltip : item.tooltip?.value,
        children: depth > 1 && node.children ? await snapshotTree(tree, await node.children(), depth - 1) : undefined,
        element: node,
      };
    }),
  );
}
