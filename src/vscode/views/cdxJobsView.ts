// CDX jobs per channel database: when each last ran, and whether HQ changed since (stale).
import * as vscode from 'vscode';
import { localizeJobName } from '../../domain/l10n';
import * as l10n from '../l10n';
import { branch, formatTime, icon, leaf, type Node, ScenarioTree, type ScenarioContext } from './base';

export class CdxJobsView extends ScenarioTree {
  protected async roots({ engine, doc, afterEntry, snapshot }: ScenarioContext): Promise<Node[]> {
    const today = new Date(snapshot.clock).toISOString().slice(0, 10);
    const databases = await engine.request({ kind: 'cdxJobStates', doc, afterEntry });
    return databases.map((db) =>
      branch(
        `db/${db.name}`,
        { kind: 'channelDatabase', database: db.name },
        db.name,
        () =>
          db.jobs.map((job) => {
            // The hour alone on the clock's day; "(start)" when it is the scenario's starting point.
            const time = job.lastRunAt ? (job.lastRunAt.slice(0, 10) === today ? job.lastRunAt.slice(11, 16) : formatTime(job.lastRunAt)) : undefined;
            const ran = time ? (job.lastRunAtStart ? l10n.t('{0} (start)', time) : time) : l10n.t('never');
            const lastRun = job.lastRunScheduled && job.failure === undefined ? l10n.t('{0} · by schedule', ran) : ran;
            const failed = job.failure !== undefined;
            return leaf(`db/${db.name}/job/${job.jobId}`, { kind: 'cdxJob', database: db.name, job: job.jobId }, `${job.jobId} ${l10n.currentLocale() === 'sv' ? localizeJobName(job.jobId, job.name, 'sv') : shortJobName(job.jobId, job.name)}`, {
              description: failed ? l10n.t('last run failed') : job.stale ? l10n.t('{0} · stale', lastRun) : lastRun,
              iconPath: failed ? icon('error', 'list.errorForeground') : job.stale ? icon('warning', 'list.warningForeground') : icon('history'),
              contextValue: job.stale || failed ? 'cdxJob.stale' : 'cdxJob',
              tooltip: new vscode.MarkdownString(
                `**${job.jobId} ${job.name}**\n\n` +
                (failed
                  ? l10n.t("The last run of {0} for {1} failed with the message '{2}'. Last successful run: {3}.", job.jobId, db.name, job.failure ?? '', ran)
                  : job.stale
                  ? job.jobId === 'P-0001'
                    ? l10n.t('Async customer records wait in channel database {0}: run the P-job.', db.name)
                    : l10n.t('HQ changed after the last run of {0} for {1}: the channel works from old metadata.', job.jobId, db.name)
                  : l10n.t('Last run: {0}', job.lastRunAt ? `${formatTime(job.lastRunAt)} UTC${job.lastRunAtStart ? ` (${l10n.t('the scenario starts with it')})` : ''}` : lastRun)),
              ),
            });
          }),
        {
          description: db.channels.map((c) => c.id).join(', '),
          iconPath: icon('database'),
          contextValue: 'channelDatabase',
        },
        true,
      ),
    );
  }
}

/** A name that fits beside the last run at 300 px; the full name is in the tooltip. */
function shortJobName(id: string, name: string): string {
  switch (id) {
    case '1110':
      return l10n.t('Global config');
    case '1070':
      return l10n.t('Channel config');
    case 'P-0001':
      return l10n.t('P-job');
    default:
      return name;
  }
}
