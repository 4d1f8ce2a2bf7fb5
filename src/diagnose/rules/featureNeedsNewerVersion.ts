// ACD009: a feature is enabled (at the start or in the timeline) that does not exist yet in HQ's
// Commerce version: it is not in Feature management before its version.
import { featureById, type FeatureId } from '../../domain/features';
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { setTopLevel } from '../../scenario/edits';
import { refusalsWithCode } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, spanFor } from './shared';

export const featureNeedsNewerVersion: Rule = {
  id: RULE.featureNeedsNewerVersion,
  question: 'cannotEnableEditing',
  cause: msg('ACD009.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const refusals = refusalsWithCode(sim, 'featureNotInVersion');
    // One update to the newest version any refused feature needs makes all of them available.
    const newest = refusals.map((r) => r.params.needs).sort((a, b) => Number(b.split('.')[2]) - Number(a.split('.')[2]))[0];
    const findings = refusals.map(
      (refusal): DraftFinding => ({
        ruleId: RULE.featureNeedsNewerVersion,
        severity: 'error',
        message: msg('ACD009.message', { feature: featureById(refusal.params.feature as FeatureId).name, needs: refusal.params.needs, version: refusal.params.version }),
        span: spanFor(context, refusal.origin),
        evidence: [evidence(refusal.evidence)],
        remedy: { text: msg('ACD009.remedy', { needs: refusal.params.needs }), menuPath: MENU.featureManagement },
        fixes: [{ title: msg('ACD009.fix', { needs: newest }), edits: [setTopLevel(scenario, 'commerceVersion', newest)], isPreferred: true }],
      }),
    );
    return { findings, applicable: scenario.commerceVersion !== undefined };
  },
};
