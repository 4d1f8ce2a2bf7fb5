// ACD004: async customer records are still in the channel database: no P-job since they were written.
import { msg } from '../../domain/l10n';
import { MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, lastJobRun, listParam, spanFor } from './shared';

const PENDING_BY_CHANNEL = `
  SELECT CHANNEL,
         SUM(OPERATIONTYPE = 'CustomerCreate') AS CREATES,
         SUM(OPERATIONTYPE = 'CustomerUpdate') AS UPDATES,
         SUM(OPERATIONTYPE = 'AddressCreate') AS ADDRESSES,
         MIN(CREATEDAT) AS FIRSTAT
  FROM (SELECT CHANNEL, OPERATIONTYPE, CREATEDAT FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0
        UNION ALL
        SELECT CHANNEL, OPERATIONTYPE, CREATEDAT FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND OPERATIONTYPE = 'AddressCreate')
  GROUP BY CHANNEL ORDER BY CHANNEL`;

export const recordsAwaitingUpload: Rule = {
  id: 'ACD004',
  question: 'customersMissingInHq',
  cause: msg('ACD004.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    let anyAsync = false;
    for (const [db, channelDb] of sim.channelDatabases) {
      anyAsync ||= sim.one(channelDb, 'SELECT 1 AS X FROM RETAILASYNCCUSTOMERV2 UNION ALL SELECT 1 FROM RETAILASYNCADDRESSV2 LIMIT 1', []) !== undefined;
      const lastRun = lastJobRun(sim, db, 'P-0001');
      for (const group of sim.all(channelDb, PENDING_BY_CHANNEL, [])) {
        const channel = String(group.CHANNEL);
        const rows = sim.all(
          channelDb,
          `SELECT * FROM (SELECT RECID, 'RETAILASYNCCUSTOMERV2' AS TABLENAME, OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, FIRSTNAME, LASTNAME, CREATEDAT, UPLOADED, ORIGIN
                          FROM RETAILASYNCCUSTOMERV2 WHERE UPLOADED = 0 AND CHANNEL = ? ORDER BY RECID LIMIT 20)
           UNION ALL
           SELECT * FROM (SELECT RECID, 'RETAILASYNCADDRESSV2', OPERATIONID, OPERATIONTYPE, ASYNCCUSTOMERID, NULL, NULL, CREATEDAT, UPLOADED, ORIGIN
                          FROM RETAILASYNCADDRESSV2 WHERE UPLOADED = 0 AND CHANNEL = ? AND OPERATIONTYPE = 'AddressCreate' ORDER BY RECID LIMIT 20)`,
          [channel, channel],
        );
        const first = [...rows].sort((a, b) => String(a.CREATEDAT).localeCompare(String(b.CREATEDAT)) || String(a.OPERATIONID).localeCompare(String(b.OPERATIONID)))[0];
        const named = rows
          .filter((r) => r.OPERATIONTYPE === 'CustomerCreate')
          .slice(0, 3)
          .map((r) => `${customerLabel(r, String(r.ASYNCCUSTOMERID))} (${r.ASYNCCUSTOMERID})`);
        findings.push({
          ruleId: 'ACD004',
          severity: 'warning',
          message: msg('ACD004.message', {
            creates: Number(group.CREATES),
            updates: Number(group.UPDATES),
            addresses: Number(group.ADDRESSES),
            channel,
            db,
            names: listParam(named),
            since: formatShort(Date.parse(String(group.FIRSTAT))),
            lastRun: lastRun && lastRun.origin !== 'start' ? formatShort(Date.parse(lastRun.runAt)) : '',
          }),
          span: spanFor(context, first?.ORIGIN),
          evidence: rows.map((r) => {
            const { TABLENAME, ...columns } = r;
            return evidence(db, String(TABLENAME), String(r.OPERATIONID), columns);
          }),
          remedy: { text: msg('ACD004.remedy', { db }), menuPath: MENU.distributionSchedule },
          fixes: [
            {
              title: msg('ACD004.fix', { db }),
              edits: [appendEntries(scenario, [{ runJob: 'P-0001', channelDatabase: db }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }])],
              isPreferred: true,
            },
          ],
        });
      }
    }
    return { findings, applicable: anyAsync };
  },
};
