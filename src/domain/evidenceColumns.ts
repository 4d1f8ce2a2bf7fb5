// Which columns of an evidence row prove a finding, per rule: they are shown first (in Problems,
// in hovers), the ids and bookkeeping after. Names not in a row are skipped, so a renamed column
// only loses its place, never its value.
import { EDITABLE_FIELDS } from './fields';
import type { Evidence, Finding } from './finding';
import type { RuleId } from './ruleIds';

/** Proof columns first, in this order; older and newer names of a column side by side. */
const PROOF_COLUMNS: Partial<Record<RuleId, readonly string[]>> = {
  ACD001: ['FEATUREID', 'FEATURENAME', 'ENABLED', 'CHANGEDAT'],
  ACD002: ['SUBJECT', 'NEWVALUE', 'CHANGEDAT', 'CHANNELDATABASE', 'KIND'],
  ACD003: ['FEATUREID', 'ENABLED', 'PREVENABLED', 'DOWNLOADEDAT'],
  ACD004: ['UPLOADED', 'FIRSTNAME', 'LASTNAME', 'CREATEDAT', 'OPERATION', 'OPERATIONTYPE'],
  ACD005: ['ONLINEOPERATIONCOMPLETED', 'FIRSTNAME', 'LASTNAME', 'UPLOADEDAT', 'OPERATION', 'OPERATIONTYPE'],
  ACD006: ['STATUS', 'FAILUREREASON', 'LASTKNOWNERROR', 'FAILEDFIELDS', 'FIRSTNAME', 'LASTNAME', 'ATTEMPTS'],
  ACD007: ['ACCOUNTNUM', 'PENDINGSYNC', 'FIRSTNAME', 'LASTNAME'],
  ACD008: ['CHANNELID', 'ASYNCCUSTOMERCREATION', 'FILTERSHAREDCUSTOMERDATATABLES', 'KIND'],
  ACD013: ['CUSTACCOUNTASYNC', 'PENDINGSYNC', 'ACCOUNTNUM', 'FIRSTNAME', 'LASTNAME'],
};

/** Bookkeeping a reader never needs to see in a one-line summary. */
const HIDDEN = new Set(['ORIGIN', 'EDITORIGIN']);

export type EvidenceCell = readonly [name: string, value: string | number | null];

/**
 * A row's columns, proof first. For a failed operation (a FAILEDFIELDS column), the failing value
 * of each failed field comes right after the reason, read from the finding's other rows (the
 * staged customer or address), e.g. `COUNTRY = SVE`.
 */
export function orderedEvidenceColumns(finding: Pick<Finding, 'ruleId' | 'evidence'>, row: Evidence): EvidenceCell[] {
  const proof = PROOF_COLUMNS[finding.ruleId] ?? [];
  const entries = Object.entries(row.columns).filter(([name]) => !HIDDEN.has(name));
  const first = proof.flatMap((name) => entries.filter(([column]) => column === name));
  const failing = failingValues(finding.evidence, row).filter(([name]) => !(name in row.columns));
  const ordered: EvidenceCell[] = [...first];
  const afterReason = ordered.findIndex(([name]) => name === 'FAILEDFIELDS');
  ordered.splice(afterReason >= 0 ? afterReason + 1 : ordered.length, 0, ...failing);
  const shown = new Set(ordered.map(([name]) => name));
  return [...ordered, ...entries.filter(([name]) => !shown.has(name))];
}

/** `name = value, ...`, proof columns first, at most `limit` columns. */
export function evidenceSummary(finding: Pick<Finding, 'ruleId' | 'evidence'>, row: Evidence, limit = 6): string {
  return orderedEvidenceColumns(finding, row)
    .slice(0, limit)
    .map(([name, value]) => `${name} = ${value === null ? 'NULL' : String(value)}`)
    .join(', ');
}

function failingValues(evidence: readonly Evidence[], row: Evidence): EvidenceCell[] {
  const failed = row.columns.FAILEDFIELDS;
  if (typeof failed !== 'string' || failed === '') return [];
  const cells: EvidenceCell[] = [];
  for (const field of failed.split(',').map((f) => f.trim()).filter(Boolean)) {
    const column = field in EDITABLE_FIELDS ? EDITABLE_FIELDS[field as keyof typeof EDITABLE_FIELDS].column : field.toUpperCase();
    const source = evidence.find((e) => e !== row && column in e.columns);
    if (source) cells.push([column, source.columns[column]]);
  }
  return cells;
}
