// HQ's Customer synchronization status page: a failed operation is edited (Edit, Save) and
// processed again (Synchronize).
import { EDITABLE_FIELDS, type EditableField } from '../domain/fields';
import { processOperation } from './batchJob';
import type { SimContext } from './context';
import { versionOf } from './featureManagement';
import { formatVersion, STATUS_PAGE_FROM } from '../domain/versions';
import { logEvent, refuse } from './eventLog';
import type { Outcome } from './types';

/** Sets fields of a failed operation, as Edit and Save on the page. */
export function editFailedOperation(
  ctx: SimContext,
  operationId: string,
  changes: Readonly<Partial<Record<EditableField, string | null>>>,
  origin: string | undefined,
): Outcome {
  const refused = refuseWithoutPage(ctx, operationId, origin) ?? refuseUnlessFailed(ctx, operationId, origin);
  if (refused) {
    return refused;
  }
  for (const [field, value] of Object.entries(changes) as [EditableField, string | null][]) {
    const { table, column } = EDITABLE_FIELDS[field];
    const present = ctx.db.one(ctx.hq, `SELECT COUNT(*) AS N FROM ${table} WHERE OPERATIONID = ?`, [operationId]);
    if (Number(present?.N) === 0) {
      return refuse(ctx, 'fieldNotInOperation', { operation: operationId, field }, origin);
    }
    ctx.db.run(ctx.hq, `UPDATE ${table} SET ${column} = ? WHERE OPERATIONID = ?`, [value, operationId]);
  }
  ctx.db.run(ctx.hq, 'UPDATE RETAILASYNCOPERATIONSTATUS SET EDITORIGIN = ? WHERE OPERATIONID = ?', [origin ?? null, operationId]);
  logEvent(ctx, 'action', 'operationEdited', { operation: operationId, fields: Object.keys(changes).join(',') }, origin);
  return { ok: true, summary: `Operation ${operationId} edited` };
}

/** Synchronize on the page: processes a failed operation again now. */
export function resync(ctx: SimContext, operationId: string, origin: string | undefined): Outcome {
  const refused = refuseWithoutPage(ctx, operationId, origin) ?? refuseUnlessFailed(ctx, operationId, origin);
  if (refused) {
    return refused;
  }
  processOperation(ctx, operationId);
  const ok = operationStatus(ctx, operationId) === 'Succeeded';
  logEvent(ctx, 'action', 'operationResynchronized', { operation: operationId, result: ok ? 'Succeeded' : 'Failed' }, origin);
  return { ok: true, summary: `Operation ${operationId} ${ok ? 'synchronized' : 'failed again'}` };
}

function operationStatus(ctx: SimContext, operationId: string): string | undefined {
  const row = ctx.db.one(ctx.hq, 'SELECT STATUS FROM RETAILASYNCOPERATIONSTATUS WHERE OPERATIONID = ?', [operationId]);
  return row ? String(row.STATUS) : undefined;
}

/** Before 10.0.31 HQ has no Customer synchronization status page to edit or synchronize on. */
function refuseWithoutPage(ctx: SimContext, operationId: string, origin: string | undefined): Outcome | undefined {
  const version = versionOf(ctx);
  return version < STATUS_PAGE_FROM ? refuse(ctx, 'statusPageNeedsVersion', { needs: formatVersion(STATUS_PAGE_FROM), version: formatVersion(version), operation: operationId }, origin) : undefined;
}

function refuseUnlessFailed(ctx: SimContext, operationId: string, origin: string | undefined): Outcome | undefined {
  const status = operationStatus(ctx, operationId);
  if (status === undefined) {
    return refuse(ctx, 'unknownOperation', { operation: operationId }, origin);
  }
  if (status !== 'Failed') {
    return refuse(ctx, 'operationNotFailed', { operation: operationId, status }, origin);
  }
  return undefined;
}
