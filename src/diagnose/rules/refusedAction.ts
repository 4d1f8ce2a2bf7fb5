// ACD106 (and ACD102 for references replay cannot resolve): an action HQ or POS would refuse.
// Refused enables of a feature with missing prerequisites are ACD001's.
import { msg, type MessageKey } from '../../domain/l10n';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { spanFor } from './shared';

const UNRESOLVED_REFERENCES = new Set(['unknownCustomer', 'unknownOperation', 'unknownChannel', 'unknownChannelDatabase']);

export const refusedAction: Rule = {
  id: 'ACD106',
  cause: msg('ACD106.cause', {}),
  check(context: RuleContext) {
    const { sim } = context;
    const refusals = sim.all(sim.hq, "SELECT SEQ, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE <> 'prerequisitesOff' ORDER BY SEQ LIMIT 200", []);
    const findings: DraftFinding[] = refusals.map((refusal) => {
      const code = String(refusal.CODE);
      const detail = JSON.parse(String(refusal.DETAIL)) as Record<string, string>;
      const unresolved = UNRESOLVED_REFERENCES.has(code);
      return {
        ruleId: unresolved ? 'ACD102' : 'ACD106',
        severity: unresolved ? 'error' : 'warning',
        message: msg(`refused.${code}` as MessageKey, detail),
        span: spanFor(context, refusal.ORIGIN),
        evidence: [{ database: 'HQ', table: 'EVENTLOG', key: String(refusal.SEQ), columns: refusal, origin: String(refusal.ORIGIN ?? '') || undefined }],
        fixes: [],
      };
    });
    return { findings, applicable: findings.length > 0 };
  },
};
