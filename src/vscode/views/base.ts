// What the five trees share: nodes with stable ids, refresh when the active scenario's analysis
// changes (debounced, and only while the view is visible), and nothing heavy until shown.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import type { EngineClient } from '../../engine/client';
import { type AnalysisSnapshot, isEngineError } from '../../engine/protocol';
import type { Node, NodeData, PagedView } from '../nodes';
import type { ScenarioManager } from '../scenarios';
import type { TimeTravelView } from '../timeTravel';

export type { Node } from '../nodes';

export interface ScenarioContext {
  readonly uri: vscode.Uri;
  readonly doc: string;
  readonly snapshot: AnalysisSnapshot;
  readonly engine: EngineClient;
  /** Time travel: the state after this timeline entry; undefined for now. Pass it on to the engine's requests. */
  readonly afterEntry?: number;
  /** The text has a syntax error: the snapshot (and the engine's simulation) is the last good replay. */
  readonly broken: boolean;
}

/** Describes a view: the time-travel banner, or the simulated clock. */
function viewDescription(context: ScenarioContext, banner: string | undefined, followsTravel: boolean): string {
  if (banner && followsTravel) return banner;
  const clock = new Date(context.snapshot.clock).toISOString().slice(11, 16);
  return banner ? l10n.t('now, {0} UTC', clock) : l10n.t('{0} UTC', clock);
}

export abstract class ScenarioTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<Node | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [this.emitter];
  private timer?: ReturnType<typeof setTimeout>;
  private visible = false;
  private stale = true;
  view?: vscode.TreeView<Node>;

  constructor(
    readonly viewId: string,
    protected readonly scenarios: ScenarioManager,
    protected readonly engine: EngineClient,
    private readonly log: vscode.LogOutputChannel,
    protected readonly travel: TimeTravelView,
  ) {
    this.disposables.push(
      // Every view: those that follow time travel show that state, the others say "now" in their description.
      travel.onDidChange((uri) => {
        if (uri.toString() === scenarios.activeScenario?.toString()) {
          this.refreshSoon();
        }
      }),
      scenarios.onDidChangeAnalysis((uri) => {
        if (uri.toString() === scenarios.activeScenario?.toString()) {
          this.refreshSoon();
        }
      }),
      scenarios.onDidChangeActiveScenario(() => this.refreshSoon()),
    );
  }

  attach(view: vscode.TreeView<Node>): void {
    this.view = view;
    this.visible = view.visible;
    this.disposables.push(
      view,
      view.onDidChangeVisibility((event) => {
        this.visible = event.visible;
        if (this.visible && this.stale) {
          this.refresh();
        }
      }),
    );
  }

  /** Called by the subclass for the active scenario; undefined (welcome content) without one. */
  protected abstract roots(context: ScenarioContext): Node[] | Promise<Node[]>;

  protected message(_context: ScenarioContext): string | undefined {
    return undefined;
  }

  /** Whether the view shows the time-travel state (the Troubleshooter stays at now). */
  protected get followsTravel(): boolean {
    return true;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    node.item.id = `${this.viewId}/${node.id}`;
    if (node.item.collapsibleState === undefined) {
      node.item.collapsibleState = node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    }
    return node.item;
  }

  private readonly parents = new WeakMap<Node, Node>();

  /** Needed by reveal(): the node whose children included this one. */
  getParent(node: Node): Node | undefined {
    return this.parents.get(node);
  }

  /** For a node revealed before its parent was ever expanded (reveal asks getParent first). */
  protected setParent(child: Node, parent: Node): void {
    this.parents.set(child, parent);
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      const children = node.children ? await this.read(node.children) : [];
      for (const child of children) this.parents.set(child, node);
      return children;
    }
    const context = this.context();
    if (this.view) {
      this.view.message = context?.broken
        ? l10n.t('The file has a syntax error (see Problems): this is the last good replay.')
        : context
          ? this.message(context)
          : undefined;
      this.view.description = context ? viewDescription(context, this.travel.banner(context.uri), this.followsTravel) : undefined;
    }
    return context ? this.read(() => this.roots(context)) : [];
  }

  /**
   * Reads nodes from the engine. The one expected failure is a replaced analysis: a newer
   * version superseded it ('cancelled'), or its simulation is gone ('noAnalysis': the document
   * closed, or the newer version cannot be replayed); the next refresh shows what replaced it.
   * Anything else is a bug: logged, and said in the view instead of an empty tree.
   */
  private async read(nodes: () => Node[] | Promise<Node[]>): Promise<Node[]> {
    try {
      return await nodes();
    } catch (error) {
      if (isEngineError(error, 'cancelled') || isEngineError(error, 'noAnalysis')) {
        return [];
      }
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`${this.viewId}: ${error instanceof Error ? (error.stack ?? message) : message}`);
      if (this.view) {
        this.view.message = l10n.t('This view could not be read: {0}', message);
      }
      return [];
    }
  }

  protected context(): ScenarioContext | undefined {
    const uri = this.scenarios.activeScenario;
    const shown = uri ? this.scenarios.viewSnapshot(uri) : undefined;
    if (!uri || !shown) return undefined;
    const afterEntry = this.followsTravel ? this.travel.afterEntry(uri) : undefined;
    return { uri, doc: uri.toString(), snapshot: shown.snapshot, engine: this.engine, broken: shown.broken, ...(afterEntry === undefined ? {} : { afterEntry }) };
  }

  refresh(node?: Node): void {
    this.stale = false;
    this.emitter.fire(node);
  }

  protected refreshSoon(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      if (this.visible || !this.view) {
        this.refresh();
      } else {
        this.stale = true;
      }
    }, 100);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}

export function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export function leaf<D extends NodeData>(id: string, data: D, label: string, options: Partial<vscode.TreeItem> = {}): Node<D> {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  Object.assign(item, options);
  return { id, data, item };
}

export function branch<D extends NodeData>(
  id: string,
  data: D,
  label: string,
  children: () => Node[] | Promise<Node[]>,
  options: Partial<vscode.TreeItem> = {},
  expanded = false,
): Node<D> {
  const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  Object.assign(item, options);
  return { id, data, item, children };
}

export function formatTime(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : l10n.t('never');
}

const PAGE_SIZE = 50;

/** How many rows each paged branch shows; "Load more" adds a page. */
export class Pager {
  private readonly pages = new Map<string, number>();

  limit(key: string): number {
    return this.pages.get(key) ?? PAGE_SIZE;
  }

  more(key: string): void {
    this.pages.set(key, this.limit(key) + PAGE_SIZE);
  }
}

/** The "Load more (shown of total)" item at the end of a paged branch. */
export function loadMoreNode(id: string, view: PagedView, key: string, shown: number, total: number): Node {
  return leaf(id, { kind: 'loadMore', view, key }, l10n.t('Load more ({0} of {1})', shown, total), {
    iconPath: icon('ellipsis'),
    command: { command: 'asyncCustomers.loadMore', title: l10n.t('Load More'), arguments: [view, key] },
  });
}
