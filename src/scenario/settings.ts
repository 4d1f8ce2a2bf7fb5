// Reading version 2's scenario-wide settings: the Commerce version of HQ and the settings of
// channel databases (Commerce channel schema).
import type { Node } from 'jsonc-parser';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { formatVersion, MAX_VERSION, NEWEST_KNOWN_VERSION, parseCommerceVersion } from '../domain/versions';
import type { ScenarioChecks } from './checks';
import { innerSpan, span } from './jsonNodes';
import type { ChannelSetting, Span } from './model';

/** "commerceVersion": "10.0.N" with N from 0 to 99. */
export function readCommerceVersion(check: ScenarioChecks, node: Node): { value: number; span: Span } | undefined {
  const text = check.string(node, 'commerceVersion');
  if (text === undefined) {
    return undefined;
  }
  const value = parseCommerceVersion(text);
  if (value === undefined || value > MAX_VERSION) {
    check.problem(RULE.badValue, 'error', msg('v2.badVersion', { value: text, newest: formatVersion(NEWEST_KNOWN_VERSION), max: formatVersion(MAX_VERSION) }), innerSpan(node));
    return undefined;
  }
  return { value, span: span(node) };
}

/** A channel database's filterSharedCustomerDataTables as "channelDatabases" sets it. */
export interface ChannelDatabaseSetting {
  readonly filterSharedCustomerDataTables?: boolean;
  readonly span: Span;
}

/** "channelDatabases": [{ "id": "Default", "filterSharedCustomerDataTables": true }], ids among the channels' databases. */
export function readChannelDatabases(check: ScenarioChecks, node: Node, channels: readonly ChannelSetting[]): Map<string, ChannelDatabaseSetting> {
  const out = new Map<string, ChannelDatabaseSetting>();
  if (!check.expectType(node, 'array', 'channelDatabases')) {
    return out;
  }
  const known = [...new Set(channels.map((c) => c.channelDatabase))];
  (node.children ?? []).forEach((element, index) => {
    if (!check.expectType(element, 'object', `channelDatabases[${index}]`)) {
      return;
    }
    const props = check.properties(element, ['id', 'filterSharedCustomerDataTables'], 'channel database');
    const idNode = props.get('id');
    const id = check.requiredString(idNode, element, 'id', 'channel database');
    const filter = check.optionalBoolean(props.get('filterSharedCustomerDataTables'), 'filterSharedCustomerDataTables');
    if (id === undefined) {
      return;
    }
    if (!known.includes(id)) {
      check.unknownId(idNode!, id, 'channelDatabase', known);
      return;
    }
    if (out.has(id)) {
      check.problem(RULE.unknownKey, 'error', msg('duplicateKey', { key: id }), innerSpan(idNode!));
      return;
    }
    out.set(id, { filterSharedCustomerDataTables: filter, span: span(element) });
  });
  return out;
}

/**
 * Filter shared customer data tables is a setting of the channel database: every channel of a
 * database gets its value (from "channelDatabases", else from the first channel that says it).
 * A channel that says otherwise is reported, with the value that applies.
 */
export function applyChannelDatabaseSettings(
  check: ScenarioChecks,
  channels: ChannelSetting[],
  explicit: ReadonlyMap<number, { value: boolean; span: Span }>,
  settings: ReadonlyMap<string, ChannelDatabaseSetting>,
): void {
  const decided = new Map<string, { value: boolean; by: string }>();
  for (const [db, setting] of settings) {
    if (setting.filterSharedCustomerDataTables !== undefined) {
      decided.set(db, { value: setting.filterSharedCustomerDataTables, by: 'channelDatabases' });
    }
  }
  channels.forEach((channel, index) => {
    const own = explicit.get(index);
    const current = decided.get(channel.channelDatabase);
    if (own && !current) {
      decided.set(channel.channelDatabase, { value: own.value, by: channel.id });
    } else if (own && current && current.value !== own.value) {
      check.problem(
        RULE.refusedAction,
        'warning',
        msg('v2.filterDisagrees', { channel: channel.id, channelDatabase: channel.channelDatabase, value: String(own.value), applied: String(current.value), by: current.by }),
        own.span,
      );
    }
  });
  channels.forEach((channel, index) => {
    const value = decided.get(channel.channelDatabase)?.value ?? false;
    if (channel.filterSharedCustomerDataTables !== value) {
      channels[index] = { ...channel, filterSharedCustomerDataTables: value };
    }
  });
}
