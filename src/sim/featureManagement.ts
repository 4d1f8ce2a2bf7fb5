// HQ's Feature management: features with prerequisites, enabled and disabled as HQ allows.
import { FEATURES, type FeatureId, featureById } from '../domain/features';
import { formatInstant } from '../domain/time';
import { featureSince, formatVersion, isMandatory, MANDATORY_FROM, NEWEST_KNOWN_VERSION } from '../domain/versions';
import type { SimContext } from './context';
import { logEvent, refuse } from './eventLog';
import { recordHqChange } from './hqChanges';
import type { InitialFeature, Outcome } from './types';

export function featureEnabled(ctx: SimContext, id: FeatureId): boolean {
  const row = ctx.db.one(ctx.hq, 'SELECT ENABLED FROM FEATUREMANAGEMENTSTATE WHERE FEATUREID = ?', [id]);
  return row?.ENABLED === 1;
}

function missingPrerequisites(ctx: SimContext, id: FeatureId): FeatureId[] {
  return featureById(id).prerequisites.filter((p) => !featureEnabled(ctx, p));
}

export function enableFeature(ctx: SimContext, id: FeatureId, origin: string | undefined): Outcome {
  const version = versionOf(ctx);
  if (featureSince(id) > version) {
    return refuse(ctx, 'featureNotInVersion', { feature: id, needs: formatVersion(featureSince(id)), version: formatVersion(version) }, origin);
  }
  const missing = missingPrerequisites(ctx, id);
  if (missing.length > 0) {
    return refuse(ctx, 'prerequisitesOff', { feature: id, missing: missing.join(',') }, origin);
  }
  return setFeature(ctx, id, true, origin);
}

export function disableFeature(ctx: SimContext, id: FeatureId, origin: string | undefined): Outcome {
  if (isMandatory(id, versionOf(ctx))) {
    return refuse(ctx, 'mandatoryFeature', { feature: id, from: formatVersion(MANDATORY_FROM[id]!), version: formatVersion(versionOf(ctx)) }, origin);
  }
  const dependents = FEATURES.filter((f) => f.prerequisites.includes(id) && featureEnabled(ctx, f.id)).map((f) => f.id);
  if (dependents.length > 0) {
    return refuse(ctx, 'requiredByEnabledFeature', { feature: id, dependents: dependents.join(',') }, origin);
  }
  return setFeature(ctx, id, false, origin);
}

/** The scenario's starting features, applied as HQ would: prerequisites first, refusals refused. */
export function initialiseFeatures(ctx: SimContext, features: readonly InitialFeature[]): void {
  for (const feature of FEATURES) {
    ctx.db.run(ctx.hq, 'INSERT INTO FEATUREMANAGEMENTSTATE (FEATUREID, ENABLED, CHANGEDAT, CHANGESEQ, ORIGIN) VALUES (?, 0, ?, 0, NULL)', [
      feature.id,
      formatInstant(ctx.now),
    ]);
  }
  const version = versionOf(ctx);
  // A mandatory feature is on whatever the scenario says; 'false' at the start does not apply (nothing is disabled).
  for (const feature of FEATURES.filter((f) => isMandatory(f.id, version))) {
    enableFeature(ctx, feature.id, features.find((f) => f.id === feature.id)?.origin);
  }
  const ordered = [...features].sort((a, b) => featureRank(a.id) - featureRank(b.id));
  for (const feature of ordered) {
    if (feature.enabled && !isMandatory(feature.id, version)) {
      enableFeature(ctx, feature.id, feature.origin);
    } else if (!feature.enabled && isMandatory(feature.id, version)) {
      refuse(ctx, 'mandatoryFeatureAtStart', { feature: feature.id, from: formatVersion(MANDATORY_FROM[feature.id]!), version: formatVersion(version) }, feature.origin);
    }
  }
  // The starting state is not a change the channels must download.
  ctx.db.run(ctx.hq, 'DELETE FROM RETAILCHANGELOG', []);
}

function setFeature(ctx: SimContext, id: FeatureId, enabled: boolean, origin: string | undefined): Outcome {
  if (featureEnabled(ctx, id) === enabled) {
    logEvent(ctx, 'action', enabled ? 'featureAlreadyEnabled' : 'featureAlreadyDisabled', { feature: id }, origin);
    return { ok: true, summary: `${id} was already ${enabled ? 'enabled' : 'disabled'}` };
  }
  const seq = ctx.nextSeq();
  ctx.db.run(ctx.hq, 'UPDATE FEATUREMANAGEMENTSTATE SET ENABLED = ?, CHANGEDAT = ?, CHANGESEQ = ?, ORIGIN = ? WHERE FEATUREID = ?', [
    enabled ? 1 : 0,
    formatInstant(ctx.now),
    seq,
    origin ?? null,
    id,
  ]);
  recordHqChange(ctx, seq, { kind: 'feature', subject: id, channelDatabase: null, newValue: enabled ? 'Enabled' : 'Disabled' }, origin);
  logEvent(ctx, 'action', enabled ? 'featureEnabled' : 'featureDisabled', { feature: id }, origin);
  return { ok: true, summary: `${id} ${enabled ? 'enabled' : 'disabled'}` };
}

function featureRank(id: FeatureId): number {
  return FEATURES.findIndex((f) => f.id === id);
}

/** HQ's Commerce version (the minor N of 10.0.N). */
export function versionOf(ctx: SimContext): number {
  return ctx.config.commerceVersion ?? NEWEST_KNOWN_VERSION;
}
