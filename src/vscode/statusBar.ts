// The problem count of the active scenario, the same number the Problems panel shows for it (the
// JSON language service's syntax and schema errors included); a click opens the Problems panel.
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
      vscode.languages.onDidChangeDiagnostics((event) => {
        const uri = this.scenarios.activeScenario;
        if (uri && event.uris.some((u) => u.toString() === uri.toString())) this.update();
      }),
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
    const diagnostics = vscode.languages.getDiagnostics(uri);
    const errors = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
    const warnings = diagnostics.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
    const total = diagnostics.length;
    // The icon of the worst severity, as Problems shows it: information is never a warning.
    const symbol = errors > 0 ? 'error' : warnings > 0 ? 'warning' : 'info';
    this.item.text =
      total === 0
        ? `$(pass) ${l10n.t('Async Customers: no problems')}`
        : `$(${symbol}) ${l10n.tn(total, 'Async Customers: {0} problem', 'Async Customers: {0} problems')}`;
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
