// ACD008: the editing feature is on, but a channel's functionality profile has "Create customer in
// async mode" = No, so its POS goes on creating and editing customers by real-time calls: the
// answer to the FAQ's second question that the jobs and the cache do not explain.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { appendEntries } from '../../scenario/edits';
import { featureChange, realtimeCallsSince, synchronousChannels } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor } from './shared';

export const channelNotInAsyncMode: Rule = {
  id: RULE.channelNotInAsyncMode,
  question: 'realtimeCallsContinue',
  cause: msg('ACD008.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const editing = featureChange(sim, 'AsyncCustomerEditing');
    if (!editing.enabled) {
      return { findings: [], applicable: false };
    }
    const findings: DraftFinding[] = [];
    for (const channel of synchronousChannels(sim)) {
      const { id, channelDatabase: db } = channel;
      const calls = realtimeCallsSince(sim, { channel: id }, editing.changeSeq);
      if (calls.count === 0) {
        continue;
      }
      findings.push({
        ruleId: RULE.channelNotInAsyncMode,
        // Information: a channel may be kept synchronous on purpose; the finding says why the calls go on.
        severity: 'information',
        message: msg('ACD008.message', { channel: id, calls: calls.count, kind: scenario.channels.find((c) => c.id === id)?.kind ?? 'store' }),
        span: spanFor(context, channel.settingOrigin),
        evidence: [evidence(channel.evidence), evidence(editing.evidence), ...calls.calls.map(evidence)],
        remedy: { text: msg('ACD008.remedy', { channel: id, db }), menuPath: MENU.functionalityProfiles },
        fixes: [
          {
            title: msg('ACD008.fix', { channel: id, db }),
            edits: [
              appendEntries(scenario, [
                { updateChannel: { channel: id, asyncCustomerCreation: true } },
                { runJob: '1110', channelDatabase: db },
                { runJob: '1010', channelDatabase: db },
                { runJob: '1070', channelDatabase: db },
              ]),
            ],
            isPreferred: true,
          },
        ],
      });
    }
    return { findings, applicable: true };
  },
};
