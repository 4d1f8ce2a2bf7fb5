// ACD003: the jobs have run, but the Commerce Scale Unit cache still serves the old value.
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { formatDuration, formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import { cachedDownloads, channelDatabasesInScenarioOrder, csuCacheMs, lastJobRun, stalenessOf } from '../../sim/queries';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, listParam, spanFor } from './shared';

export const csuCacheNotExpired: Rule = {
  id: RULE.csuCacheNotExpired,
  question: 'realtimeCallsContinue',
  cause: msg('ACD003.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    let anyDownload = false;
    for (const db of channelDatabasesInScenarioOrder(sim)) {
      const downloads = cachedDownloads(sim, db);
      anyDownload ||= downloads.features.length + downloads.profiles.length > 0;
      // A channel database whose jobs have not all run is ACD002's; the cache comes after.
      if (stalenessOf(sim, db).jobs.length > 0) {
        continue;
      }
      const features = downloads.features.filter((d) => d.open);
      const profiles = downloads.profiles.filter((d) => d.open);
      if (features.length + profiles.length === 0) {
        continue;
      }
      const expiresAt = Math.max(...[...features, ...profiles].map((d) => d.expiresAt));
      // Feature ids and channel ids: the catalogue names them in the user's language.
      const what = [...features.map((f) => `feature:${f.subject}`), ...profiles.map((p) => `asyncMode:${p.subject}`)];
      const run = lastJobRun(sim, db, features.length > 0 ? '1110' : '1070');
      const remaining = formatDuration(expiresAt - sim.now);
      findings.push({
        ruleId: RULE.csuCacheNotExpired,
        severity: 'information',
        message: msg('ACD003.message', { db, what: listParam(what), until: formatShort(expiresAt), cache: formatDuration(csuCacheMs(sim)) }),
        span: spanFor(context, run?.origin),
        evidence: [...features, ...profiles].map((d) => evidence(d.evidence)),
        remedy: { text: msg('ACD003.remedy', { until: formatShort(expiresAt) }) },
        fixes: [{ title: msg('ACD003.fix', { duration: remaining }), edits: [appendEntries(scenario, [{ advance: remaining }])], isPreferred: true }],
      });
    }
    return { findings, applicable: anyDownload };
  },
};
