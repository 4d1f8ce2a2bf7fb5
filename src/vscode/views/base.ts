// What the five trees share: nodes with stable ids, refresh when the active scenario's analysis
// changes (debounced, and only while the view is visible), and nothing heavy until shown.
import * as vscode from 'vscode';
import type { EngineClient } from '../../engine/client';
import type { AnalysisSnapshot } from '../../engine/protocol';
import type { ScenarioManager } from '../scenarios';

export interface Node {
  /** Unique within the view and stable across refreshes, so expansion state survives. */
  readonly id: string;
  readonly item: vscode.TreeItem;
  readonly children?: () => Promise<Node[]>;
}

export interface ScenarioContext {
  readonly uri: vscode.Uri;
  readonly doc: string;
  readonly snapshot: AnalysisSnapshot;
  readonly engine: EngineClient;
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
  ) {
    this.disposables.push(
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
  protected abstract roots(context: ScenarioContext): Promise<Node[]>;

  protected message(_context: ScenarioContext): string | undefined {
    return undefined;
  }

  getTreeItem(node: Node): vscode.TreeItem {
    node.item.id = `${this.viewId}/${node.id}`;
    if (node.item.collapsibleState === undefined) {
      node.item.collapsibleState = node.children ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None;
    }
    return node.item;
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (node) {
      return node.children ? node.children() : [];
    }
    const context = this.context();
    if (this.view) {
      this.view.message = context ? this.message(context) : undefined;
    }
    if (!context) {
      return [];
    }
    try {
      return await this.roots(context);
    } catch {
      // The analysis was replaced while this view read it; the next refresh shows the new one.
      return [];
    }
  }

  protected context(): ScenarioContext | undefined {
    const uri = this.scenarios.activeScenario;
    const snapshot = uri ? this.scenarios.snapshot(uri) : undefined;
    return uri && snapshot ? { uri, doc: uri.toString(), snapshot, engine: this.engine } : undefined;
  }

  refresh(node?: Node): void {
    this.stale = false;
    this.emitter.fire(node);
  }

  private refreshSoon(): void {
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
    this.disposables.forEach((d) => d.dispose());
  }
}

export function icon(id: string, color?: string): vscode.ThemeIcon {
  return new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
}

export function leaf(id: string, label: string, options: Partial<vscode.TreeItem> = {}): Node {
  const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
  Object.assign(item, options);
  return { id, item };
}

export function branch(id: string, label: string, children: () => Promise<Node[]>, options: Partial<vscode.TreeItem> = {}, expanded = false): Node {
  const item = new vscode.TreeItem(label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
  Object.assign(item, options);
  return { id, item, children };
}

export function formatTime(iso: string | undefined): string {
  return iso ? iso.slice(0, 16).replace('T', ' ') : vscode.l10n.t('never');
}

export const PAGE_SIZE = 50;

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
export function loadMoreNode(id: string, view: 'stagingTables' | 'syncStatus', key: string, shown: number, total: number): Node {
  return leaf(id, vscode.l10n.t('Load more ({0} of {1})', shown, total), {
    iconPath: icon('ellipsis'),
    command: { command: 'asyncCustomers.loadMore', title: vscode.l10n.t('Load More'), arguments: [view, key] },
  });
}
