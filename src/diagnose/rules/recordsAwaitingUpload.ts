// ACD004: async customer records are still in the channel database: no P-job since they were written.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import { channelDatabasesInScenarioOrder, hasAsyncRecords, lastJobRun, pendingUploads, scheduledRun, waitingNormally } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, lastRunFailure, listParam, spanFor } from './shared';

export const recordsAwaitingUpload: Rule = {
  id: RULE.recordsAwaitingUpload,
  question: 'customersMissingInHq',
  cause: msg('ACD004.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    let anyAsync = false;
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      anyAsync ||= hasAsyncRecords(sim, db);
      const lastRun = lastJobRun(sim, db, 'P-0001');
      const schedule = scheduledRun(sim, 'P-0001', db);
      for (const group of pendingUploads(sim, db)) {
        if (waitingNormally(schedule, group.firstAt)) {
          continue;
        }
        const { channel, records } = group;
        const first = [...records].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.operationId.localeCompare(b.operationId))[0];
        const named = records
          .filter((r) => r.operationType === 'CustomerCreate')
          .slice(0, 3)
          .map((r) => `${customerLabel(r, r.asyncCustomerId)} (${r.asyncCustomerId})`);
        findings.push({
          ruleId: RULE.recordsAwaitingUpload,
          severity: 'warning',
          message: msg('ACD004.message', {
            creates: group.creates,
            updates: group.updates,
            addresses: group.addresses,
            channel,
            db,
            names: listParam(named),
            since: formatShort(Date.parse(group.firstAt)),
            lastRun: lastRun && lastRun.origin !== 'start' ? formatShort(Date.parse(lastRun.runAt)) : '',
            ...lastRunFailure(sim, 'P-0001', db),
          }),
          span: spanFor(context, first?.origin),
          evidence: records.map((r) => evidence(r.evidence)),
          remedy: { text: msg('ACD004.remedy', { db }), menuPath: MENU.distributionSchedule },
          fixes: [
            {
              title: msg('ACD004.fix', { db }),
              edits: [appendEntries(scenario, [{ runJob: 'P-0001', channelDatabase: db }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }])],
              isPreferred: true,
            },
          ],
        });
      }
    }
    return { findings, applicable: anyAsync };
  },
};
