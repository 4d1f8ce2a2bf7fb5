// ACD006: an asynchronous operation failed in HQ. Names the operation, the reason, the fields to
// edit and the Customer synchronization status page; the fix edits the fields and synchronizes.
import type { EditableField } from '../../domain/fields';
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { DEFAULT_CUSTOMER_GROUP, KNOWN_COUNTRY_REGIONS, MENU } from '../../domain/tables';
import { closest } from '../../domain/text';
import { appendEntries, type EntryValue } from '../../scenario/edits';
import {
  anyOperationInHq,
  channelCustomer,
  creationOperationOf,
  failedOperationCount,
  failedOperations,
  mostUsedCountryRegion,
  type StagedOperation,
} from '../../sim/queries';
import type { Simulation } from '../../sim/simulation';
import { MAX_FINDINGS_PER_RULE, type DraftFinding, type Rule, type RuleContext } from '../types';
import { customerLabel, evidence, listParam, spanFor } from './shared';

export const operationFailed: Rule = {
  id: RULE.operationFailed,
  question: 'whichOperationFailed',
  cause: msg('ACD006.cause', {}),
  check(context: RuleContext) {
    const { sim, scenario } = context;
    const total = failedOperationCount(sim);
    const failed = failedOperations(sim, MAX_FINDINGS_PER_RULE);
    const findings: DraftFinding[] = failed.map((op) => {
      const { operationId, failedFields: fields } = op;
      const label = customerLabel(channelCustomer(sim, op.channelDatabase, op.asyncCustomerId) ?? op.customers[0], op.asyncCustomerId);
      const steps: EntryValue[] = [];
      const set = suggestedChanges(sim, fields, op);
      if (fields.length > 0) {
        steps.push({ editFailedOperation: { operation: operationId, set } });
      } else {
        steps.push(...creationSteps(sim, op));
      }
      steps.push({ resync: operationId });
      return {
        ruleId: RULE.operationFailed,
        severity: 'error',
        message: msg(op.edited ? 'ACD006.messageAfterEdit' : 'ACD006.message', {
          op: operationId,
          type: op.operationType,
          customer: label,
          asyncId: op.asyncCustomerId,
          channel: op.channel,
          reason: op.failureReason,
          fields: listParam(fields),
        }),
        span: spanFor(context, op.origin),
        evidence: [op.evidence, ...op.customers.map((c) => c.evidence), ...op.addresses.map((a) => a.evidence)].map(evidence),
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
        ruleId: RULE.operationFailed,
        severity: 'error',
        message: msg('ACD006.more', { n: total - failed.length }),
        span: scenario.timelineSpan ?? { offset: 0, length: 1 },
        evidence: [],
        remedy: { text: msg('ACD006.remedy', { op: '', fields: '' }), menuPath: MENU.syncStatus },
        fixes: [],
      });
    }
    return { findings, applicable: anyOperationInHq(sim) };
  },
};

/** Values that pass HQ's checks, as close to what was entered as we can tell. */
function suggestedChanges(sim: Simulation, fields: readonly EditableField[], op: StagedOperation): Record<string, string | null> {
  const changes: Record<string, string | null> = {};
  for (const field of fields) {
    if (field === 'countryRegion') {
      const entered = op.addresses.find((a) => !KNOWN_COUNTRY_REGIONS.includes(a.countryRegion))?.countryRegion ?? '';
      changes.countryRegion = closest(entered.toUpperCase(), KNOWN_COUNTRY_REGIONS) ?? mostUsedCountryRegion(sim);
    } else if (field === 'email') {
      changes.email = null;
    } else if (field === 'customerGroup') {
      changes.customerGroup = DEFAULT_CUSTOMER_GROUP;
    } else if (field === 'lastName' || field === 'firstName') {
      const local = (op.customers[0]?.email ?? '').split('@')[0];
      changes[field] = local ? local.charAt(0).toUpperCase() + local.slice(1) : 'Customer';
    }
  }
  return changes;
}

/**
 * An edit or address failed because the customer's creation had not reached the customer
 * master: bring the creation through first, then synchronize this one again.
 */
function creationSteps(sim: Simulation, op: StagedOperation): EntryValue[] {
  const creation = creationOperationOf(sim, op.asyncCustomerId);
  if (!creation) {
    return [{ runJob: 'P-0001', channelDatabase: op.channelDatabase }, { runBatch: 'SynchronizeCustomersAndChannelRequests' }];
  }
  if (creation.status === 'Pending') {
    return [{ runBatch: 'SynchronizeCustomersAndChannelRequests' }];
  }
  if (creation.status === 'Failed') {
    const id = creation.operationId;
    const steps: EntryValue[] =
      creation.failedFields.length > 0 ? [{ editFailedOperation: { operation: id, set: suggestedChanges(sim, creation.failedFields, creation) } }] : [];
    return [...steps, { resync: id }];
  }
  return [];
}
