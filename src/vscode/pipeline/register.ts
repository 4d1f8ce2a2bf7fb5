// Everything the pipeline picture adds to the editor, in one call: the view, the panel command,
// and the command a chosen stage runs.
import * as vscode from 'vscode';
import type { Finding } from '../../domain/finding';
import { findingForStage, PIPELINE_STAGES, type PipelineSnapshot, type PipelineStageId } from '../../domain/pipeline';
import type { Registrar } from '../registrar';
import type { TimeTravelView } from '../timeTravel';
import type { PipelineRequest } from './protocol';
import { PIPELINE_VIEW_ID, PipelinePanel, PipelineViewProvider, REVEAL_STAGE_COMMAND, SHOW_PIPELINE_COMMAND, type PipelineSource } from './view';

/** The view that lists a stage's rows when no finding explains it. */
const STAGE_VIEWS: Readonly<Record<PipelineStageId, string>> = {
  channelDatabase: 'asyncCustomers.stagingTables',
  hqStaging: 'asyncCustomers.stagingTables',
  failed: 'asyncCustomers.syncStatus',
  customerMaster: 'asyncCustomers.syncStatus',
  backOnChannel: 'asyncCustomers.syncStatus',
};

interface RevealStageArgs {
  readonly stage: PipelineStageId;
  readonly database?: string;
  readonly uri?: vscode.Uri;
}

async function revealStage(source: PipelineSource, args: unknown): Promise<void> {
  const { stage, database, uri: given } = (args ?? {}) as Partial<RevealStageArgs>;
  if (!stage || !PIPELINE_STAGES.includes(stage)) return;
  const uri = given instanceof vscode.Uri ? given : source.activeScenario();
  const index = uri ? findingForStage(source.findings(uri) ?? [], stage, database) : -1;
  if (uri && index >= 0) {
    await vscode.commands.executeCommand('asyncCustomers.revealFinding', uri, index);
  } else {
    await vscode.commands.executeCommand(`${STAGE_VIEWS[stage]}.focus`);
  }
}

export function registerPipeline(context: vscode.ExtensionContext, registrar: Registrar, source: PipelineSource): void {
  const provider = new PipelineViewProvider(context.extensionUri, source);
  const panel = new PipelinePanel(context.extensionUri, source);
  context.subscriptions.push(
    provider,
    panel,
    registrar.registerWebviewViewProvider(PIPELINE_VIEW_ID, provider),
    registrar.registerCommand(SHOW_PIPELINE_COMMAND, () => panel.show()),
    registrar.registerCommand(REVEAL_STAGE_COMMAND, (args: unknown) => revealStage(source, args)),
  );
}

/** What the pipeline needs of the scenario manager (structurally, so it can move). */
export interface ScenarioEvents {
  readonly activeScenario: vscode.Uri | undefined;
  snapshot(uri: vscode.Uri): { readonly findings: readonly Finding[] } | undefined;
  /** `broken`: the text has a syntax error and the engine shows the last good replay. */
  viewSnapshot(uri: vscode.Uri): { readonly broken: boolean } | undefined;
  readonly onDidChangeAnalysis: vscode.Event<vscode.Uri>;
  readonly onDidChangeActiveScenario: vscode.Event<vscode.Uri | undefined>;
}

/** A source over the scenario manager and an engine request for 'pipeline'. */
export function scenarioPipelineSource(
  scenarios: ScenarioEvents,
  request: (request: PipelineRequest) => Promise<PipelineSnapshot>,
  travel: TimeTravelView,
): PipelineSource {
  return {
    activeScenario: () => scenarios.activeScenario,
    afterEntry: (uri) => travel.afterEntry(uri),
    banner: (uri) => travel.banner(uri),
    broken: (uri) => scenarios.viewSnapshot(uri)?.broken ?? false,
    snapshot: (uri, afterEntry) => request({ kind: 'pipeline', doc: uri.toString(), ...(afterEntry === undefined ? {} : { afterEntry }) }),
    findings: (uri) => scenarios.snapshot(uri)?.findings,
    onDidChange: (listener, thisArgs, disposables) => {
      const both = vscode.Disposable.from(
        scenarios.onDidChangeAnalysis((uri) => {
          if (uri.toString() === scenarios.activeScenario?.toString()) listener.call(thisArgs, uri);
        }),
        scenarios.onDidChangeActiveScenario((uri) => {
          listener.call(thisArgs, uri);
        }),
        travel.onDidChange((uri) => {
          if (uri.toString() === scenarios.activeScenario?.toString()) listener.call(thisArgs, uri);
        }),
      );
      disposables?.push(both);
      return both;
    },
  };
}
