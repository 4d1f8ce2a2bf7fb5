// ACD106 (and ACD102 for references replay cannot resolve): an action HQ or POS would refuse;
// ACD109: a customer reference that several customers answer to.
// Refused enables of a feature with missing prerequisites are ACD001's.
import { msg, type MessageKey } from '../../domain/l10n';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { insertEntries } from '../../scenario/edits';
import type { SpanFix } from '../../scenario/model';
import { spanFor, timelineIndexOf } from './shared';

const UNRESOLVED_REFERENCES = new Set(['unknownCustomer', 'unknownOperation', 'unknownChannel', 'unknownChannelDatabase']);

export const refusedAction: Rule = {
  id: 'ACD106',
  cause: msg('ACD106.cause', {}),
  check(context: RuleContext) {
    const { sim } = context;
    const refusals = sim.all(
      sim.hq,
      "SELECT SEQ, KIND, CODE, DETAIL, ORIGIN FROM EVENTLOG WHERE (KIND = 'refused' AND CODE <> 'prerequisitesOff') OR (KIND = 'note' AND CODE = 'ambiguousCustomer') ORDER BY SEQ LIMIT 200",
      [],
    );
    const findings: DraftFinding[] = refusals.map((refusal) => {
      const code = String(refusal.CODE);
      const detail = JSON.parse(String(refusal.DETAIL)) as Record<string, string>;
      const unresolved = UNRESOLVED_REFERENCES.has(code);
      const note = refusal.KIND === 'note';
      return {
        ruleId: note ? 'ACD109' : unresolved ? 'ACD102' : 'ACD106',
        severity: unresolved ? 'error' : 'warning',
        message: msg(`${note ? 'note' : 'refused'}.${code}` as MessageKey, detail),
        span: spanFor(context, refusal.ORIGIN),
        evidence: [{ database: 'HQ', table: 'EVENTLOG', key: String(refusal.SEQ), columns: refusal, origin: String(refusal.ORIGIN ?? '') || undefined }],
        fixes: fixesFor(context, code, detail, timelineIndexOf(refusal.ORIGIN)),
      };
    });
    return { findings, applicable: findings.length > 0 };
  },
};

/** HQ refused to disable a feature others depend on: disable those first, right before it. */
function fixesFor(context: RuleContext, code: string, detail: Record<string, string>, index: number | undefined): SpanFix[] {
  if (code !== 'requiredByEnabledFeature' || index === undefined) {
    return [];
  }
  const dependents = detail.dependents.split(',').filter(Boolean).reverse();
  return [
    {
      title: msg('ACD106.fixDisableDependents', { dependents: dependents.join(',') }),
      edits: [insertEntries(context.scenario, index, dependents.map((id) => ({ disableFeature: id })))],
      isPreferred: true,
    },
  ];
}
