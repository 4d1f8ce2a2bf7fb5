// Findings as VS Code diagnostics: one collection, set per document, cleared when it closes.
import * as vscode from 'vscode';
import type { Finding, Range, Severity } from '../domain/finding';
import type { ScenarioManager } from './scenarios';

export const DIAGNOSTIC_SOURCE = 'Async Customer Doctor';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

function toDiagnostic(finding: Finding, uri: vscode.Uri, docs: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.location.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs.with({ fragment: 'findings' }) };
  diagnostic.relatedInformation = finding.evidence
    .filter((e) => e.location)
    .slice(0, 20)
    .map((e) => {
      const columns = Object.entries(e.columns)
        .filter(([name]) => name !== 'ORIGIN')
        .slice(0, 6)
        .map(([name, value]) => `${name} = ${value === null ? 'NULL' : String(value)}`)
        .join(', ');
      return new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, toRange(e.location!.range)), `${e.database} ${e.table} ${e.key}: ${columns}`);
    });
  return diagnostic;
}

/** Keeps the Problems panel in step with the analyses. */
export function registerDiagnostics(context: vscode.ExtensionContext, scenarios: ScenarioManager): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('asyncCustomerDoctor');
  const docs = vscode.Uri.joinPath(context.extensionUri, 'README.md');
  context.subscriptions.push(
    collection,
    scenarios.onDidChangeAnalysis((uri) => {
      const snapshot = scenarios.snapshot(uri);
      if (!snapshot) {
        collection.delete(uri);
        return;
      }
      collection.set(
        uri,
        snapshot.findings.map((f) => toDiagnostic(f, uri, docs)),
      );
    }),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => collection.delete(uri))),
  );
  return collection;
}
