// ACD003: the jobs have run, but the Commerce Scale Unit cache still serves the old value.
import { featureById, type FeatureId } from '../../domain/features';
import { msg } from '../../domain/l10n';
import { formatDuration, formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import type { Row } from '../../sim/simulation';
import type { DraftEvidence, DraftFinding, Rule, RuleContext } from '../types';
import { evidence, lastJobRun, listParam, spanFor, stalenessOf } from './shared';

export const csuCacheNotExpired: Rule = {
  id: 'ACD003',
  question: 'realtimeCallsContinue',
  cause: msg('ACD003.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    let anyDownload = false;
    for (const [db, channelDb] of sim.channelDatabases) {
      const changedFeatures = sim.all(channelDb, 'SELECT FEATUREID, ENABLED, PREVENABLED, DOWNLOADEDAT FROM CHANNELFEATURE WHERE ENABLED <> PREVENABLED', []);
      const changedProfiles = sim.all(
        channelDb,
        'SELECT CHANNELID, ASYNCCUSTOMERCREATION, PREVASYNCCUSTOMERCREATION, DOWNLOADEDAT FROM CHANNELPROFILE WHERE ASYNCCUSTOMERCREATION <> PREVASYNCCUSTOMERCREATION',
        [],
      );
      anyDownload ||= changedFeatures.length + changedProfiles.length > 0;
      // A channel database whose jobs have not all run is ACD002's; the cache comes after.
      if (stalenessOf(sim, db).jobs.length > 0) {
        continue;
      }
      const open = (row: Row) => sim.now < sim.cacheExpiresAt(String(row.DOWNLOADEDAT));
      const features = changedFeatures.filter(open);
      const profiles = changedProfiles.filter(open);
      if (features.length + profiles.length === 0) {
        continue;
      }
      const expiresAt = Math.max(...[...features, ...profiles].map((row) => sim.cacheExpiresAt(String(row.DOWNLOADEDAT))));
      const what = [
        ...features.map((f) => featureById(String(f.FEATUREID) as FeatureId).name),
        ...profiles.map((p) => `asyncCustomerCreation (${p.CHANNELID})`),
      ];
      const run = lastJobRun(sim, db, features.length > 0 ? '1110' : '1070');
      const remaining = formatDuration(expiresAt - sim.now);
      const evidenceRows: DraftEvidence[] = [
        ...features.map((f) => evidence(db, 'CHANNELFEATURE', String(f.FEATUREID), f)),
        ...profiles.map((p) => evidence(db, 'CHANNELPROFILE', String(p.CHANNELID), p)),
      ];
      findings.push({
        ruleId: 'ACD003',
        severity: 'information',
        message: msg('ACD003.message', { db, what: listParam(what), until: formatShort(expiresAt), cache: formatDuration(sim.csuCacheMs) }),
        span: spanFor(context, run?.origin),
        evidence: evidenceRows,
        remedy: { text: msg('ACD003.remedy', { until: formatShort(expiresAt) }) },
        fixes: [{ title: msg('ACD003.fix', { duration: remaining }), edits: [appendEntries(scenario, [{ advance: remaining }])], isPreferred: true }],
      });
    }
    return { findings, applicable: anyDownload };
  },
};
