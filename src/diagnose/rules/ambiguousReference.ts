// ACD109: a customer reference ("Ana Berg") that several customers of the scenario answer to;
// replay took it to mean the latest of them.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { ambiguousReferences } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor } from './shared';

export const ambiguousReference: Rule = {
  id: RULE.ambiguousReference,
  cause: msg('ACD109.cause', {}),
  check(context: RuleContext) {
    const findings: DraftFinding[] = ambiguousReferences(context.sim).map((note) => ({
      ruleId: RULE.ambiguousReference,
      severity: 'warning',
      message: msg('note.ambiguousCustomer', { customer: note.reference, used: note.used }),
      span: spanFor(context, note.origin),
      evidence: [evidence(note.evidence)],
      fixes: [],
    }));
    return { findings, applicable: findings.length > 0 };
  },
};
