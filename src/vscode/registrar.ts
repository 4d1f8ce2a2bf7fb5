// How the workbench registers its views and commands. Activation has already registered a
// placeholder for every view and command the manifest contributes (extension.ts), so that VS Code
// finds them at once; the workbench, loaded later, binds its implementations to those
// placeholders through this interface instead of calling vscode.window / vscode.commands itself.
import type * as vscode from 'vscode';
import type { CommandHandler } from './commands';
import type { Node } from './nodes';

export interface Registrar {
  /** A command handler: binds the placeholder of a contributed command, or registers one. */
  registerCommand(id: string, handler: CommandHandler): vscode.Disposable;
  /** The tree view of a contributed view (it has a "Collapse All" button), now shown by `provider`. */
  createTreeView(viewId: string, provider: vscode.TreeDataProvider<Node>): vscode.TreeView<Node>;
  /** The provider of a contributed webview view. */
  registerWebviewViewProvider(viewId: string, provider: vscode.WebviewViewProvider): vscode.Disposable;
}
