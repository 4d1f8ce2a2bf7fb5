// ACD007: customers got their account numbers in HQ, but job 1010 has not brought them back to the
// channel database, so POS still shows them as Pending sync (and cannot issue loyalty cards).
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { appendEntries } from '../../scenario/edits';
import { accountNumbersNotDownloaded as notDownloaded, anyCustomerSynchronized, channelDatabasesInScenarioOrder, lastJobRun } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, lastRunFailure, listParam, spanFor } from './shared';

export const accountNumbersNotDownloaded: Rule = {
  id: RULE.accountNumbersNotDownloaded,
  question: 'customersMissingInHq',
  cause: msg('ACD007.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      const since = lastJobRun(sim, db, '1010')?.seq ?? 0;
      const { count, customers } = notDownloaded(sim, db, since);
      if (count === 0) {
        continue;
      }
      findings.push({
        ruleId: RULE.accountNumbersNotDownloaded,
        severity: 'information',
        message: msg('ACD007.message', {
          n: count,
          db,
          ...lastRunFailure(sim, '1010', db),
          accounts: listParam(customers.slice(0, 3).map((c) => `${customerLabel(c, c.asyncCustomerId)} → ${c.accountNum}`)),
        }),
        span: spanFor(context, customers[0]?.origin),
        evidence: customers.map((c) => evidence(c.evidence)),
        remedy: { text: msg('ACD007.remedy', { db }), menuPath: MENU.distributionSchedule },
        fixes: [{ title: msg('ACD007.fix', { db }), edits: [appendEntries(scenario, [{ runJob: '1010', channelDatabase: db }])], isPreferred: true }],
      });
    }
    return { findings, applicable: anyCustomerSynchronized(sim) };
  },
};
