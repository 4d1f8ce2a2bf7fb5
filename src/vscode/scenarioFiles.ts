// Which files are scenarios: JSONC (the built-in language) named *.asyncscenario.json. Kept
// apart so activation (extension.ts) and the workbench share it without activation's bundle
// taking in the workbench.
import type * as vscode from 'vscode';

/** A glob for scenario files, for document selectors and workspace searches. */
export const SCENARIO_GLOB = '**/*.asyncscenario.json';

export function isScenarioDocument(document: vscode.TextDocument): boolean {
  return document.uri.path.endsWith('.asyncscenario.json');
}
