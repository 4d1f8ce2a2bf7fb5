// Reading a timeline entry's action: one reader per action kind, each checking its keys and
// values and building the typed Action replay applies.
import type { Node } from 'jsonc-parser';
import { knownFeatureKeys, resolveFeatureKey } from '../domain/features';
import { EDITABLE_FIELD_NAMES, type EditableField } from '../domain/fields';
import { BATCH_JOBS, CDX_JOB_IDS, resolveBatchJobId, resolveCdxJobId } from '../domain/jobs';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import type { AddressInput, CustomerInput } from '../sim/simulation';
import type { ScenarioChecks } from './checks';
import { openingSpan, span } from './jsonNodes';
import type { Action, ChannelSetting } from './model';

export const ACTION_KEYS = [
  'enableFeature',
  'disableFeature',
  'runJob',
  'runBatch',
  'createCustomer',
  'generateCustomers',
  'editCustomer',
  'createAddress',
  'editFailedOperation',
  'resync',
  'advance',
  'updateChannel',
  'createCustomerOrder',
  'createSale',
  'issueLoyaltyCard',
] as const;

export type ActionKey = (typeof ACTION_KEYS)[number];

const ADDRESS_KEYS = ['street', 'city', 'zip', 'countryRegion'] as const;
const CUSTOMER_TEXT_KEYS = ['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup', 'secondaryEmail', 'secondaryPhone'] as const;
const CUSTOMER_KEYS = [...CUSTOMER_TEXT_KEYS, 'channel', 'address', 'affiliations', 'attributes', 'offline', 'realtimeCallFails'];
const EDIT_CUSTOMER_FIELDS: readonly EditableField[] = ['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup'];

/** The largest count one generateCustomers entry may ask for. */
const MAX_GENERATED_CUSTOMERS = 2_000_000;

export class ActionReader {
  constructor(
    private readonly check: ScenarioChecks,
    /** The scenario's channels, read before the timeline. */
    private readonly channels: readonly ChannelSetting[],
    /** Channels (lower-case ids) and channel databases the channel database limit left out: already reported (ACD108). */
    private readonly leftOut: { readonly channels: ReadonlySet<string>; readonly channelDatabases: ReadonlySet<string> },
  ) {}

  /** How the timeline writes feature and job ids (the file's style, for fixes). */
  readonly written = { featureNames: 0, featureIds: 0, numericJobs: 0, textJobs: 0 };

  /** `entryKeys`: the entry's own keys beside the action (channelDatabase and fails of runJob, fails of runBatch). */
  readAction(kind: ActionKey, value: Node, entryKeys: { readonly channelDatabase?: Node; readonly fails?: Node } = {}): Action | undefined {
    const channelDatabaseNode = entryKeys.channelDatabase;
    switch (kind) {
      case 'enableFeature':
      case 'disableFeature': {
        const key = this.check.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const feature = resolveFeatureKey(key);
        if (!feature) {
          this.check.unknownId(value, key, 'feature', knownFeatureKeys());
          return undefined;
        }
        this.written[key === feature ? 'featureIds' : 'featureNames']++;
        return { kind, feature };
      }
      case 'runJob': {
        // A job is the same job written as a number or a string: "runJob": 1110 is "runJob": "1110".
        const key = value.type === 'number' ? String(value.value) : this.check.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const job = resolveCdxJobId(key);
        if (!job) {
          this.check.unknownId(value, key, 'job', CDX_JOB_IDS);
          return undefined;
        }
        if (/^\d+$/.test(job)) {
          this.written[value.type === 'number' ? 'numericJobs' : 'textJobs']++;
        }
        let channelDatabase: string | undefined;
        if (channelDatabaseNode) {
          channelDatabase = this.check.string(channelDatabaseNode, 'channelDatabase');
          if (channelDatabase === undefined) {
            return undefined;
          }
          if (this.leftOut.channelDatabases.has(channelDatabase)) {
            return undefined;
          }
          const known = [...new Set(this.channels.map((c) => c.channelDatabase))];
          if (!known.includes(channelDatabase)) {
            this.check.unknownId(channelDatabaseNode, channelDatabase, 'channelDatabase', known);
            return undefined;
          }
        }
        const fails = this.readFails(entryKeys.fails);
        if (fails === null) {
          return undefined;
        }
        return { kind, job, channelDatabase, fails };
      }
      case 'runBatch': {
        const key = this.check.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const batch = resolveBatchJobId(key);
        if (!batch) {
          this.check.unknownId(value, key, 'batchJob', BATCH_JOBS.map((b) => b.id));
          return undefined;
        }
        const fails = this.readFails(entryKeys.fails);
        if (fails === null) {
          return undefined;
        }
        return { kind, batch, fails };
      }
      case 'createCustomer':
        return this.readCreateCustomer(value);
      case 'generateCustomers':
        return this.readGenerateCustomers(value);
      case 'editCustomer':
        return this.readEditCustomer(value);
      case 'createAddress':
        return this.readCreateAddress(value);
      case 'editFailedOperation':
        return this.readEditFailedOperation(value);
      case 'resync': {
        let operationNode = value;
        if (value.type === 'object') {
          const props = this.check.properties(value, ['operation'], 'resync');
          const node = props.get('operation');
          if (!node) {
            this.check.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'operation', where: 'resync' }), openingSpan(value));
            return undefined;
          }
          operationNode = node;
        }
        const operation = this.check.string(operationNode, 'resync');
        return operation === undefined ? undefined : { kind, operation };
      }
      case 'advance': {
        const ms = this.check.duration(value, 'advance');
        return ms === undefined ? undefined : { kind, ms };
      }
      case 'createCustomerOrder':
      case 'createSale':
      case 'issueLoyaltyCard':
        return this.readCustomerAction(kind, value);
      case 'updateChannel': {
        if (!this.check.expectType(value, 'object', kind)) {
          return undefined;
        }
        const props = this.check.properties(value, ['channel', 'asyncCustomerCreation', 'filterSharedCustomerDataTables'], kind);
        const channel = this.channelRef(props.get('channel'), value, kind);
        if (channel === undefined) {
          return undefined;
        }
        return {
          kind,
          channel,
          asyncCustomerCreation: this.check.optionalBoolean(props.get('asyncCustomerCreation'), 'asyncCustomerCreation'),
          filterSharedCustomerDataTables: this.check.optionalBoolean(props.get('filterSharedCustomerDataTables'), 'filterSharedCustomerDataTables'),
        };
      }
    }
  }

  /** An order, a sale or a loyalty card: a channel and a customer reference (an order may say its mode). */
  private readCustomerAction(kind: 'createCustomerOrder' | 'createSale' | 'issueLoyaltyCard', value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', kind)) {
      return undefined;
    }
    const props = this.check.properties(value, kind === 'createCustomerOrder' ? ['channel', 'customer', 'mode'] : ['channel', 'customer'], kind);
    const channel = this.channelRef(props.get('channel'), value, kind);
    const customer = this.check.requiredString(props.get('customer'), value, 'customer', kind);
    let mode: 'sync' | 'async' | undefined;
    const modeNode = props.get('mode');
    if (modeNode) {
      const text = this.check.string(modeNode, 'mode');
      if (text === undefined) {
        return undefined;
      }
      if (text !== 'sync' && text !== 'async') {
        this.check.unknownId(modeNode, text, 'mode', ['sync', 'async']);
        return undefined;
      }
      mode = text;
    }
    if (channel === undefined || customer === undefined) {
      return undefined;
    }
    return kind === 'createCustomerOrder' ? { kind, channel, customer, mode } : { kind, channel, customer };
  }

  /** The message of a failed run: text that says something; null when it is not (reported). */
  private readFails(node: Node | undefined): string | undefined | null {
    if (!node) {
      return undefined;
    }
    const text = this.check.string(node, 'fails');
    if (text === undefined) {
      return null;
    }
    if (text.trim() === '') {
      this.check.problem(RULE.badValue, 'error', msg('v2.emptyFails', {}), span(node));
      return null;
    }
    return text;
  }

  private readCreateCustomer(value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', 'createCustomer')) {
      return undefined;
    }
    const props = this.check.properties(value, CUSTOMER_KEYS, 'createCustomer');
    const channel = this.channelRef(props.get('channel'), value, 'createCustomer');
    const texts: Partial<Record<(typeof CUSTOMER_TEXT_KEYS)[number], string>> = {};
    for (const key of CUSTOMER_TEXT_KEYS) {
      const node = props.get(key);
      if (node) {
        texts[key] = this.check.string(node, key);
      }
    }
    const addressNode = props.get('address');
    const address = addressNode ? this.readAddress(addressNode, 'address') : undefined;
    const affiliationsNode = props.get('affiliations');
    let affiliations: string[] | undefined;
    if (affiliationsNode && this.check.expectType(affiliationsNode, 'array', 'affiliations')) {
      affiliations = (affiliationsNode.children ?? []).map((n) => this.check.string(n, 'affiliations')).filter((s): s is string => s !== undefined);
    }
    const attributesNode = props.get('attributes');
    let attributes: Record<string, string> | undefined;
    if (attributesNode && this.check.expectType(attributesNode, 'object', 'attributes')) {
      attributes = {};
      for (const property of attributesNode.children ?? []) {
        const [k, v] = property.children ?? [];
        if (k && v) {
          const text = v.type === 'number' || v.type === 'boolean' ? String(v.value) : this.check.string(v, String(k.value));
          if (text !== undefined) {
            attributes[String(k.value)] = text;
          }
        }
      }
    }
    if (channel === undefined) {
      return undefined;
    }
    const customer: CustomerInput = {
      channel,
      ...texts,
      address,
      affiliations,
      attributes,
      offline: this.check.optionalBoolean(props.get('offline'), 'offline'),
      realtimeCallFails: this.check.optionalBoolean(props.get('realtimeCallFails'), 'realtimeCallFails'),
    };
    return { kind: 'createCustomer', customer };
  }

  private readGenerateCustomers(value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', 'generateCustomers')) {
      return undefined;
    }
    const props = this.check.properties(value, ['count', 'channels', 'countryRegion', 'offline'], 'generateCustomers');
    const countNode = props.get('count');
    if (!countNode) {
      this.check.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'count', where: 'generateCustomers' }), openingSpan(value));
      return undefined;
    }
    if (countNode.type !== 'number') {
      this.check.wrongType(countNode, 'count', 'number');
      return undefined;
    }
    const count = Number(countNode.value);
    if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_CUSTOMERS) {
      this.check.problem(RULE.badValue, 'error', msg('countOutOfRange', { max: MAX_GENERATED_CUSTOMERS }), span(countNode));
      return undefined;
    }
    const channelsNode = props.get('channels');
    let channels = this.channels.map((c) => c.id);
    if (channelsNode) {
      if (!this.check.expectType(channelsNode, 'array', 'channels')) {
        return undefined;
      }
      const named: string[] = [];
      for (const node of channelsNode.children ?? []) {
        if (node.type === 'string' && this.isLeftOut(String(node.value))) {
          continue;
        }
        const channel = this.channelRef(node, node, 'generateCustomers');
        if (channel === undefined) {
          return undefined;
        }
        named.push(channel);
      }
      if (named.length === 0 && (channelsNode.children ?? []).length > 0) {
        return undefined;
      }
      channels = named;
    }
    if (channels.length === 0) {
      this.check.problem(RULE.missingKey, 'error', msg('noChannels', {}), openingSpan(value));
      return undefined;
    }
    const countryNode = props.get('countryRegion');
    return {
      kind: 'generateCustomers',
      count,
      channels,
      countryRegion: countryNode ? this.check.string(countryNode, 'countryRegion') : undefined,
      offline: this.check.optionalBoolean(props.get('offline'), 'offline'),
    };
  }

  private readEditCustomer(value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', 'editCustomer')) {
      return undefined;
    }
    const problemsBefore = this.check.problems.length;
    const props = this.check.properties(value, ['channel', 'customer', 'offline', ...EDIT_CUSTOMER_FIELDS], 'editCustomer');
    const channel = this.channelRef(props.get('channel'), value, 'editCustomer');
    const customer = this.check.requiredString(props.get('customer'), value, 'customer', 'editCustomer');
    const changes: Partial<Record<EditableField, string>> = {};
    for (const field of EDIT_CUSTOMER_FIELDS) {
      const node = props.get(field);
      const text = node ? this.check.string(node, field) : undefined;
      if (text !== undefined) {
        changes[field] = text;
      }
    }
    if (channel === undefined || customer === undefined) {
      return undefined;
    }
    if (Object.keys(changes).length === 0) {
      // A misspelled or mistyped field already has its finding; "nothing to edit" would only repeat it.
      if (this.check.problems.length === problemsBefore) {
        this.check.problem(RULE.missingKey, 'error', msg('nothingToEdit', { fields: EDIT_CUSTOMER_FIELDS.join(', ') }), openingSpan(value));
      }
      return undefined;
    }
    return { kind: 'editCustomer', channel, customer, changes, offline: this.check.optionalBoolean(props.get('offline'), 'offline') };
  }

  private readCreateAddress(value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', 'createAddress')) {
      return undefined;
    }
    const props = this.check.properties(value, ['channel', 'customer', 'offline', 'address', ...ADDRESS_KEYS], 'createAddress');
    const channel = this.channelRef(props.get('channel'), value, 'createAddress');
    const customer = this.check.requiredString(props.get('customer'), value, 'customer', 'createAddress');
    const nested = props.get('address');
    const address = nested ? this.readAddress(nested, 'address') : this.addressFrom(props);
    if (channel === undefined || customer === undefined || address === undefined) {
      return undefined;
    }
    return { kind: 'createAddress', channel, customer, address, offline: this.check.optionalBoolean(props.get('offline'), 'offline') };
  }

  private readEditFailedOperation(value: Node): Action | undefined {
    if (!this.check.expectType(value, 'object', 'editFailedOperation')) {
      return undefined;
    }
    const problemsBefore = this.check.problems.length;
    const props = this.check.properties(value, ['operation', 'set', ...EDITABLE_FIELD_NAMES], 'editFailedOperation');
    const operation = this.check.requiredString(props.get('operation'), value, 'operation', 'editFailedOperation');
    const changes: Partial<Record<EditableField, string | null>> = {};
    const collect = (source: Map<string, Node>) => {
      for (const field of EDITABLE_FIELD_NAMES) {
        const node = source.get(field);
        if (!node) {
          continue;
        }
        if (node.type === 'null') {
          changes[field] = null;
        } else {
          const text = this.check.string(node, field);
          if (text !== undefined) {
            changes[field] = text;
          }
        }
      }
    };
    collect(props);
    const setNode = props.get('set');
    if (setNode && this.check.expectType(setNode, 'object', 'set')) {
      collect(this.check.properties(setNode, EDITABLE_FIELD_NAMES, 'set'));
    }
    if (operation === undefined) {
      return undefined;
    }
    if (Object.keys(changes).length === 0) {
      if (this.check.problems.length === problemsBefore) {
        this.check.problem(RULE.missingKey, 'error', msg('nothingToEdit', { fields: EDITABLE_FIELD_NAMES.join(', ') }), openingSpan(value));
      }
      return undefined;
    }
    return { kind: 'editFailedOperation', operation, changes };
  }

  private readAddress(node: Node, key: string): AddressInput | undefined {
    if (!this.check.expectType(node, 'object', key)) {
      return undefined;
    }
    return this.addressFrom(this.check.properties(node, ADDRESS_KEYS, key));
  }

  private addressFrom(props: Map<string, Node>): AddressInput {
    const address: Record<string, string | undefined> = {};
    for (const key of ADDRESS_KEYS) {
      const node = props.get(key);
      if (node) {
        address[key] = this.check.string(node, key);
      }
    }
    return address;
  }

  private channelRef(node: Node | undefined, parent: Node, where: string): string | undefined {
    const value = this.check.requiredString(node, parent, 'channel', where);
    if (value === undefined) {
      return undefined;
    }
    const channel = this.channels.find((c) => c.id === value) ?? this.channels.find((c) => c.id.toLowerCase() === value.toLowerCase());
    if (!channel) {
      // A channel the limit left out is already reported (ACD108); its entries are skipped without a second finding.
      if (!this.isLeftOut(value)) {
        this.check.unknownId(node!, value, 'channel', this.channels.map((c) => c.id));
      }
      return undefined;
    }
    return channel.id;
  }

  private isLeftOut(channel: string): boolean {
    return this.leftOut.channels.has(channel.toLowerCase()) && !this.channels.some((c) => c.id.toLowerCase() === channel.toLowerCase());
  }
}
