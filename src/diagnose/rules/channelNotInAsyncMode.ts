// ACD008: the editing feature is on, but a channel's functionality profile has "Create customer in
// async mode" = No, so its POS goes on creating and editing customers by real-time calls: the
// answer to the FAQ's second question that the jobs and the cache do not explain.
import { msg } from '../../domain/l10n';
import { MENU } from '../../domain/tables';
import { appendEntries } from '../../scenario/edits';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor } from './shared';

export const channelNotInAsyncMode: Rule = {
  id: 'ACD008',
  question: 'realtimeCallsContinue',
  cause: msg('ACD008.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const editing = sim.one(sim.hq, "SELECT FEATUREID, ENABLED, CHANGEDAT, CHANGESEQ, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = 'AsyncCustomerEditing'", []);
    if (editing?.ENABLED !== 1) {
      return { findings: [], applicable: false };
    }
    const findings: DraftFinding[] = [];
    const since = Number(editing.CHANGESEQ);
    const syncChannels = sim.all(sim.hq, 'SELECT * FROM RETAILCHANNELTABLE WHERE ASYNCCUSTOMERCREATION = 0 ORDER BY CHANNELID', []);
    for (const channel of syncChannels) {
      const id = String(channel.CHANNELID);
      const db = String(channel.CHANNELDATABASE);
      const calls = Number(sim.one(sim.hq, 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL WHERE CHANNEL = ? AND SEQ > ?', [id, since])?.N ?? 0);
      if (calls === 0) {
        continue;
      }
      const callRows = sim.all(sim.hq, 'SELECT * FROM RETAILTRANSACTIONSERVICECALL WHERE CHANNEL = ? AND SEQ > ? ORDER BY SEQ LIMIT 20', [id, since]);
      // Where the setting was last made No: an updateChannel entry, else the channel's definition.
      const lastChange = sim.one(sim.hq, "SELECT ORIGIN FROM RETAILCHANGELOG WHERE KIND = 'channel' AND SUBJECT = ? ORDER BY SEQ DESC LIMIT 1", [id]);
      findings.push({
        ruleId: 'ACD008',
        // Information: a channel may be kept synchronous on purpose; the finding says why the calls go on.
        severity: 'information',
        message: msg('ACD008.message', { channel: id, calls }),
        span: spanFor(context, lastChange?.ORIGIN ?? channel.ORIGIN),
        evidence: [
          evidence('HQ', 'RETAILCHANNELTABLE', id, channel),
          evidence('HQ', 'FEATUREMANAGEMENTSTATE', 'AsyncCustomerEditing', editing),
          ...callRows.map((c) => evidence('HQ', 'RETAILTRANSACTIONSERVICECALL', String(c.SEQ), c)),
        ],
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
