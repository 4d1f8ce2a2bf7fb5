// ACD002: HQ changed a feature or channel setting after the last run of 1110, 1010 or 1070 for a
// channel database, so its channels still work from old metadata (and keep making real-time calls).
import { msg, type MessageRef } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { insertEntries } from '../../scenario/edits';
import { anyHqChange, channelDatabasesInScenarioOrder, type HqChange, lastJobRun, realtimeCallsSince, stalenessOf } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, listParam, spanFor, timelineIndexOf } from './shared';

export const channelMetadataStale: Rule = {
  id: RULE.channelMetadataStale,
  question: 'realtimeCallsContinue',
  cause: msg('ACD002.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      const staleness = stalenessOf(sim, db);
      if (staleness.jobs.length === 0) {
        continue;
      }
      const first = staleness.changes[0];
      const latest = staleness.changes[staleness.changes.length - 1];
      const calls = realtimeCallsSince(sim, { channelDatabase: db }, first.seq);
      const runs = staleness.jobs.map((job) => lastJobRun(sim, db, job));
      const latestIndex = timelineIndexOf(latest.origin);
      const jobs = listParam(staleness.jobs.map(String));
      const insertAt = latestIndex === undefined ? scenario.timelineLength : latestIndex + 1;
      findings.push({
        ruleId: RULE.channelMetadataStale,
        severity: 'warning',
        message: messageFor(context, db, first, staleness.changes.length - 1, jobs, calls.count),
        span: spanFor(context, first.origin),
        evidence: [
          ...staleness.changes.slice(0, 20).map((c) => evidence(c.evidence)),
          ...runs.flatMap((run, i) =>
            run
              ? [
                  evidence({
                    database: 'HQ',
                    table: 'RETAILCDXJOBRUN',
                    key: `${staleness.jobs[i]}/${db}`,
                    columns: { JOBID: staleness.jobs[i], CHANNELDATABASE: db, RUNAT: run.runAt, ORIGIN: run.origin },
                  }),
                ]
              : [],
          ),
          ...calls.calls.map(evidence),
        ],
        remedy: { text: msg('ACD002.remedy', { db, jobs }), menuPath: MENU.distributionSchedule },
        fixes: [
          {
            title: msg('ACD002.fix', { db, jobs }),
            edits: [insertEntries(scenario, insertAt, staleness.jobs.map((job) => ({ runJob: job, channelDatabase: db })))],
            isPreferred: true,
          },
        ],
      });
    }
    return { findings, applicable: anyHqChange(sim) };
  },
};

function messageFor(context: RuleContext, db: string, first: HqChange, more: number, jobs: string, calls: number): MessageRef {
  const change = describeChange(context, first);
  return msg('ACD002.message', {
    db,
    ...change,
    more,
    at: formatShort(Date.parse(first.changedAt)),
    jobs,
    // Real-time calls are the symptom only of a change towards async mode; after a change away from it the channel stays asynchronous.
    calls: change.change === 'featureEnabled' || change.change === 'asyncModeOn' ? calls : 0,
  });
}

/**
 * Which change, worded by the catalogue: 'featureEnabled' | 'featureDisabled' (subject: the feature),
 * 'asyncModeOn' | 'asyncModeOff' (Create customer in async mode of a channel), or 'channel' (another setting).
 */
function describeChange(context: RuleContext, change: HqChange): { change: string; subject: string } {
  if (change.kind === 'feature') {
    return { change: change.newValue === 'Enabled' ? 'featureEnabled' : 'featureDisabled', subject: change.subject };
  }
  const now = settingsOf(change.newValue);
  const initial = context.scenario.channels.find((c) => c.id === change.subject);
  const before = change.previousValue === null ? initial?.asyncCustomerCreation : settingsOf(change.previousValue).asyncCustomerCreation;
  if (now.asyncCustomerCreation !== undefined && before !== undefined && now.asyncCustomerCreation !== before) {
    return { change: now.asyncCustomerCreation ? 'asyncModeOn' : 'asyncModeOff', subject: change.subject };
  }
  return { change: 'channel', subject: change.subject };
}

function settingsOf(json: string): { asyncCustomerCreation?: boolean } {
  try {
    const value = JSON.parse(json) as { asyncCustomerCreation?: unknown };
    return typeof value.asyncCustomerCreation === 'boolean' ? { asyncCustomerCreation: value.asyncCustomerCreation } : {};
  } catch {
    return {};
  }
}
