// ACD006: an asynchronous operation failed in HQ. Names the operation, the reason, the fields to
// edit and the Customer synchronization status page; the fix edits the fields and synchronizes.
import { msg } from '../../domain/l10n';
import { DEFAULT_CUSTOMER_GROUP, KNOWN_COUNTRY_REGIONS, MENU } from '../../domain/tables';
import { closest } from '../../domain/text';
import { appendEntries, type EntryValue } from '../../scenario/edits';
import type { EditableField, Row, Simulation } from '../../sim/simulation';
import { MAX_FINDINGS_PER_RULE, type DraftFinding, type Rule, type RuleContext } from '../types';
import { customerLabel, evidence, listParam, spanFor } from './shared';

export const operationFailed: Rule = {
  id: 'ACD006',
  question: 'whichOperationFailed',
  cause: msg('ACD006.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const total = Number(sim.one(sim.hq, "SELECT COUNT(*) AS N FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed'", [])?.N ?? 0);
    const failed = sim.all(sim.hq, "SELECT * FROM RETAILASYNCOPERATIONSTATUS WHERE STATUS = 'Failed' ORDER BY OPERATIONID LIMIT ?", [MAX_FINDINGS_PER_RULE]);
    const findings: DraftFinding[] = failed.map((op) => {
      const operationId = String(op.OPERATIONID);
      const customerRows = sim.all(sim.hq, 'SELECT * FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [operationId]);
      const addressRows = sim.all(sim.hq, 'SELECT * FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ?', [operationId]);
      const fields = String(op.FAILEDFIELDS ?? '')
        .split(',')
        .filter(Boolean) as EditableField[];
      const label = customerLabel(channelCustomer(sim, op) ?? customerRows[0], String(op.ASYNCCUSTOMERID));
      const steps: EntryValue[] = [];
      const set = suggestedChanges(sim, fields, customerRows[0], addressRows);
      if (fields.length > 0) {
        steps.push({ editFailedOperation: { operation: operationId, set } });
      } else {
        steps.push(...creationSteps(sim, op));
      }
      steps.push({ resync: operationId });
      return {
        ruleId: 'ACD006',
        severity: 'error',
        message: msg(op.EDITORIGIN ? 'ACD006.messageAfterEdit' : 'ACD006.message', {
          op: operationId,
          type: String(op.OPERATIONTYPE),
          customer: label,
          asyncId: String(op.ASYNCCUSTOMERID),
          channel: String(op.CHANNEL),
          reason: String(op.FAILUREREASON ?? ''),
          fields: listParam(fields),
        }),
        span: spanFor(context, op.ORIGIN),
        evidence: [
          evidence('HQ', 'RETAILASYNCOPERATIONSTATUS', operationId, op),
          ...customerRows.map((r) => evidence('HQ', 'RETAILASYNCCUSTOMERV2', String(r.RECID), r)),
          ...addressRows.map((r) => evidence('HQ', 'RETAILASYNCADDRESSV2', String(r.RECID), r)),
        ],
        remedy: { text: msg('ACD006.remedy', { op: operationId, fields: listParam(fields) }), menuPath: MENU.syncStatus },
        fixes: [
          {
            // The title says which values the fix writes: they are our guess, the user should see it before applying.
            title:
              fields.length > 0
                ? msg('ACD006.fix', { op: operationId, changes: listParam(Object.entries(set).map(([field, value]) => `${field}=${value ?? ''}`)) })
                : msg('ACD006.fixDependent', { op: operationId }),
            edits: [appendEntries(scenario, steps)],
            isPreferred: true,
          },
        ],
      };
    });
    if (total > failed.length) {
      findings.push({
        ruleId: 'ACD006',
        severity: 'error',
        message: msg('ACD006.more', { n: total - failed.length }),
        span: scenario.timelineSpan ?? { offset: 0, length: 1 },
        evidence: [],
        remedy: { text: msg('ACD006.remedy', { op: '', fields: '' }), menuPath: MENU.syncStatus },
        fixes: [],
      });
    }
    const anyStaged = sim.one(sim.hq, 'SELECT 1 AS X FROM RETAILASYNCOPERATIONSTATUS LIMIT 1', []) !== undefined;
    return { findings, applicable: anyStaged };
  },
};

function channelCustomer(sim: Simulation, op: Row): Row | undefined {
  const db = sim.channelDatabases.get(String(op.CHANNELDATABASE));
  return db ? sim.one(db, 'SELECT FIRSTNAME, LASTNAME FROM CUSTOMER WHERE ASYNCCUSTOMERID = ? OR ACCOUNTNUM = ?', [op.ASYNCCUSTOMERID, op.ASYNCCUSTOMERID]) : undefined;
}

/** Values that pass HQ's checks, as close to what was entered as we can tell. */
function suggestedChanges(sim: Simulation, fields: readonly EditableField[], customer: Row | undefined, addresses: readonly Row[]): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const field of fields) {
    if (field === 'countryRegion') {
      const entered = String(addresses.find((a) => !KNOWN_COUNTRY_REGIONS.includes(String(a.COUNTRYREGIONID ?? '')))?.COUNTRYREGIONID ?? '');
      changes.countryRegion = closest(entered.toUpperCase(), KNOWN_COUNTRY_REGIONS) ?? mostUsedCountry(sim);
    } else if (field === 'email') {
      changes.email = null;
    } else if (field === 'customerGroup') {
      changes.customerGroup = DEFAULT_CUSTOMER_GROUP;
    } else if (field === 'lastName' || field === 'firstName') {
      const local = String(customer?.EMAIL ?? '').split('@')[0];
      changes[field] = local ? local.charAt(0).toUpperCase() + local.slice(1) : 'Customer';
    }
  }
  return changes;
}

function mostUsedCountry(sim: Simulation): string {
  const row = sim.one(sim.hq, 'SELECT COUNTRYREGIONID FROM LOGISTICSPOSTALADDRESS GROUP BY COUNTRYREGIONID ORDER BY COUNT(*) DESC LIMIT 1', []);
  const code = String(row?.COUNTRYREGIONID ?? '');
  return KNOWN_COUNTRY_REGIONS.includes(code) ? code : KNOWN_COUNTRY_REGIONS[0];
}

/**
 * An edit or address failed because the customer's creation had not reached the customer
 * master: bring the creation through first, then synchronize this one again.
 */
function creationSteps(sim: Simulation, op: Row): EntryValue[] {
  const creation = sim.one(
    sim.hq,
    "SELECT * FROM RETAILASYNCOPERATIONSTATUS WHERE ASYNCCUSTOMERID = ? AND OPERATIONTYPE = 'CustomerCreate' ORDER BY OPERATIONID LIMIT 1",
    [op.ASYNCCUSTOMERID],
  );
  if (!creation) {
    return [{ runJob: 'P-0001', channelDatabase: String(op.CHANNELDATABASE) }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }];
  }
  if (creation.STATUS === 'Pending') {
    return [{ runBatch: 'SynchronizeCustomersAndChannelRequests' }];
  }
  if (creation.STATUS === 'Failed') {
    const id = String(creation.OPERATIONID);
    const fields = String(creation.FAILEDFIELDS ?? '').split(',').filter(Boolean) as EditableField[];
    const customerRow = sim.one(sim.hq, 'SELECT * FROM RETAILASYNCCUSTOMERV2 WHERE OPERATIONID = ?', [id]);
    const addressRows = sim.all(sim.hq, 'SELECT * FROM RETAILASYNCADDRESSV2 WHERE OPERATIONID = ?', [id]);
    const steps: EntryValue[] = fields.length > 0 ? [{ editFailedOperation: { operation: id, set: suggestedChanges(sim, fields, customerRow, addressRows) } }] : [];
    return [...steps, { resync: id }];
  }
  return [];
}
