// ACD006: an asynchronous operation failed in HQ. Names the operation, the reason, the fields to
// edit and the Customer synchronization status page; the fix edits the fields and synchronizes.
import type { EditableField } from '../../domain/fields';
import { msg } from '../../domain/l10n';
import { RULE } from '../../domain/ruleIds';
import { DEFAULT_CUSTOMER_GROUP, KNOWN_COUNTRY_REGIONS, MENU } from '../../domain/tables';
import { closest, editDistance } from '../../domain/text';
import { formatVersion, STATUS_PAGE_FROM } from '../../domain/versions';
import { appendEntries, setTopLevel, type EntryValue, type RawEdit } from '../../scenario/edits';
import {
  anyOperationInHq,
  channelCustomer,
  creationOperationOf,
  failedOperationCount,
  failedOperations,
  fieldsFailingNow,
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
    const findings: DraftFinding[] = failed.map((op) => findingFor(context, op));
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

function findingFor(context: RuleContext, op: StagedOperation): DraftFinding {
  const { sim, scenario } = context;
  const { operationId } = op;
  const page = statusPageVersion(context);
  const label = customerLabel(channelCustomer(sim, op.channelDatabase, op.asyncCustomerId) ?? op.customers[0], op.asyncCustomerId);
  const about = { op: operationId, type: op.operationType, customer: label, asyncId: op.asyncCustomerId, channel: op.channel, ...page.params };
  const base = {
    ruleId: RULE.operationFailed,
    severity: 'error' as const,
    span: spanFor(context, op.origin),
    evidence: [op.evidence, ...op.customers.map((c) => c.evidence), ...op.addresses.map((a) => a.evidence)].map(evidence),
  };
  // After Edit and Save the staged values may already pass: then only Synchronize is missing.
  const fields = op.edited && op.failedFields.length > 0 ? fieldsFailingNow(sim, operationId) : op.failedFields;
  if (op.failedFields.length > 0 && fields.length === 0) {
    return {
      ...base,
      message: msg('ACD006.messageSaved', { ...about, fields: listParam(op.failedFields) }),
      remedy: { text: msg('ACD006.remedySaved', { op: operationId }), menuPath: MENU.syncStatus },
      fixes: [{ title: msg('ACD006.fixResync', { op: operationId }), edits: [appendEntries(scenario, [{ resync: operationId }])], isPreferred: true }],
    };
  }
  if (fields.length > 0) {
    const { changes: set, guess } = suggestedChanges(sim, fields, op);
    return {
      ...base,
      message: msg(op.edited ? 'ACD006.messageAfterEdit' : 'ACD006.message', { ...about, reason: op.failureReason, fields: listParam(fields) }),
      remedy: page.remedy({ op: operationId, fields: listParam(fields) }),
      fixes: [
        {
          // The title says which values the fix writes: they are our guess, the user should see it before applying.
          title: msg('ACD006.fix', { op: operationId, changes: listParam(Object.entries(set).map(([field, value]) => `${field}=${value ?? ''}`)), guess: guess ?? '', ...page.params }),
          edits: [...page.edits, appendEntries(scenario, [{ editFailedOperation: { operation: operationId, set } }, { resync: operationId }])],
          // A value guessed from the spelling is the user's choice to make, not the preferred fix.
          isPreferred: guess === undefined,
        },
      ],
    };
  }
  const creation = creationOperationOf(sim, op.asyncCustomerId);
  if (creation?.operationId === operationId || (!creation && op.operationType === 'CustomerCreate')) {
    // A failure HQ reported with its own text (an imported status row): no field of ours to point at.
    return {
      ...base,
      message: msg('ACD006.messageObserved', { ...about, reason: op.failureReason }),
      remedy: { text: msg('ACD006.remedy', { op: operationId, fields: '', creation: '' }), menuPath: MENU.syncStatus },
      fixes: [{ title: msg('ACD006.fixObserved', { op: operationId }), edits: [appendEntries(scenario, [{ resync: operationId }])], isPreferred: true }],
    };
  }
  // An edit or address of a customer whose creation has not reached the customer master.
  const failedCreation = creation?.status === 'Failed' ? creation.operationId : '';
  return {
    ...base,
    message: msg(failedCreation ? 'ACD006.messageCreationFailed' : 'ACD006.message', { ...about, reason: op.failureReason, fields: '', creation: failedCreation }),
    remedy: page.remedy({ op: operationId, fields: '', creation: failedCreation }),
    fixes: [
      {
        title: msg('ACD006.fixDependent', { op: operationId, creation: failedCreation, ...page.params }),
        edits: [...page.edits, appendEntries(scenario, [...creationSteps(sim, op), { resync: operationId }])],
        isPreferred: true,
      },
    ],
  };
}

/**
 * Before 10.0.31 HQ has no Customer synchronization status page: the remedy is the update, and a
 * fix sets the version that has the page before it edits and synchronizes.
 */
function statusPageVersion(context: RuleContext): {
  params: { needs?: string; version?: string };
  remedy: (p: { op: string; fields: string; creation?: string }) => DraftFinding['remedy'];
  edits: RawEdit[];
} {
  const version = context.scenario.commerceVersion;
  if (version === undefined || version >= STATUS_PAGE_FROM) {
    return { params: {}, remedy: (p) => ({ text: msg('ACD006.remedy', p), menuPath: MENU.syncStatus }), edits: [] };
  }
  const params = { needs: formatVersion(STATUS_PAGE_FROM), version: formatVersion(version) };
  return {
    params,
    remedy: (p) => ({ text: msg('ACD006.remedyNeedsVersion', { ...p, ...params }) }),
    edits: [setTopLevel(context.scenario, 'commerceVersion', params.needs)],
  };
}

/**
 * Values that pass HQ's checks. A country/region comes from the scenario (the one its other
 * addresses use most); without one, the closest spelling: a one-letter typo is taken as meant,
 * anything further is only a guess, named in `guess`.
 */
function suggestedChanges(sim: Simulation, fields: readonly EditableField[], op: StagedOperation): { changes: Record<string, string | null>; guess?: string } {
  const changes: Record<string, string | null> = {};
  let guess: string | undefined;
  for (const field of fields) {
    if (field === 'countryRegion') {
      const entered = op.addresses.find((a) => !KNOWN_COUNTRY_REGIONS.includes(a.countryRegion))?.countryRegion ?? '';
      const grounded = mostUsedCountryRegion(sim);
      changes.countryRegion = grounded ?? closest(entered.toUpperCase(), KNOWN_COUNTRY_REGIONS) ?? KNOWN_COUNTRY_REGIONS[0];
      // One letter off ('SVE' for 'SWE') is a typo with one reading; further off ('XXX' → 'MEX') is a guess.
      const typo = entered !== '' && editDistance(entered.toUpperCase(), changes.countryRegion) <= 1;
      guess = grounded === undefined && !typo ? changes.countryRegion : undefined;
    } else if (field === 'email') {
      changes.email = null;
    } else if (field === 'customerGroup') {
      changes.customerGroup = DEFAULT_CUSTOMER_GROUP;
    } else if (field === 'lastName' || field === 'firstName') {
      const local = (op.customers[0]?.email ?? '').split('@')[0];
      changes[field] = local ? local.charAt(0).toUpperCase() + local.slice(1) : 'Customer';
    }
  }
  return { changes, guess };
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
      creation.failedFields.length > 0 ? [{ editFailedOperation: { operation: id, set: suggestedChanges(sim, creation.failedFields, creation).changes } }] : [];
    return [...steps, { resync: id }];
  }
  return [];
}
