// ACD002: HQ changed a feature or channel setting after the last run of 1110, 1010 or 1070 for a
// channel database, so its channels still work from old metadata (and keep making real-time calls).
import { featureById, type FeatureId } from '../../domain/features';
import { msg, type MessageRef } from '../../domain/l10n';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { insertEntries } from '../../scenario/edits';
import type { Row } from '../../sim/simulation';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { evidence, lastJobRun, listParam, spanFor, stalenessOf, timelineIndexOf } from './shared';

export const channelMetadataStale: Rule = {
  id: 'ACD002',
  question: 'realtimeCallsContinue',
  cause: msg('ACD002.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    for (const db of sim.channelDatabases.keys()) {
      const staleness = stalenessOf(sim, db);
      if (staleness.jobs.length === 0) {
        continue;
      }
      const first = staleness.changes[0];
      const latest = staleness.changes[staleness.changes.length - 1];
      const callCount = Number(
        sim.one(sim.hq, 'SELECT COUNT(*) AS N FROM RETAILTRANSACTIONSERVICECALL WHERE CHANNELDATABASE = ? AND SEQ > ?', [db, first.SEQ])?.N ?? 0,
      );
      const calls = sim.all(sim.hq, 'SELECT * FROM RETAILTRANSACTIONSERVICECALL WHERE CHANNELDATABASE = ? AND SEQ > ? ORDER BY SEQ LIMIT 20', [db, first.SEQ]);
      const runs = staleness.jobs.map((job) => lastJobRun(sim, db, job));
      const latestIndex = timelineIndexOf(latest.ORIGIN);
      const jobs = listParam(staleness.jobs.map(String));
      const insertAt = latestIndex === undefined ? scenario.timelineLength : latestIndex + 1;
      findings.push({
        ruleId: 'ACD002',
        severity: 'warning',
        message: messageFor(db, first, staleness.changes.length - 1, jobs, callCount),
        span: spanFor(context, first.ORIGIN),
        evidence: [
          ...staleness.changes.slice(0, 20).map((c) => evidence('HQ', 'RETAILCHANGELOG', String(c.SEQ), c)),
          ...runs.flatMap((run, i) =>
            run
              ? [evidence('HQ', 'RETAILCDXJOBRUN', `${staleness.jobs[i]}/${db}`, { JOBID: staleness.jobs[i], CHANNELDATABASE: db, RUNAT: run.runAt, ORIGIN: run.origin })]
              : [],
          ),
          ...calls.map((c) => evidence('HQ', 'RETAILTRANSACTIONSERVICECALL', String(c.SEQ), c)),
        ],
        remedy: { text: msg('ACD002.remedy', { db, jobs }), menuPath: MENU.distributionSchedule },
        fixes: [
          {
            title: msg('ACD002.fix', { db, jobs }),
            edits: [insertEntries(scenario, insertAt, staleness.jobs.map((job) => ({ runJob: job, channelDatabase: db })))],
            isPreferred: true,
          },
        ],
      });
    }
    const anyChange = Number(sim.one(sim.hq, 'SELECT COUNT(*) AS N FROM RETAILCHANGELOG', [])?.N ?? 0) > 0;
    return { findings, applicable: anyChange };
  },
};

function messageFor(db: string, first: Row, more: number, jobs: string, calls: number): MessageRef {
  return msg('ACD002.message', {
    db,
    change: changeKind(first),
    subject: changeSubject(first),
    more,
    at: formatShort(Date.parse(String(first.CHANGEDAT))),
    jobs,
    calls,
  });
}

/** 'featureEnabled' | 'featureDisabled' | 'channel': the catalogue words it. */
function changeKind(change: Row): string {
  if (change.KIND === 'feature') {
    return change.NEWVALUE === 'Enabled' ? 'featureEnabled' : 'featureDisabled';
  }
  return 'channel';
}

function changeSubject(change: Row): string {
  return change.KIND === 'feature' ? featureById(String(change.SUBJECT) as FeatureId).name : String(change.SUBJECT);
}
