// The problem count of the active scenario; a click opens the Problems panel.
import * as vscode from 'vscode';
import * as l10n from './l10n';
import type { ScenarioManager } from './scenarios';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('asyncCustomers.problems', vscode.StatusBarAlignment.Left, 50);
  private readonly disposables: vscode.Disposable[] = [this.item];

  constructor(private readonly scenarios: ScenarioManager) {
    this.item.name = l10n.t('Async Customers');
    this.item.command = 'workbench.actions.view.problems';
    this.disposables.push(
      scenarios.onDidChangeAnalysis(() => this.update()),
      scenarios.onDidChangeActiveScenario(() => this.update()),
    );
    this.update();
  }

  get text(): string | undefined {
    return this.item.text || undefined;
  }

  private update(): void {
    const uri = this.scenarios.activeScenario;
    const failure = uri ? this.scenarios.failure(uri) : undefined;
    if (uri && failure) {
      this.item.text = `$(error) ${l10n.t('Async Customers: analysis failed')}`;
      this.item.tooltip = l10n.t('{0} could not be analyzed: {1}', vscode.workspace.asRelativePath(uri), failure);
      this.item.accessibilityInformation = { label: `${l10n.t('Async Customers: analysis failed')}. ${this.item.tooltip}` };
      this.item.show();
      return;
    }
    const snapshot = uri ? this.scenarios.snapshot(uri) : undefined;
    if (!uri || !snapshot) {
      this.item.hide();
      return;
    }
    const errors = snapshot.findings.filter((f) => f.severity === 'error').length;
    const total = snapshot.findings.length;
    this.item.text =
      total === 0
        ? `$(pass) ${l10n.t('Async Customers: no problems')}`
        : `$(${errors > 0 ? 'error' : 'warning'}) ${l10n.tn(total, 'Async Customers: {0} problem', 'Async Customers: {0} problems')}`;
    this.item.tooltip = l10n.t(
      '{0}, {1} in {2}. Click for the Problems panel.',
      l10n.tn(total, '{0} finding', '{0} findings'),
      l10n.tn(errors, '{0} error', '{0} errors'),
      vscode.workspace.asRelativePath(uri),
    );
    this.item.accessibilityInformation = { label: `${this.item.text.replace(/^\$\([a-z-]+\) /, '')}. ${this.item.tooltip}` };
    this.item.show();
  }

  dispose(): void {
    for (const disposable of this.disposables) {
      disposable.dispose();
    }
  }
}
