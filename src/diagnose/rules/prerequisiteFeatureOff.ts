// ACD001: the editing feature is enabled (or an enable is attempted) while a prerequisite is off.
import { featureById, type FeatureId } from '../../domain/features';
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { MENU } from '../../domain/tables';
import { insertEntries, setFeatures } from '../../scenario/edits';
import { refusedEnables } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, listParam, spanFor, timelineIndexOf } from './shared';

export const prerequisiteFeatureOff: Rule = {
  id: RULE.prerequisiteFeatureOff,
  question: 'cannotEnableEditing',
  cause: msg('ACD001.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = refusedEnables(sim).map((refusal) => {
      const missing = refusal.missing.map((m) => m.id);
      const index = timelineIndexOf(refusal.origin);
      const edit =
        index !== undefined
          ? insertEntries(scenario, index, missing.map((id) => ({ enableFeature: id })))
          : setFeatures(
              scenario,
              missing.map((id) => ({ key: writtenKeyOf(context, id), enabled: true })),
            );
      const names = listParam(missing);
      return {
        ruleId: RULE.prerequisiteFeatureOff,
        severity: 'error',
        message: msg('ACD001.message', {
          feature: refusal.feature,
          missing: names,
          // The prerequisites that are on, so the message names all of them and the reader sees which one is missing.
          enabled: listParam(featureById(refusal.feature).prerequisites.filter((id) => !missing.includes(id))),
        }),
        span: spanFor(context, refusal.origin),
        evidence: refusal.missing.map((m) => evidence(m.state)),
        remedy: { text: msg('ACD001.remedy', { missing: names }), menuPath: MENU.featureManagement },
        fixes: [{ title: msg('ACD001.fix', { missing: names }), edits: [edit], isPreferred: true }],
      };
    });
    const attempted =
      scenario.features.some((f) => f.enabled && featureById(f.id).prerequisites.length > 0) ||
      scenario.timeline.some((e) => e.action.kind === 'enableFeature' && featureById(e.action.feature).prerequisites.length > 0);
    return { findings, applicable: attempted || findings.length > 0 };
  },
};

/** The key the scenario already uses for a feature (it may be the display name), else the id. */
function writtenKeyOf(context: RuleContext, id: FeatureId): string {
  const setting = context.scenario.features.find((f) => f.id === id);
  if (!setting) {
    return context.scenario.style.featureNames ? featureById(id).name : id;
  }
  const { offset, length } = setting.keySpan;
  return context.scenario.text.slice(offset, offset + length);
}
