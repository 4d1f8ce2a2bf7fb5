// Findings as VS Code diagnostics: one collection, set per document, cleared when it closes. The
// remedy in HQ (menu path and what to do) is the first related item, so the editor hover and the
// Problems panel show it; evidence rows follow, proof columns first.
import * as vscode from 'vscode';
import * as l10n from './l10n';
import { evidenceSummary } from '../domain/evidenceColumns';
import type { Finding, Range, Severity } from '../domain/finding';
import { RULE } from '../domain/ruleIds';
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

/** "In HQ: Retail and Commerce > ... — Run the P-job ...". */
function remedyLine(finding: Finding): string | undefined {
  if (!finding.remedy) return undefined;
  return `${l10n.t('In HQ')}: ${finding.remedy.menuPath ? `${finding.remedy.menuPath} — ` : ''}${finding.remedy.text}`;
}

function toDiagnostic(finding: Finding, uri: vscode.Uri, docs: vscode.Uri): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(finding.location.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: docs.with({ fragment: 'findings' }) };
  const here = new vscode.Location(uri, toRange(finding.location.range));
  const remedy = remedyLine(finding);
  const evidence = finding.evidence.slice(0, 20).map(
    (e) =>
      // A row no timeline entry wrote (a feature's starting state) points at the finding itself.
      new vscode.DiagnosticRelatedInformation(
        e.location ? new vscode.Location(uri, toRange(e.location.range)) : here,
        `${e.database} ${e.table} ${e.key}: ${evidenceSummary(finding, e)}`,
      ),
  );
  diagnostic.relatedInformation = [...(remedy ? [new vscode.DiagnosticRelatedInformation(here, remedy)] : []), ...evidence];
  return diagnostic;
}

/**
 * JSON syntax errors are the JSON language service's to report (it checks every *.json file,
 * ours included): ACD100 for a syntax error is left out of Problems while it does, so each error
 * is reported once. The command line and the report still list them.
 */
function reportedInProblems(finding: Finding, jsonValidation: boolean): boolean {
  return !(jsonValidation && finding.ruleId === RULE.syntax && finding.location.length > 0 && !isWholeFile(finding));
}

/** "Not a scenario" spans the whole file: the JSON service has nothing to say about that. */
function isWholeFile(finding: Finding): boolean {
  return finding.location.offset === 0 && finding.location.range.start.line === 0 && finding.location.range.end.line > 0;
}

function jsonValidationEnabled(): boolean {
  return vscode.workspace.getConfiguration('json').get<boolean>('validate.enable', true);
}

/** Keeps the Problems panel in step with the analyses. */
export function registerDiagnostics(context: vscode.ExtensionContext, scenarios: ScenarioManager): vscode.DiagnosticCollection {
  const collection = vscode.languages.createDiagnosticCollection('asyncCustomerDoctor');
  const docs = vscode.Uri.joinPath(context.extensionUri, 'README.md');
  const update = (uri: vscode.Uri) => {
    const snapshot = scenarios.snapshot(uri);
    if (!snapshot) {
      collection.delete(uri);
      return;
    }
    const validation = jsonValidationEnabled();
    collection.set(
      uri,
      snapshot.findings.filter((f) => reportedInProblems(f, validation)).map((f) => toDiagnostic(f, uri, docs)),
    );
  };
  context.subscriptions.push(
    collection,
    scenarios.onDidChangeAnalysis(update),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('json.validate.enable')) collection.forEach((uri) => update(uri));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
    vscode.workspace.onDidDeleteFiles((event) => event.files.forEach((uri) => collection.delete(uri))),
  );
  return collection;
}
