// Commands that act as a POS or the Customer synchronization status page: create and edit
// customers, correct and synchronize a failed operation.
import * as vscode from 'vscode';
import * as l10n from '../l10n';
import { EDITABLE_FIELD_NAMES } from '../../domain/fields';
import type { EngineClient } from '../../engine/client';
import { dataOf } from '../nodes';
import type { CommandFactory } from './types';

interface CustomerEdit {
  readonly channel: string;
  readonly customer: string;
  readonly field: string;
  readonly value: string;
}

export const createCustomer: CommandFactory = (ctx) => async (input?: Record<string, string>) => {
  const active = await ctx.analysed();
  if (!active) return;
  const customer = input ?? (await askCustomer(active.snapshot.scenario.channels.map((c) => c.id)));
  if (!customer) return;
  if (!customer.firstName?.trim() && !customer.lastName?.trim()) {
    void vscode.window.showWarningMessage(l10n.t('A customer needs a first or a last name.'));
    return false;
  }
  const { street, city, zip, countryRegion, ...rest } = customer;
  const address = countryRegion || city || street || zip ? { street, city, zip, countryRegion } : undefined;
  return ctx.append([{ createCustomer: { ...rest, ...(address ? { address } : {}) } }]);
};

export const editCustomer: CommandFactory = (ctx) => async (input?: CustomerEdit) => {
  const active = await ctx.analysed();
  if (!active) return;
  const edit = input ?? (await askCustomerEdit(ctx.engine, active.doc, active.snapshot.scenario.channels));
  if (!edit) return;
  return ctx.append([{ editCustomer: { channel: edit.channel, customer: edit.customer, [edit.field]: edit.value } }]);
};

/** From a failed operation's node or id: a field (asked) and its new value (asked). */
export const editFailedOperation: CommandFactory = (ctx) => async (node?: unknown, fieldArg?: string, valueArg?: string | null) => {
  const operation = operationOf(node);
  if (!operation) return;
  const active = await ctx.analysed();
  if (!active) return;
  const fields = await ctx.engine.request({ kind: 'operationFields', doc: active.doc, operation });
  const failedFields = await failedFieldsOf(ctx.engine, active.doc, operation);
  const shown = (field: string) => (fields[field] === null ? 'NULL' : String(fields[field]));
  // The failed field first (so it is the one selected), then the others.
  const editable = EDITABLE_FIELD_NAMES.filter((f) => f in fields).sort((a, b) => Number(failedFields.includes(b)) - Number(failedFields.includes(a)));
  const field =
    fieldArg ??
    (
      await vscode.window.showQuickPick(
        editable.map((f) => ({ label: f, description: shown(f), detail: failedFields.includes(f) ? l10n.t('HQ rejected this field') : undefined })),
        { title: l10n.t('Which field of {0}?', operation) },
      )
    )?.label;
  if (!field) return;
  const value =
    valueArg !== undefined
      ? valueArg
      : await vscode.window.showInputBox({ title: l10n.t('New value of {0}', field), value: fields[field] === null ? '' : String(fields[field] ?? '') });
  if (value === undefined) return;
  return ctx.append([{ editFailedOperation: { operation, set: { [field]: value === '' ? null : value } } }]);
};

export const resync: CommandFactory = (ctx) => (node?: unknown) => {
  const operation = operationOf(node);
  return operation ? ctx.append([{ resync: operation }]) : undefined;
};

/** The fields HQ rejected in a failed operation (none when it is not failed). */
async function failedFieldsOf(engine: EngineClient, doc: string, operation: string): Promise<readonly string[]> {
  const failed = await engine.request({ kind: 'operations', doc, status: 'Failed', offset: 0, limit: 10_000 });
  return failed.find((op) => op.operationId === operation)?.failedFields ?? [];
}

/** An operation id, or the operation node's. */
function operationOf(arg: unknown): string | undefined {
  return typeof arg === 'string' ? arg : dataOf(arg, 'operation')?.id;
}

async function askCustomer(channels: readonly string[]): Promise<Record<string, string> | undefined> {
  const channel = channels.length === 1 ? channels[0] : await vscode.window.showQuickPick([...channels], { title: l10n.t('At which channel?') });
  if (!channel) return undefined;
  const ask = (prompt: string, value = '') => vscode.window.showInputBox({ title: l10n.t('Create Customer at {0}', channel), prompt, value });
  const firstName = await ask(l10n.t('First name'));
  if (firstName === undefined) return undefined;
  const lastName = await vscode.window.showInputBox({
    title: l10n.t('Create Customer at {0}', channel),
    prompt: l10n.t('Last name'),
    // HQ requires a name: an empty first and last name would only fail later, in the batch job.
    validateInput: (value) => (firstName.trim() === '' && value.trim() === '' ? l10n.t('Enter a first or a last name.') : undefined),
  });
  if (lastName === undefined || (firstName.trim() === '' && lastName.trim() === '')) return undefined;
  const email = await ask(l10n.t('Email (optional)'));
  if (email === undefined) return undefined;
  const countryRegion = await ask(l10n.t('Country/region of the address (ISO code, optional)'), 'SWE');
  if (countryRegion === undefined) return undefined;
  const customer: Record<string, string> = { channel, firstName, lastName };
  if (email) customer.email = email;
  if (countryRegion) customer.countryRegion = countryRegion;
  return customer;
}

async function askCustomerEdit(
  engine: EngineClient,
  doc: string,
  channels: readonly { id: string; channelDatabase: string }[],
): Promise<CustomerEdit | undefined> {
  const channel = channels.length === 1 ? channels[0] : (await vscode.window.showQuickPick(channels.map((c) => ({ label: c.id, channel: c }))))?.channel;
  if (!channel) return undefined;
  const rows = await engine.request({ kind: 'channelCustomers', doc, database: channel.channelDatabase, offset: 0, limit: 200 });
  const picked = await vscode.window.showQuickPick(
    rows.map((r) => ({
      label: [r.FIRSTNAME, r.LASTNAME].filter(Boolean).join(' ') || String(r.ACCOUNTNUM),
      description: String(r.EMAIL ?? ''),
      detail: r.PENDINGSYNC === 1 ? l10n.t('Pending sync · {0}', String(r.CUSTACCOUNTASYNC)) : String(r.ACCOUNTNUM),
      reference: String(r.EMAIL ?? '') || String(r.ACCOUNTNUM),
    })),
    { title: l10n.t('Which customer?') },
  );
  if (!picked) return undefined;
  const field = await vscode.window.showQuickPick(['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup'], { title: l10n.t('Which field?') });
  if (!field) return undefined;
  const value = await vscode.window.showInputBox({ title: l10n.t('New value of {0}', field) });
  if (value === undefined) return undefined;
  return { channel: channel.id, customer: picked.reference, field, value };
}
