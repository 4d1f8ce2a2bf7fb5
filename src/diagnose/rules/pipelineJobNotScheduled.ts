// ACD010: the scenario declares its recurring jobs ("schedules"), but a job of the pipeline has
// none: the P-job for a channel database with async records, the batch job, or 1010. Without
// "schedules" nothing is known about recurrence and this rule says nothing.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { appendSchedules, type EntryValue } from '../../scenario/edits';
import { channelDatabasesInScenarioOrder, hasAsyncRecords, scheduledRun, schedulesDeclared } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';

/** The interval the fix proposes: what customer-search.md assumes for these jobs. */
const DEFAULT_INTERVAL = 'PT15M';

export const pipelineJobNotScheduled: Rule = {
  id: RULE.pipelineJobNotScheduled,
  question: 'customersMissingInHq',
  cause: msg('ACD010.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    if (!schedulesDeclared(sim)) {
      return { findings: [], applicable: false };
    }
    const missing: { job: string; db?: string; schedule: EntryValue }[] = [];
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      if (hasAsyncRecords(sim, db) && !scheduledRun(sim, 'P-0001', db)) {
        missing.push({ job: 'P-0001', db, schedule: { runJob: 'P-0001', channelDatabase: db, every: DEFAULT_INTERVAL } });
      }
    }
    if (!scheduledRun(sim, 'SynchronizeCustomersAndChannelRequests')) {
      missing.push({ job: 'SynchronizeCustomersAndChannelRequests', schedule: { runBatch: 'SynchronizeCustomersAndChannelRequests', every: DEFAULT_INTERVAL } });
    }
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      if (!scheduledRun(sim, '1010', db)) {
        missing.push({ job: '1010', db, schedule: { runJob: '1010', channelDatabase: db, every: DEFAULT_INTERVAL } });
      }
    }
    const span = scenario.schedulesSpan ?? { offset: 0, length: 1 };
    const findings = missing.map(
      (m): DraftFinding => ({
        ruleId: RULE.pipelineJobNotScheduled,
        severity: 'warning',
        message: msg('ACD010.message', { job: m.job, db: m.db ?? '' }),
        span: { offset: span.offset, length: 1 },
        evidence: [],
        remedy: {
          text: msg('ACD010.remedy', { job: m.job, db: m.db ?? '' }),
          menuPath: m.job === 'SynchronizeCustomersAndChannelRequests' ? MENU.batchJobs : MENU.distributionSchedule,
        },
        fixes: [
          { title: msg('ACD010.fix', { job: m.job, db: m.db ?? '', every: DEFAULT_INTERVAL }), edits: [appendSchedules(scenario, [m.schedule])], isPreferred: true },
          ...(missing.length > 1
            ? [{ title: msg('ACD010.fixAll', { n: missing.length }), edits: [appendSchedules(scenario, missing.map((x) => x.schedule))], isPreferred: false }]
            : []),
        ],
      }),
    );
    return { findings, applicable: true };
  },
};
