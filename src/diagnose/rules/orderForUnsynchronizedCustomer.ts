// ACD012: a synchronous customer order for an asynchronous customer whose account number has
// not reached the channel: POS refuses it (a documented limitation since 2023).
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { insertEntries, setInEntry } from '../../scenario/edits';
import { entryOfOrigin, type SpanFix } from '../../scenario/model';
import { refusalsWithCode } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { catchUpEntries, evidence, spanFor, timelineIndexOf } from './shared';

export const orderForUnsynchronizedCustomer: Rule = {
  id: RULE.orderForUnsynchronizedCustomer,
  question: 'ordersAndLoyalty',
  cause: msg('ACD012.cause', {}),
  check(context: RuleContext) {
    const { scenario } = context;
    const findings = refusalsWithCode(context.sim, 'orderNeedsSynchronizedCustomer').map((refusal): DraftFinding => {
      const { channel, channelDatabase, customer, steps } = refusal.params;
      const index = timelineIndexOf(refusal.origin);
      const entry = entryOfOrigin(scenario, refusal.origin);
      const fixes: SpanFix[] =
        index === undefined || !entry
          ? []
          : [
              { title: msg('ACD012.fix', { steps, db: channelDatabase }), edits: [insertEntries(scenario, index, catchUpEntries(steps, channelDatabase))], isPreferred: true },
              {
                title: msg('ACD012.fixAsync', {}),
                edits: [setInEntry(scenario, index, ['createCustomerOrder', 'mode'], 'async')],
                isPreferred: false,
              },
            ];
      return {
        ruleId: RULE.orderForUnsynchronizedCustomer,
        severity: 'warning',
        message: msg('ACD012.message', { channel, customer, steps, db: channelDatabase }),
        span: spanFor(context, refusal.origin),
        evidence: [evidence(refusal.evidence)],
        remedy: { text: msg('ACD012.remedy', { channel }), menuPath: MENU.functionalityProfiles },
        fixes,
      };
    });
    return { findings, applicable: scenario.timeline.some((e) => e.action.kind === 'createCustomerOrder') };
  },
};
