// ACD007: customers got their account numbers in HQ, but job 1010 has not brought them back to the
// channel database, so POS still shows them as Pending sync (and cannot issue loyalty cards).
import { msg } from '../../domain/l10n';
import { MENU } from '../../domain/tables';
import { appendEntries } from '../../scenario/edits';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, lastJobRun, listParam, spanFor } from './shared';

export const accountNumbersNotDownloaded: Rule = {
  id: 'ACD007',
  question: 'customersMissingInHq',
  cause: msg('ACD007.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    for (const db of sim.channelDatabases.keys()) {
      const since = lastJobRun(sim, db, '1010')?.seq ?? 0;
      const channels = [...sim.channels.values()].filter((c) => c.channelDatabase === db).map((c) => c.id);
      const inList = channels.map(() => '?').join(', ');
      const count = Number(
        sim.one(
          sim.hq,
          `SELECT COUNT(*) AS N FROM CUSTTABLE WHERE CREATEDSEQ > ? AND ASYNCCUSTOMERID IS NOT NULL AND CREATEDBY = 'AsyncSynchronization' AND CHANNEL IN (${inList})`,
          [since, ...channels],
        )?.N ?? 0,
      );
      if (count === 0) {
        continue;
      }
      const rows = sim.all(
        sim.hq,
        `SELECT ACCOUNTNUM, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, CHANNEL, CREATEDAT, ORIGIN FROM CUSTTABLE
         WHERE CREATEDSEQ > ? AND ASYNCCUSTOMERID IS NOT NULL AND CREATEDBY = 'AsyncSynchronization' AND CHANNEL IN (${inList})
         ORDER BY CREATEDSEQ LIMIT 20`,
        [since, ...channels],
      );
      findings.push({
        ruleId: 'ACD007',
        severity: 'information',
        message: msg('ACD007.message', {
          n: count,
          db,
          accounts: listParam(rows.slice(0, 3).map((r) => `${customerLabel(r, String(r.ASYNCCUSTOMERID))} → ${r.ACCOUNTNUM}`)),
        }),
        span: spanFor(context, rows[0]?.ORIGIN),
        evidence: rows.map((r) => evidence('HQ', 'CUSTTABLE', String(r.ACCOUNTNUM), r)),
        remedy: { text: msg('ACD007.remedy', { db }), menuPath: MENU.distributionSchedule },
        fixes: [{ title: msg('ACD007.fix', { db }), edits: [appendEntries(scenario, [{ runJob: '1010', channelDatabase: db }])], isPreferred: true }],
      });
    }
    const anySynced = sim.one(sim.hq, "SELECT 1 AS X FROM CUSTTABLE WHERE CREATEDBY = 'AsyncSynchronization' LIMIT 1", []) !== undefined;
    return { findings, applicable: anySynced };
  },
};
