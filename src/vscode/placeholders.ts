// What activation registers: a thin placeholder for every command and view in the manifest, so
// VS Code finds each one the moment the extension is active (a command that activated it, a view
// restored open). The first use of a placeholder loads the workbench, which binds the real
// handler or provider through the Registrar; a placeholder never decides anything itself.
import * as vscode from 'vscode';
import type { CommandHandler } from './commands';
import type { Node } from './nodes';
import type { Registrar } from './registrar';

/** The parts of package.json read here. */
interface Manifest {
  readonly contributes?: {
    readonly commands?: readonly { readonly command: string }[];
    readonly views?: Readonly<Record<string, readonly { readonly id: string; readonly type?: string }[]>>;
  };
}

/** A tree's data provider until the workbench's is bound: asks for it, then passes everything on. */
class DeferredTree implements vscode.TreeDataProvider<Node>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Node | Node[] | undefined | null | void>();
  readonly onDidChangeTreeData = this.changed.event;
  private target?: vscode.TreeDataProvider<Node>;
  private forwarding?: vscode.Disposable;

  constructor(
    private readonly viewId: string,
    private readonly load: () => void,
  ) {}

  bind(target: vscode.TreeDataProvider<Node>): void {
    this.forwarding?.dispose();
    this.target = target;
    this.forwarding = target.onDidChangeTreeData?.((node) => this.changed.fire(node));
  }

  get bound(): boolean {
    return this.target !== undefined;
  }

  private provider(): vscode.TreeDataProvider<Node> {
    if (!this.target) this.load();
    if (!this.target) throw new Error(`No tree data provider for the view ${this.viewId}.`);
    return this.target;
  }

  getTreeItem(node: Node): vscode.TreeItem | Thenable<vscode.TreeItem> {
    return this.provider().getTreeItem(node);
  }

  getChildren(node?: Node): vscode.ProviderResult<Node[]> {
    return this.provider().getChildren(node);
  }

  /** reveal() needs it; the trees keep the parents of the nodes they handed out. */
  getParent(node: Node): vscode.ProviderResult<Node> {
    return this.provider().getParent?.(node);
  }

  dispose(): void {
    this.forwarding?.dispose();
    this.changed.dispose();
  }
}

export class Placeholders implements Registrar {
  private readonly handlers = new Map<string, CommandHandler | undefined>();
  private readonly trees = new Map<string, { readonly provider: DeferredTree; readonly view: vscode.TreeView<Node> }>();
  private readonly webviews = new Map<string, vscode.WebviewViewProvider | undefined>();
  /** Views and commands the workbench registered that the manifest does not contribute. */
  private readonly registeredOutside = { views: new Set<string>(), commands: new Set<string>() };

  /** `load` brings up the workbench, which binds everything it implements. */
  constructor(
    context: vscode.ExtensionContext,
    private readonly load: () => void,
  ) {
    const contributes = (context.extension.packageJSON as Manifest).contributes;
    for (const { command } of contributes?.commands ?? []) {
      this.handlers.set(command, undefined);
      context.subscriptions.push(vscode.commands.registerCommand(command, (...args: unknown[]) => this.handler(command)(...args)));
    }
    for (const { id, type } of Object.values(contributes?.views ?? {}).flat()) {
      if (type === 'webview') {
        this.webviews.set(id, undefined);
        context.subscriptions.push(
          vscode.window.registerWebviewViewProvider(id, {
            resolveWebviewView: (view, resolveContext, token) => this.webviewProvider(id).resolveWebviewView(view, resolveContext, token),
          }),
        );
      } else {
        const provider = new DeferredTree(id, load);
        const view = vscode.window.createTreeView(id, { treeDataProvider: provider, showCollapseAll: true });
        this.trees.set(id, { provider, view });
        // Once bound, the workbench's tree owns the view and ends it; until then, activation does.
        context.subscriptions.push(provider, {
          dispose: () => {
            if (!provider.bound) view.dispose();
          },
        });
      }
    }
  }

  registerCommand(id: string, handler: CommandHandler): vscode.Disposable {
    if (!this.handlers.has(id)) {
      this.registeredOutside.commands.add(id);
      return vscode.commands.registerCommand(id, handler);
    }
    this.handlers.set(id, handler);
    return new vscode.Disposable(() => this.handlers.set(id, undefined));
  }

  createTreeView(viewId: string, provider: vscode.TreeDataProvider<Node>): vscode.TreeView<Node> {
    const tree = this.trees.get(viewId);
    if (!tree) {
      this.registeredOutside.views.add(viewId);
      return vscode.window.createTreeView(viewId, { treeDataProvider: provider, showCollapseAll: true });
    }
    tree.provider.bind(provider);
    return tree.view;
  }

  registerWebviewViewProvider(viewId: string, provider: vscode.WebviewViewProvider): vscode.Disposable {
    if (!this.webviews.has(viewId)) {
      this.registeredOutside.views.add(viewId);
      return vscode.window.registerWebviewViewProvider(viewId, provider);
    }
    this.webviews.set(viewId, provider);
    return new vscode.Disposable(() => this.webviews.set(viewId, undefined));
  }

  /** The views with a provider behind them, contributed or not. */
  registeredViews(): string[] {
    return [
      ...[...this.trees].filter(([, tree]) => tree.provider.bound).map(([id]) => id),
      ...[...this.webviews].filter(([, provider]) => provider !== undefined).map(([id]) => id),
      ...this.registeredOutside.views,
    ];
  }

  /** The commands with a handler behind them, contributed or not. */
  registeredCommands(): string[] {
    return [...[...this.handlers].filter(([, handler]) => handler !== undefined).map(([id]) => id), ...this.registeredOutside.commands];
  }

  private handler(id: string): CommandHandler {
    if (!this.handlers.get(id)) this.load();
    const handler = this.handlers.get(id);
    if (!handler) throw new Error(`No handler for the command ${id}.`);
    return handler;
  }

  private webviewProvider(viewId: string): vscode.WebviewViewProvider {
    if (!this.webviews.get(viewId)) this.load();
    const provider = this.webviews.get(viewId);
    if (!provider) throw new Error(`No provider for the view ${viewId}.`);
    return provider;
  }
}
