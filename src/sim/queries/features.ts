// Feature management in HQ: which features are on, and what HQ refused to enable.
import { FEATURES, type FeatureId, featureById } from '../../domain/features';
import { featureEnabled as enabledIn } from '../featureManagement';
import { contextOf } from '../internal';
import type { Simulation } from '../simulation';
import { type TableRow, tableRow, textOrNull } from './records';

export function featureEnabled(sim: Simulation, id: FeatureId): boolean {
  return enabledIn(contextOf(sim), id);
}

export interface FeatureState {
  readonly id: FeatureId;
  readonly name: string;
  readonly enabled: boolean;
  readonly changedAt: string;
  readonly prerequisites: readonly { id: FeatureId; name: string; enabled: boolean }[];
  /** Prerequisites that are off: enabling this feature now would be refused. */
  readonly missingPrerequisites: readonly FeatureId[];
  /** Where the state was last set in the scenario, if it was. */
  readonly origin: string | null;
}

/** Every feature, for the Features view. */
export function featureStates(sim: Simulation): FeatureState[] {
  const ctx = contextOf(sim);
  return FEATURES.map((feature) => {
    const row = ctx.db.one(ctx.hq, 'SELECT ENABLED, CHANGEDAT, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [feature.id])!;
    const prerequisites = feature.prerequisites.map((id) => ({ id, name: featureById(id).name, enabled: enabledIn(ctx, id) }));
    return {
      id: feature.id,
      name: feature.name,
      enabled: row.ENABLED === 1,
      changedAt: String(row.CHANGEDAT),
      prerequisites,
      missingPrerequisites: prerequisites.filter((p) => !p.enabled).map((p) => p.id),
      origin: textOrNull(row.ORIGIN),
    };
  });
}

/** A feature as HQ has it now, with the change that set it (for "since the feature was enabled"). */
export interface FeatureChange {
  readonly id: FeatureId;
  readonly enabled: boolean;
  /** The SEQ of the change that set the current state; 0 for the starting state. */
  readonly changeSeq: number;
  readonly evidence: TableRow;
}

export function featureChange(sim: Simulation, id: FeatureId): FeatureChange {
  const ctx = contextOf(sim);
  const row = ctx.db.one(ctx.hq, 'SELECT FEATUREID, ENABLED, CHANGEDAT, CHANGESEQ, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [id])!;
  return { id, enabled: row.ENABLED === 1, changeSeq: Number(row.CHANGESEQ), evidence: tableRow('HQ', 'FEATUREMANAGEMENTSTATE', id, row) };
}

/** An enable HQ refused because prerequisites were off, with those prerequisites as they are now. */
export interface RefusedEnable {
  readonly feature: FeatureId;
  readonly missing: readonly { readonly id: FeatureId; readonly state: TableRow }[];
  /** Where the enable was asked for: a timeline entry, or the scenario's starting features. */
  readonly origin: string;
}

export function refusedEnables(sim: Simulation): RefusedEnable[] {
  const ctx = contextOf(sim);
  const refusals = ctx.db.all(ctx.hq, "SELECT SEQ, DETAIL, ORIGIN FROM EVENTLOG WHERE KIND = 'refused' AND CODE = 'prerequisitesOff' ORDER BY SEQ", []);
  return refusals.map((refusal) => {
    const detail = JSON.parse(String(refusal.DETAIL)) as { feature: FeatureId; missing: string };
    const missing = detail.missing.split(',') as FeatureId[];
    return {
      feature: detail.feature,
      missing: missing.map((id) => ({
        id,
        state: tableRow('HQ', 'FEATUREMANAGEMENTSTATE', id, ctx.db.one(ctx.hq, 'SELECT FEATUREID, ENABLED, CHANGEDAT, ORIGIN FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [id])!),
      })),
      origin: String(refusal.ORIGIN ?? ''),
    };
  });
}
