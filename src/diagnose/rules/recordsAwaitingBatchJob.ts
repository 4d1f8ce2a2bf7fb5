// ACD005: records wait in the HQ staging tables with OnlineOperationCompleted = 0: the batch job
// Synchronize customers and channel requests has not processed them.
import { msg } from '../../domain/l10n';
import { ASYNC_TABLES, MENU } from '../../domain/tables';
import { formatShort } from '../../domain/time';
import { appendEntries } from '../../scenario/edits';
import type { DraftFinding, Rule, RuleContext } from '../types';
import { customerLabel, evidence, listParam, spanFor } from './shared';

export const recordsAwaitingBatchJob: Rule = {
  id: 'ACD005',
  question: 'customersMissingInHq',
  cause: msg('ACD005.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const findings: DraftFinding[] = [];
    const lastBatch = sim.one(sim.hq, 'SELECT RUNAT FROM BATCHJOBRUN ORDER BY SEQ DESC LIMIT 1', []);
    const groups = sim.all(
      sim.hq,
      `SELECT CHANNEL, COUNT(*) AS N, MIN(UPLOADEDAT) AS FIRSTUP, MIN(OPERATIONID) AS FIRSTOP
       FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Pending' GROUP BY CHANNEL ORDER BY CHANNEL`,
      [],
    );
    for (const group of groups) {
      const channel = String(group.CHANNEL);
      // Every staging table the pending operations have rows in, as HQ's own tables would show them.
      const stagedRows = ASYNC_TABLES.map((table) => {
        const n = Number(
          sim.one(
            sim.hq,
            `SELECT COUNT(*) AS N FROM ${table} s JOIN RETAILASYNCOPERATIONSTATUS o ON o.OPERATIONID = s.OPERATIONID
             WHERE o.STATUS = 'Pending' AND o.CHANNEL = ? AND s.ONLINEOPERATIONCOMPLETED = 0`,
            [channel],
          )?.N ?? 0,
        );
        return n > 0 ? `${table}=${n}` : '';
      }).filter(Boolean);
      const rows = sim.all(
        sim.hq,
        `SELECT s.RECID, s.OPERATIONID, s.OPERATIONTYPE, s.ASYNCCUSTOMERID, s.FIRSTNAME, s.LASTNAME, s.UPLOADEDAT, s.ONLINEOPERATIONCOMPLETED, s.ORIGIN
         FROM RETAILASYNCOPERATIONSTATUS o JOIN RETAILASYNCCUSTOMERV2 s ON s.OPERATIONID = o.OPERATIONID
         WHERE o.STATUS = 'Pending' AND o.CHANNEL = ? ORDER BY o.OPERATIONID LIMIT 20`,
        [channel],
      );
      const addressRows = sim.all(
        sim.hq,
        `SELECT s.RECID, s.OPERATIONID, s.OPERATIONTYPE, s.ASYNCCUSTOMERID, s.UPLOADEDAT, s.ONLINEOPERATIONCOMPLETED, s.ORIGIN
         FROM RETAILASYNCOPERATIONSTATUS o JOIN RETAILASYNCADDRESSV2 s ON s.OPERATIONID = o.OPERATIONID
         WHERE o.STATUS = 'Pending' AND o.CHANNEL = ? ORDER BY o.OPERATIONID LIMIT 20`,
        [channel],
      );
      const firstOrigin = sim.one(sim.hq, 'SELECT ORIGIN FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [group.FIRSTOP])?.ORIGIN;
      const named = rows
        .filter((r) => r.OPERATIONTYPE === 'CustomerCreate')
        .slice(0, 3)
        .map((r) => `${customerLabel(r, String(r.ASYNCCUSTOMERID))} (${r.ASYNCCUSTOMERID})`);
      findings.push({
        ruleId: 'ACD005',
        severity: 'warning',
        message: msg('ACD005.message', {
          n: Number(group.N),
          channel,
          rows: listParam(stagedRows),
          names: listParam(named),
          since: formatShort(Date.parse(String(group.FIRSTUP))),
          lastRun: lastBatch ? formatShort(Date.parse(String(lastBatch.RUNAT))) : '',
        }),
        span: spanFor(context, firstOrigin),
        evidence: [
          ...rows.map((r) => evidence('HQ', 'RETAILASYNCCUSTOMERV2', String(r.OPERATIONID), r)),
          ...addressRows.map((r) => evidence('HQ', 'RETAILASYNCADDRESSV2', String(r.OPERATIONID), r)),
        ],
        remedy: { text: msg('ACD005.remedy', {}), menuPath: MENU.batchJobs },
        fixes: [
          {
            title: msg('ACD005.fix', {}),
            edits: [appendEntries(scenario, [{ runBatch: 'SynchronizeCustomersAndChannelRequests' }])],
            isPreferred: true,
          },
        ],
      });
    }
    const anyStaged = sim.one(sim.hq, 'SELECT 1 AS X FROM RETAILASYNCOPERATIONSTATUS LIMIT 1', []) !== undefined;
    return { findings, applicable: anyStaged };
  },
};
