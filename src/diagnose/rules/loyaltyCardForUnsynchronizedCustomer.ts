// ACD013: a loyalty card for an asynchronous customer whose account number has not reached the
// channel: POS issues cards only to customers with a real account number.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { insertEntries } from '../../scenario/edits';
import { channelCustomerRow, refusalsWithCode } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { catchUpEntries, evidence, spanFor, timelineIndexOf } from './shared';

export const loyaltyCardForUnsynchronizedCustomer: Rule = {
  id: RULE.loyaltyCardForUnsynchronizedCustomer,
  question: 'ordersAndLoyalty',
  cause: msg('ACD013.cause', {}),
  check(context: RuleContext) {
    const { scenario } = context;
    const findings = refusalsWithCode(context.sim, 'loyaltyNeedsAccountNumber').map((refusal): DraftFinding => {
      const { channel, channelDatabase, customer, steps, asyncId } = refusal.params;
      // The proof first: the channel's row for the customer, still Pending sync with no real account number.
      const proof = asyncId ? channelCustomerRow(context.sim, channelDatabase, asyncId) : undefined;
      const index = timelineIndexOf(refusal.origin);
      return {
        ruleId: RULE.loyaltyCardForUnsynchronizedCustomer,
        severity: 'warning',
        message: msg('ACD013.message', { channel, customer, steps, db: channelDatabase }),
        span: spanFor(context, refusal.origin),
        evidence: proof ? [evidence(proof)] : [evidence(refusal.evidence)],
        remedy: { text: msg('ACD013.remedy', { steps, db: channelDatabase }), menuPath: MENU.distributionSchedule },
        fixes:
          index === undefined
            ? []
            : [{ title: msg('ACD013.fix', { steps, db: channelDatabase }), edits: [insertEntries(scenario, index, catchUpEntries(steps, channelDatabase))], isPreferred: true }],
      };
    });
    return { findings, applicable: scenario.timeline.some((e) => e.action.kind === 'issueLoyaltyCard') };
  },
};
