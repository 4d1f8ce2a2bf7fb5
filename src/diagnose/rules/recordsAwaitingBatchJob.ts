// ACD005: records wait in the HQ staging tables with OnlineOperationCompleted = 0: the batch job
// Synchronize customers and channel requests has not processed them.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import { anyOperationInHq, lastBatchRun, scheduledRun, stagedAwaitingBatch, waitingNormally } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, lastRunFailure, listParam, spanFor } from './shared';

export const recordsAwaitingBatchJob: Rule = {
  id: RULE.recordsAwaitingBatchJob,
  question: 'customersMissingInHq',
  cause: msg('ACD005.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const lastBatch = lastBatchRun(sim);
    const schedule = scheduledRun(sim, 'SynchronizeCustomersAndChannelRequests');
    const waiting = stagedAwaitingBatch(sim).filter((group) => !waitingNormally(schedule, group.firstUploadedAt));
    const findings: DraftFinding[] = waiting.map((group) => {
      const named = group.customers
        .filter((r) => r.operationType === 'CustomerCreate')
        .slice(0, 3)
        .map((r) => `${customerLabel(r, r.asyncCustomerId)} (${r.asyncCustomerId})`);
      return {
        ruleId: RULE.recordsAwaitingBatchJob,
        severity: 'warning',
        message: msg('ACD005.message', {
          n: group.operations,
          channel: group.channel,
          rows: listParam(group.rowsByTable.map((t) => `${t.table}=${t.rows}`)),
          names: listParam(named),
          since: formatShort(Date.parse(group.firstUploadedAt)),
          lastRun: lastBatch ? formatShort(Date.parse(lastBatch.runAt)) : '',
          ...lastRunFailure(sim, 'SynchronizeCustomersAndChannelRequests'),
        }),
        span: spanFor(context, group.firstOrigin),
        evidence: [...group.customers, ...group.addresses].map((r) => evidence(r.evidence)),
        remedy: { text: msg('ACD005.remedy', {}), menuPath: MENU.batchJobs },
        fixes: [
          {
            title: msg('ACD005.fix', {}),
            edits: [appendEntries(scenario, [{ runBatch: 'SynchronizeCustomersAndChannelRequests' }])],
            isPreferred: true,
          },
        ],
      };
    });
    return { findings, applicable: anyOperationInHq(sim) };
  },
};
