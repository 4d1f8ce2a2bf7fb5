// ACD001: the editing feature is enabled (or an enable is attempted) while a prerequisite is off.
import { featureById, type FeatureId } from '../../domain/features';
import { msg } from '../../domain/l10n';
import { MENU } from '../../domain/tables';
import { insertEntries, setFeatures } from '../../scenario/edits';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, listParam, spanFor, timelineIndexOf } from './shared';

export const prerequisiteFeatureOff: Rule = {
  id: 'ACD001',
  question: 'cannotEnableEditing',
  cause: msg('ACD001.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const refusals = sim.all(sim.hq, "SELECT SEQ, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE = 'prerequisitesOff' ORDER BY SEQ", []);
    const findings: DraftFinding[] = refusals.map((refusal) => {
      const detail = JSON.parse(String(refusal.DETAIL)) as { feature: FeatureId; missing: string };
      const missing = detail.missing.split(',') as FeatureId[];
      const origin = String(refusal.ORIGIN ?? '');
      const index = timelineIndexOf(origin);
      const edit =
        index !== undefined
          ? insertEntries(scenario, index, missing.map((id) => ({ enableFeature: id })))
          : setFeatures(
              scenario,
              missing.map((id) => ({ key: writtenKeyOf(context, id), enabled: true })),
            );
      const names = listParam(missing.map((id) => `'${featureById(id).name}'`));
      return {
        ruleId: 'ACD001',
        severity: 'error',
        message: msg('ACD001.message', { feature: featureById(detail.feature).name, missing: names }),
        span: spanFor(context, origin),
        evidence: missing.map((id) =>
          evidence('HQ', 'FEATUREMANAGEMENTSTATE', id, sim.one(sim.hq, 'SELECT FEATUREID, ENABLED, CHANGEDAT, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [id])!),
        ),
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
    return id;
  }
  const { offset, length } = setting.keySpan;
  return context.scenario.text.slice(offset, offset + length);
}
