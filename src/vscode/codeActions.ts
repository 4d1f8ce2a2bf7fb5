// Quick fixes: the fixes computed with each finding, looked up for the document version the
// diagnostics belong to. The provider decides nothing; the engine did.
import * as vscode from 'vscode';
import type { Finding, Fix } from '../domain/finding';
import { DIAGNOSTIC_SOURCE, toRange } from './diagnostics';
import type { ScenarioManager } from './scenarios';

export class ScenarioFixProvider implements vscode.CodeActionProvider {
  static readonly providedCodeActionKinds = [vscode.CodeActionKind.QuickFix];

  constructor(private readonly scenarios: ScenarioManager) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const snapshot = this.scenarios.snapshotFor(document);
    if (!snapshot) {
      return [];
    }
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of context.diagnostics) {
      if (diagnostic.source !== DIAGNOSTIC_SOURCE) {
        continue;
      }
      const finding = snapshot.findings.find((f) => matches(f, diagnostic));
      for (const fix of finding?.fixes ?? []) {
        actions.push(toAction(document, fix, diagnostic));
      }
    }
    return actions;
  }
}

function matches(finding: Finding, diagnostic: vscode.Diagnostic): boolean {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return code === finding.ruleId && finding.message === diagnostic.message && toRange(finding.location.range).isEqual(diagnostic.range);
}

function fixEdit(document: vscode.TextDocument, fix: Fix): vscode.WorkspaceEdit {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    edit.replace(document.uri, toRange(e.range), e.newText);
  }
  return edit;
}

function toAction(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.edit = fixEdit(document, fix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.isPreferred;
  return action;
}
