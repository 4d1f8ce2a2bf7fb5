// ACD106 (and ACD102 for references replay cannot resolve): an action HQ or POS would refuse.
// Refused enables of a feature with missing prerequisites are ACD001's.
import { msg, type MessageKey } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { insertEntries, setTopLevel } from '../../scenario/edits';
import type { SpanFix } from '../../scenario/model';
import { type Refusal, refusals } from '../../sim/queries';
import type { RefusalCode } from '../../sim/simulation';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor, timelineIndexOf } from './shared';

/** Refusals because a name in the action matched nothing: the scenario has an unknown id. */
const UNRESOLVED_REFERENCES: ReadonlySet<RefusalCode> = new Set(['unknownCustomer', 'unknownOperation', 'unknownChannel', 'unknownChannelDatabase']);

export const refusedAction: Rule = {
  id: RULE.refusedAction,
  cause: msg('ACD106.cause', {}),
  check(context: RuleContext) {
    const findings: DraftFinding[] = refusals(context.sim).map((refusal) => {
      const unresolved = UNRESOLVED_REFERENCES.has(refusal.code);
      return {
        ruleId: unresolved ? RULE.unknownId : RULE.refusedAction,
        severity: unresolved ? 'error' : 'warning',
        // The channel's kind, so a message speaks of the POS or of the online store.
        message: msg(`refused.${refusal.code}` as MessageKey, { ...refusal.params, kind: kindOf(context, refusal.params.channel) }),
        span: spanFor(context, refusal.origin),
        evidence: [evidence(refusal.evidence)],
        ...remedyFor(refusal),
        fixes: fixesFor(context, refusal),
      };
    });
    return { findings, applicable: findings.length > 0 };
  },
};

function kindOf(context: RuleContext, channel: string | undefined): string {
  return context.scenario.channels.find((c) => c.id === channel)?.kind ?? 'store';
}

function remedyFor(refusal: Refusal): Pick<DraftFinding, 'remedy'> {
  if (refusal.code === 'offlineCreationFiltered') {
    return { remedy: { text: msg('refused.offlineCreationFiltered.remedy', refusal.params), menuPath: MENU.channelSchema } };
  }
  if (refusal.code === 'statusPageNeedsVersion') {
    // The same remedy as ACD006's on that version: the page comes with the update.
    return { remedy: { text: msg('ACD006.remedyNeedsVersion', { ...refusal.params, op: refusal.params.operation ?? '', fields: '' }) } };
  }
  return {};
}

/**
 * HQ refused to disable a feature others depend on: disable those first, right before it.
 * The status page is missing: set the version that has it.
 */
function fixesFor(context: RuleContext, refusal: Refusal): SpanFix[] {
  if (refusal.code === 'statusPageNeedsVersion') {
    return [{ title: msg('ACD009.fix', { needs: refusal.params.needs }), edits: [setTopLevel(context.scenario, 'commerceVersion', refusal.params.needs)], isPreferred: true }];
  }
  const index = timelineIndexOf(refusal.origin);
  if (refusal.code !== 'requiredByEnabledFeature' || index === undefined) {
    return [];
  }
  const dependents = refusal.params.dependents.split(',').filter(Boolean).reverse();
  return [
    {
      title: msg('ACD106.fixDisableDependents', { dependents: dependents.join(',') }),
      edits: [insertEntries(context.scenario, index, dependents.map((id) => ({ disableFeature: id })))],
      isPreferred: true,
    },
  ];
}
