// Commands that act on the simulated HQ and channel: features, CDX jobs, the batch job, the
// clock, the timeline. Each appends the matching entry to the scenario.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import { CDX_JOBS, type CdxJobId } from '../../domain/jobs';
import type { FeatureState } from '../../engine/protocol';
import { parseScenario } from '../../scenario/parse';
import { dataOf } from '../nodes';
import type { CommandContext } from './context';
import type { CommandFactory } from './types';

/** "All channel databases" in the database pick. */
const ALL_DATABASES = '*';

/** From a feature node, a feature id, or asked from the disabled features. */
export const enableFeature: CommandFactory = (ctx) => async (node?: unknown) => {
  const active = await ctx.analysed();
  if (!active) return;
  const features = await ctx.engine.request({ kind: 'featureStates', doc: active.doc });
  const id = typeof node === 'string' ? node : dataOf(node, 'feature')?.id;
  const feature =
    features.find((f) => f.id === id) ??
    (
      await vscode.window.showQuickPick(
        features.filter((f) => !f.enabled).map((f) => ({ label: f.name, description: f.id, feature: f })),
        { title: l10n.t('Enable Feature') },
      )
    )?.feature;
  if (!feature) return;
  if (feature.enabled) {
    void vscode.window.showInformationMessage(l10n.t('{0} is already enabled.', feature.name));
    return;
  }
  if (feature.missingPrerequisites.length > 0) {
    return enableWithPrerequisites(ctx, feature, features);
  }
  return ctx.append([{ enableFeature: feature.id }]);
};

/** From a CDX job node, or a job and a database (asked when left out). */
export const runCdxJob: CommandFactory = (ctx) => async (node?: unknown, jobArg?: CdxJobId, databaseArg?: string) => {
  const active = await ctx.analysed();
  if (!active) return;
  const fromNode = dataOf(node, 'cdxJob');
  const job =
    fromNode?.job ??
    jobArg ??
    (await vscode.window.showQuickPick(CDX_JOBS.map((j) => ({ label: j.id, description: j.name, detail: j.carries, job: j.id })), { title: l10n.t('Run CDX Job') }))?.job;
  if (!job) return;
  const database = fromNode?.database ?? databaseArg ?? (await pickDatabase(active.snapshot.scenario.channelDatabases));
  if (database === undefined) return;
  return ctx.append([database === ALL_DATABASES ? { runJob: job } : { runJob: job, channelDatabase: database }]);
};

export const runPJob: CommandFactory = (ctx) => async (databaseArg?: string) => {
  const active = await ctx.analysed();
  if (!active) return;
  const database = databaseArg ?? (await pickDatabase(active.snapshot.scenario.channelDatabases));
  if (database === undefined) return;
  return ctx.append([database === ALL_DATABASES ? { runJob: 'P-0001' } : { runJob: 'P-0001', channelDatabase: database }]);
};

export const runBatch: CommandFactory = (ctx) => () => ctx.append([{ runBatch: 'SynchronizeCustomersAndChannelRequests' }]);

export const advanceClock: CommandFactory = (ctx) => async (duration?: string) => {
  const value =
    duration ??
    (await vscode.window.showInputBox({
      title: l10n.t('Advance the Clock'),
      prompt: l10n.t('An ISO-8601 duration: PT10M, PT2H, P1D'),
      value: 'PT15M',
      validateInput: (text) => (/^P(?!$)(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?$/.test(text.trim()) ? undefined : l10n.t('Not an ISO-8601 duration such as PT10M')),
    }));
  if (!value) return;
  return ctx.append([{ advance: value.trim() }]);
};

/** Empties the timeline (features and channels stay), after asking unless `confirmed`. */
export const reset: CommandFactory = (ctx) => async (confirmed?: boolean) => {
  const document = await ctx.activeDocument();
  if (!document) return;
  const parsed = parseScenario(document.getText());
  if (!parsed.timelineSpan) return;
  const answer =
    confirmed === true
      ? 'yes'
      : await vscode.window.showWarningMessage(
          l10n.t('Remove all {0} timeline entries? The features and channels stay; Undo brings the entries back.', parsed.timelineLength),
          { modal: true },
          l10n.t('Remove Entries'),
        );
  if (!answer) return;
  const edit = new vscode.WorkspaceEdit();
  const span = parsed.timelineSpan;
  edit.replace(document.uri, new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length)), '[]');
  await vscode.workspace.applyEdit(edit);
  await ctx.scenarios.analyzeNow(document);
};

async function pickDatabase(databases: readonly string[]): Promise<string | undefined> {
  if (databases.length === 1) {
    return databases[0];
  }
  const pick = await vscode.window.showQuickPick(
    [{ label: l10n.t('All channel databases'), value: ALL_DATABASES }, ...databases.map((d) => ({ label: d, value: d }))],
    { title: l10n.t('For which channel database?') },
  );
  return pick?.value;
}

async function enableWithPrerequisites(ctx: CommandContext, feature: FeatureState, features: readonly FeatureState[]): Promise<boolean | undefined> {
  const names = feature.missingPrerequisites.map((id) => features.find((f) => f.id === id)?.name ?? id);
  const enableAll = l10n.t('Enable Prerequisites First');
  // Worded as HQ's Feature management refuses it.
  const answer = await vscode.window.showWarningMessage(
    l10n.t('HQ cannot enable "{0}": these features must be enabled first: {1}.', feature.name, names.join(', ')),
    enableAll,
  );
  if (answer !== enableAll) return undefined;
  return ctx.append([...feature.missingPrerequisites.map((id) => ({ enableFeature: id })), { enableFeature: feature.id }]);
}
