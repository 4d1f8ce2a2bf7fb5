// Reads a scenario file (JSONC) with source offsets and checks it against the contract.
// Nothing here throws on bad input: every problem becomes a ScenarioProblem with a span.
import { type Node, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';
import { FEATURES, type FeatureId, knownFeatureKeys, resolveFeatureKey } from '../domain/features';
import { BATCH_JOBS, CDX_JOB_IDS, resolveBatchJobId, resolveCdxJobId } from '../domain/jobs';
import { msg } from '../domain/l10n';
import { RULE, type RuleId } from '../domain/ruleIds';
import { MAX_CHANNEL_DATABASES } from '../domain/tables';
import { closest } from '../domain/text';
import { parseDuration, parseInstant } from '../domain/time';
import { EDITABLE_FIELD_NAMES, type EditableField } from '../domain/fields';
import { DEFAULT_CSU_CACHE_MS } from '../domain/time';
import type { AddressInput, ChannelKind, CustomerInput } from '../sim/simulation';
import type { Action, ChannelSetting, FeatureSetting, Scenario, ScenarioProblem, Span, TimelineEntry } from './model';

/** Used when a scenario has no "start": a fixed instant, so replays are the same everywhere. */
export const DEFAULT_START = Date.UTC(2026, 10, 1, 8, 0, 0);

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
] as const;

const TOP_LEVEL_KEYS = ['$schema', 'name', 'description', 'start', 'csuCacheDuration', 'features', 'channels', 'timeline'];
const CHANNEL_KEYS = ['id', 'kind', 'channelDatabase', 'asyncCustomerCreation', 'filterSharedCustomerDataTables'];
const CHANNEL_KINDS: readonly ChannelKind[] = ['store', 'online', 'callCenter'];
const ADDRESS_KEYS = ['street', 'city', 'zip', 'countryRegion'] as const;
const CUSTOMER_TEXT_KEYS = ['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup', 'secondaryEmail', 'secondaryPhone'] as const;
const CUSTOMER_KEYS = [...CUSTOMER_TEXT_KEYS, 'channel', 'address', 'affiliations', 'attributes', 'offline', 'realtimeCallFails'];
const EDIT_CUSTOMER_FIELDS: readonly EditableField[] = ['firstName', 'lastName', 'email', 'phone', 'title', 'customerGroup'];
/** Deeper nesting than any scenario needs; beyond it the file is not parsed. */
export const MAX_NESTING = 64;

/** The offset where brackets first nest deeper than `max`, skipping strings and comments. */
function nestingBeyond(text: string, max: number): number | undefined {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) {
        if (text.charCodeAt(i) === 92 /* \ */) i++;
        else if (text.charCodeAt(i) === 10) break;
      }
    } else if (c === 47 /* / */ && text.charCodeAt(i + 1) === 47) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end;
    } else if (c === 47 && text.charCodeAt(i + 1) === 42 /* * */) {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 1;
    } else if (c === 123 || c === 91 /* { [ */) {
      if (++depth > max) return i;
    } else if (c === 125 || c === 93 /* } ] */) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The largest count one generateCustomers entry may ask for. */
export const MAX_GENERATED_CUSTOMERS = 2_000_000;

export function parseScenario(text: string): Scenario {
  return new ScenarioReader(text).read();
}

class ScenarioReader {
  private readonly problems: ScenarioProblem[] = [];
  private features: FeatureSetting[] = [];
  private featuresSpan?: Span;
  private channels: ChannelSetting[] = [];
  private channelsSpan?: Span;
  private timeline: TimelineEntry[] = [];
  private timelineSpan?: Span;
  private timelineElementSpans: Span[] = [];
  private name?: string;
  private start = DEFAULT_START;
  private csuCacheMs = DEFAULT_CSU_CACHE_MS;

  constructor(private readonly text: string) {}

  read(): Scenario {
    const errors: ParseError[] = [];
    const tooDeep = nestingBeyond(this.text, MAX_NESTING);
    if (tooDeep !== undefined) {
      // jsonc-parser recurses per level; a file nested thousands deep would overflow the stack.
      this.problem(RULE.syntax, 'error', msg('tooDeep', { max: MAX_NESTING }), { offset: tooDeep, length: 1 });
      return this.result(false);
    }
    const root = parseTree(this.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    for (const error of errors) {
      this.problem(RULE.syntax, 'error', msg('syntax', { detail: describeParseError(error.error) }), { offset: error.offset, length: Math.max(error.length, 1) });
    }
    let usable = false;
    if (!root) {
      this.problem(RULE.syntax, 'error', msg('notAScenario', {}), { offset: 0, length: this.text.length });
    } else if (root.type !== 'object') {
      this.problem(RULE.wrongType, 'error', msg('wrongType', { key: 'scenario', expected: 'object', actual: root.type }), span(root));
    } else {
      usable = true;
      this.readRoot(root);
    }
    return this.result(usable);
  }

  private result(usable: boolean): Scenario {
    return {
      text: this.text,
      name: this.name,
      start: this.start,
      csuCacheMs: this.csuCacheMs,
      features: this.features,
      featuresSpan: this.featuresSpan,
      channels: this.channels,
      channelsSpan: this.channelsSpan,
      timeline: this.timeline,
      timelineSpan: this.timelineSpan,
      timelineLength: this.timelineElementSpans.length,
      timelineElementSpans: this.timelineElementSpans,
      problems: this.problems,
      usable,
    };
  }

  private readRoot(root: Node): void {
    const props = this.properties(root, TOP_LEVEL_KEYS, 'scenario');
    const name = props.get('name');
    if (name) {
      this.name = this.string(name, 'name');
    }
    const description = props.get('description');
    if (description) {
      this.string(description, 'description');
    }
    const start = props.get('start');
    if (start) {
      const value = this.instant(start, 'start');
      if (value !== undefined) {
        this.start = value;
      }
    }
    const cache = props.get('csuCacheDuration');
    if (cache) {
      const value = this.duration(cache, 'csuCacheDuration');
      if (value !== undefined) {
        this.csuCacheMs = value;
      }
    }
    const channels = props.get('channels');
    if (channels) {
      this.readChannels(channels);
    }
    const features = props.get('features');
    if (features) {
      this.readFeatures(features);
    }
    const timeline = props.get('timeline');
    if (timeline) {
      this.readTimeline(timeline);
    }
  }

  // ---- features ----------------------------------------------------------------------

  private readFeatures(node: Node): void {
    if (!this.expectType(node, 'object', 'features')) {
      return;
    }
    this.featuresSpan = span(node);
    const seen = new Map<FeatureId, Span>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode || !valueNode) {
        continue;
      }
      const key = String(keyNode.value);
      const id = resolveFeatureKey(key);
      if (!id) {
        this.unknownId(keyNode, key, 'feature', knownFeatureKeys());
        continue;
      }
      if (seen.has(id)) {
        this.problem(RULE.unknownKey, 'error', msg('duplicateKey', { key }), innerSpan(keyNode), [this.removePropertyFix(property)]);
        continue;
      }
      if (valueNode.type !== 'boolean') {
        this.wrongType(valueNode, key, 'boolean');
        continue;
      }
      seen.set(id, span(property));
      this.features.push({ id, enabled: valueNode.value === true, span: span(property), keySpan: innerSpan(keyNode), valueSpan: span(valueNode) });
    }
  }

  // ---- channels ----------------------------------------------------------------------

  private readChannels(node: Node): void {
    if (!this.expectType(node, 'array', 'channels')) {
      return;
    }
    this.channelsSpan = span(node);
    const ids = new Set<string>();
    (node.children ?? []).forEach((element, index) => {
      if (!this.expectType(element, 'object', `channels[${index}]`)) {
        return;
      }
      const props = this.properties(element, CHANNEL_KEYS, 'channel');
      const idNode = props.get('id');
      const id = idNode ? this.string(idNode, 'id') : undefined;
      if (!idNode) {
        this.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'id', where: 'channel' }), openingSpan(element));
      }
      if (id === undefined) {
        return;
      }
      if (ids.has(id.toLowerCase())) {
        this.problem(RULE.unknownKey, 'error', msg('duplicateChannel', { channel: id }), innerSpan(idNode!));
        return;
      }
      ids.add(id.toLowerCase());
      const kindNode = props.get('kind');
      let kind: ChannelKind = 'store';
      if (kindNode) {
        const value = this.string(kindNode, 'kind');
        if (value !== undefined) {
          const match = CHANNEL_KINDS.find((k) => k.toLowerCase() === value.toLowerCase());
          if (match) {
            kind = match;
          } else {
            this.unknownId(kindNode, value, 'channelKind', CHANNEL_KINDS);
          }
        }
      }
      const dbNode = props.get('channelDatabase');
      const channelDatabase = (dbNode && this.string(dbNode, 'channelDatabase')) || 'Default';
      const databases = new Set(this.channels.map((c) => c.channelDatabase));
      if (!databases.has(channelDatabase) && databases.size >= MAX_CHANNEL_DATABASES) {
        this.problem(
          RULE.overLimits,
          'error',
          msg('tooManyChannelDatabases', { channel: id, channelDatabase, max: MAX_CHANNEL_DATABASES, known: [...databases].join(', ') }),
          dbNode ? innerSpan(dbNode) : innerSpan(idNode!),
        );
        return;
      }
      this.channels.push({
        id,
        kind,
        channelDatabase,
        asyncCustomerCreation: this.optionalBoolean(props.get('asyncCustomerCreation'), 'asyncCustomerCreation') ?? false,
        filterSharedCustomerDataTables: this.optionalBoolean(props.get('filterSharedCustomerDataTables'), 'filterSharedCustomerDataTables') ?? false,
        origin: `channels/${this.channels.length}`,
        span: span(element),
      });
    });
  }

  // ---- timeline ----------------------------------------------------------------------

  private readTimeline(node: Node): void {
    if (!this.expectType(node, 'array', 'timeline')) {
      return;
    }
    this.timelineSpan = span(node);
    (node.children ?? []).forEach((element, index) => {
      this.timelineElementSpans.push(span(element));
      if (!this.expectType(element, 'object', `timeline[${index}]`)) {
        return;
      }
      const entry = this.readEntry(element, index);
      if (entry) {
        this.timeline.push(entry);
      }
    });
  }

  private readEntry(element: Node, index: number): TimelineEntry | undefined {
    let at: number | undefined;
    let atSpan: Span | undefined;
    let actionProperty: Node | undefined;
    let channelDatabaseNode: Node | undefined;
    for (const property of element.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) {
        continue;
      }
      const key = String(keyNode.value);
      if (key === 'at') {
        if (valueNode) {
          at = this.instant(valueNode, 'at');
          atSpan = span(valueNode);
        }
      } else if ((ACTION_KEYS as readonly string[]).includes(key)) {
        if (actionProperty) {
          this.problem(RULE.unknownKey, 'error', msg('twoActions', { first: String(actionProperty.children![0].value), second: key }), innerSpan(keyNode));
        } else {
          actionProperty = property;
        }
      } else if (key === 'channelDatabase') {
        channelDatabaseNode = valueNode;
      } else {
        this.unknownKey(keyNode, property, [...ACTION_KEYS, 'at', 'channelDatabase'], 'timeline entry');
      }
    }
    if (!actionProperty) {
      this.problem(RULE.missingKey, 'error', msg('noAction', { actions: ACTION_KEYS.join(', ') }), openingSpan(element));
      return undefined;
    }
    const [actionKeyNode, actionValueNode] = actionProperty.children!;
    const kind = String(actionKeyNode.value) as (typeof ACTION_KEYS)[number];
    if (channelDatabaseNode && kind !== 'runJob') {
      this.problem(RULE.unknownKey, 'error', msg('keyNotForAction', { key: 'channelDatabase', action: kind }), innerSpan(channelDatabaseNode.parent!.children![0]), [
        this.removePropertyFix(channelDatabaseNode.parent!),
      ]);
    }
    if (!actionValueNode) {
      return undefined;
    }
    const action = this.readAction(kind, actionValueNode, channelDatabaseNode);
    if (!action) {
      return undefined;
    }
    return { index, span: span(element), at, atSpan, actionSpan: span(actionValueNode), actionKeySpan: innerSpan(actionKeyNode), action };
  }

  private readAction(kind: (typeof ACTION_KEYS)[number], value: Node, channelDatabaseNode: Node | undefined): Action | undefined {
    switch (kind) {
      case 'enableFeature':
      case 'disableFeature': {
        const key = this.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const feature = resolveFeatureKey(key);
        if (!feature) {
          this.unknownId(value, key, 'feature', knownFeatureKeys());
          return undefined;
        }
        return { kind, feature };
      }
      case 'runJob': {
        const key = this.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const job = resolveCdxJobId(key);
        if (!job) {
          this.unknownId(value, key, 'job', CDX_JOB_IDS);
          return undefined;
        }
        let channelDatabase: string | undefined;
        if (channelDatabaseNode) {
          channelDatabase = this.string(channelDatabaseNode, 'channelDatabase');
          if (channelDatabase === undefined) {
            return undefined;
          }
          const known = [...new Set(this.channels.map((c) => c.channelDatabase))];
          if (!known.includes(channelDatabase)) {
            this.unknownId(channelDatabaseNode, channelDatabase, 'channelDatabase', known);
            return undefined;
          }
        }
        return { kind, job, channelDatabase };
      }
      case 'runBatch': {
        const key = this.string(value, kind);
        if (key === undefined) {
          return undefined;
        }
        const batch = resolveBatchJobId(key);
        if (!batch) {
          this.unknownId(value, key, 'batchJob', BATCH_JOBS.map((b) => b.id));
          return undefined;
        }
        return { kind, batch };
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
          const props = this.properties(value, ['operation'], 'resync');
          const node = props.get('operation');
          if (!node) {
            this.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'operation', where: 'resync' }), openingSpan(value));
            return undefined;
          }
          operationNode = node;
        }
        const operation = this.string(operationNode, 'resync');
        return operation === undefined ? undefined : { kind, operation };
      }
      case 'advance': {
        const ms = this.duration(value, 'advance');
        return ms === undefined ? undefined : { kind, ms };
      }
      case 'updateChannel': {
        if (!this.expectType(value, 'object', kind)) {
          return undefined;
        }
        const props = this.properties(value, ['channel', 'asyncCustomerCreation', 'filterSharedCustomerDataTables'], kind);
        const channel = this.channelRef(props.get('channel'), value, kind);
        if (channel === undefined) {
          return undefined;
        }
        return {
          kind,
          channel,
          asyncCustomerCreation: this.optionalBoolean(props.get('asyncCustomerCreation'), 'asyncCustomerCreation'),
          filterSharedCustomerDataTables: this.optionalBoolean(props.get('filterSharedCustomerDataTables'), 'filterSharedCustomerDataTables'),
        };
      }
    }
  }

  private readCreateCustomer(value: Node): Action | undefined {
    if (!this.expectType(value, 'object', 'createCustomer')) {
      return undefined;
    }
    const props = this.properties(value, CUSTOMER_KEYS, 'createCustomer');
    const channel = this.channelRef(props.get('channel'), value, 'createCustomer');
    const texts: Partial<Record<(typeof CUSTOMER_TEXT_KEYS)[number], string>> = {};
    for (const key of CUSTOMER_TEXT_KEYS) {
      const node = props.get(key);
      if (node) {
        texts[key] = this.string(node, key);
      }
    }
    const addressNode = props.get('address');
    const address = addressNode ? this.readAddress(addressNode, 'address') : undefined;
    const affiliationsNode = props.get('affiliations');
    let affiliations: string[] | undefined;
    if (affiliationsNode && this.expectType(affiliationsNode, 'array', 'affiliations')) {
      affiliations = (affiliationsNode.children ?? []).map((n) => this.string(n, 'affiliations')).filter((s): s is string => s !== undefined);
    }
    const attributesNode = props.get('attributes');
    let attributes: Record<string, string> | undefined;
    if (attributesNode && this.expectType(attributesNode, 'object', 'attributes')) {
      attributes = {};
      for (const property of attributesNode.children ?? []) {
        const [k, v] = property.children ?? [];
        if (k && v) {
          const text = v.type === 'number' || v.type === 'boolean' ? String(v.value) : this.string(v, String(k.value));
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
      offline: this.optionalBoolean(props.get('offline'), 'offline'),
      realtimeCallFails: this.optionalBoolean(props.get('realtimeCallFails'), 'realtimeCallFails'),
    };
    return { kind: 'createCustomer', customer };
  }

  private readGenerateCustomers(value: Node): Action | undefined {
    if (!this.expectType(value, 'object', 'generateCustomers')) {
      return undefined;
    }
    const props = this.properties(value, ['count', 'channels', 'countryRegion', 'offline'], 'generateCustomers');
    const countNode = props.get('count');
    if (!countNode) {
      this.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'count', where: 'generateCustomers' }), openingSpan(value));
      return undefined;
    }
    if (countNode.type !== 'number') {
      this.wrongType(countNode, 'count', 'number');
      return undefined;
    }
    const count = Number(countNode.value);
    if (!Number.isInteger(count) || count < 1 || count > MAX_GENERATED_CUSTOMERS) {
      this.problem(RULE.badValue, 'error', msg('countOutOfRange', { max: MAX_GENERATED_CUSTOMERS }), span(countNode));
      return undefined;
    }
    const channelsNode = props.get('channels');
    let channels = this.channels.map((c) => c.id);
    if (channelsNode) {
      if (!this.expectType(channelsNode, 'array', 'channels')) {
        return undefined;
      }
      const named: string[] = [];
      for (const node of channelsNode.children ?? []) {
        const channel = this.channelRef(node, node, 'generateCustomers');
        if (channel === undefined) {
          return undefined;
        }
        named.push(channel);
      }
      channels = named;
    }
    if (channels.length === 0) {
      this.problem(RULE.missingKey, 'error', msg('noChannels', {}), openingSpan(value));
      return undefined;
    }
    const countryNode = props.get('countryRegion');
    return {
      kind: 'generateCustomers',
      count,
      channels,
      countryRegion: countryNode ? this.string(countryNode, 'countryRegion') : undefined,
      offline: this.optionalBoolean(props.get('offline'), 'offline'),
    };
  }

  private readEditCustomer(value: Node): Action | undefined {
    if (!this.expectType(value, 'object', 'editCustomer')) {
      return undefined;
    }
    const problemsBefore = this.problems.length;
    const props = this.properties(value, ['channel', 'customer', 'offline', ...EDIT_CUSTOMER_FIELDS], 'editCustomer');
    const channel = this.channelRef(props.get('channel'), value, 'editCustomer');
    const customer = this.requiredString(props.get('customer'), value, 'customer', 'editCustomer');
    const changes: Partial<Record<EditableField, string>> = {};
    for (const field of EDIT_CUSTOMER_FIELDS) {
      const node = props.get(field);
      const text = node ? this.string(node, field) : undefined;
      if (text !== undefined) {
        changes[field] = text;
      }
    }
    if (channel === undefined || customer === undefined) {
      return undefined;
    }
    if (Object.keys(changes).length === 0) {
      // A misspelled or mistyped field already has its finding; "nothing to edit" would only repeat it.
      if (this.problems.length === problemsBefore) {
        this.problem(RULE.missingKey, 'error', msg('nothingToEdit', { fields: EDIT_CUSTOMER_FIELDS.join(', ') }), openingSpan(value));
      }
      return undefined;
    }
    return { kind: 'editCustomer', channel, customer, changes, offline: this.optionalBoolean(props.get('offline'), 'offline') };
  }

  private readCreateAddress(value: Node): Action | undefined {
    if (!this.expectType(value, 'object', 'createAddress')) {
      return undefined;
    }
    const props = this.properties(value, ['channel', 'customer', 'offline', 'address', ...ADDRESS_KEYS], 'createAddress');
    const channel = this.channelRef(props.get('channel'), value, 'createAddress');
    const customer = this.requiredString(props.get('customer'), value, 'customer', 'createAddress');
    const nested = props.get('address');
    const address = nested ? this.readAddress(nested, 'address') : this.addressFrom(props);
    if (channel === undefined || customer === undefined || address === undefined) {
      return undefined;
    }
    return { kind: 'createAddress', channel, customer, address, offline: this.optionalBoolean(props.get('offline'), 'offline') };
  }

  private readEditFailedOperation(value: Node): Action | undefined {
    if (!this.expectType(value, 'object', 'editFailedOperation')) {
      return undefined;
    }
    const problemsBefore = this.problems.length;
    const props = this.properties(value, ['operation', 'set', ...EDITABLE_FIELD_NAMES], 'editFailedOperation');
    const operation = this.requiredString(props.get('operation'), value, 'operation', 'editFailedOperation');
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
          const text = this.string(node, field);
          if (text !== undefined) {
            changes[field] = text;
          }
        }
      }
    };
    collect(props);
    const setNode = props.get('set');
    if (setNode && this.expectType(setNode, 'object', 'set')) {
      collect(this.properties(setNode, EDITABLE_FIELD_NAMES, 'set'));
    }
    if (operation === undefined) {
      return undefined;
    }
    if (Object.keys(changes).length === 0) {
      if (this.problems.length === problemsBefore) {
        this.problem(RULE.missingKey, 'error', msg('nothingToEdit', { fields: EDITABLE_FIELD_NAMES.join(', ') }), openingSpan(value));
      }
      return undefined;
    }
    return { kind: 'editFailedOperation', operation, changes };
  }

  private readAddress(node: Node, key: string): AddressInput | undefined {
    if (!this.expectType(node, 'object', key)) {
      return undefined;
    }
    return this.addressFrom(this.properties(node, ADDRESS_KEYS, key));
  }

  private addressFrom(props: Map<string, Node>): AddressInput {
    const address: Record<string, string | undefined> = {};
    for (const key of ADDRESS_KEYS) {
      const node = props.get(key);
      if (node) {
        address[key] = this.string(node, key);
      }
    }
    return address;
  }

  // ---- checks shared by every part -----------------------------------------------------

  /** The object's properties by key; unknown and duplicate keys are reported. */
  private properties(node: Node, allowed: readonly string[], where: string): Map<string, Node> {
    const out = new Map<string, Node>();
    for (const property of node.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) {
        continue;
      }
      const key = String(keyNode.value);
      if (!allowed.includes(key)) {
        this.unknownKey(keyNode, property, allowed, where);
        continue;
      }
      if (out.has(key)) {
        this.problem(RULE.unknownKey, 'error', msg('duplicateKey', { key }), innerSpan(keyNode), [this.removePropertyFix(property)]);
        continue;
      }
      if (valueNode) {
        out.set(key, valueNode);
      }
    }
    return out;
  }

  private channelRef(node: Node | undefined, parent: Node, where: string): string | undefined {
    const value = this.requiredString(node, parent, 'channel', where);
    if (value === undefined) {
      return undefined;
    }
    const channel = this.channels.find((c) => c.id === value) ?? this.channels.find((c) => c.id.toLowerCase() === value.toLowerCase());
    if (!channel) {
      this.unknownId(node!, value, 'channel', this.channels.map((c) => c.id));
      return undefined;
    }
    return channel.id;
  }

  private requiredString(node: Node | undefined, parent: Node, key: string, where: string): string | undefined {
    if (!node) {
      this.problem(RULE.missingKey, 'error', msg('missingKey', { key, where }), openingSpan(parent));
      return undefined;
    }
    return this.string(node, key);
  }

  private string(node: Node, key: string): string | undefined {
    if (node.type !== 'string') {
      this.wrongType(node, key, 'string');
      return undefined;
    }
    return String(node.value);
  }

  private optionalBoolean(node: Node | undefined, key: string): boolean | undefined {
    if (!node) {
      return undefined;
    }
    if (node.type !== 'boolean') {
      this.wrongType(node, key, 'boolean');
      return undefined;
    }
    return node.value === true;
  }

  private instant(node: Node, key: string): number | undefined {
    const text = this.string(node, key);
    if (text === undefined) {
      return undefined;
    }
    const value = parseInstant(text);
    if (value === undefined) {
      this.problem(RULE.badValue, 'error', msg('badInstant', { key, value: text }), innerSpan(node));
    }
    return value;
  }

  private duration(node: Node, key: string): number | undefined {
    const text = this.string(node, key);
    if (text === undefined) {
      return undefined;
    }
    const value = parseDuration(text);
    if (value === undefined) {
      this.problem(RULE.badValue, 'error', msg('badDuration', { key, value: text }), innerSpan(node));
    }
    return value;
  }

  private expectType(node: Node, type: Node['type'], key: string): boolean {
    if (node.type !== type) {
      this.wrongType(node, key, type);
      return false;
    }
    return true;
  }

  private wrongType(node: Node, key: string, expected: string): void {
    // A number or true/false where text is expected ("runJob": 1010, "zip": 90326): quoting it is the obvious fix.
    const raw = this.text.slice(node.offset, node.offset + node.length);
    const fixes =
      expected === 'string' && (node.type === 'number' || node.type === 'boolean')
        ? [{ title: msg('fixQuote', { value: raw }), edits: [{ ...span(node), newText: JSON.stringify(raw) }], isPreferred: true }]
        : [];
    this.problem(RULE.wrongType, 'error', msg('wrongType', { key, expected, actual: node.type }), span(node), fixes);
  }

  private unknownKey(keyNode: Node, property: Node, allowed: readonly string[], where: string): void {
    const key = String(keyNode.value);
    const suggestion = closest(key, allowed);
    const fixes = suggestion
      ? [{ title: msg('fixReplace', { from: key, to: suggestion }), edits: [{ ...innerSpan(keyNode), newText: suggestion }], isPreferred: true }]
      : [this.removePropertyFix(property)];
    this.problem(RULE.unknownKey, 'error', msg('unknownKey', { key, where, allowed: allowed.join(', '), suggestion: suggestion ?? '' }), innerSpan(keyNode), fixes);
  }

  private unknownId(node: Node, value: string, kind: string, known: readonly string[]): void {
    const suggestion = closest(value, known);
    const target = node.type === 'string' ? innerSpan(node) : span(node);
    const newText = node.type === 'string' ? (suggestion ?? '') : JSON.stringify(suggestion);
    const fixes = suggestion ? [{ title: msg('fixReplace', { from: value, to: suggestion }), edits: [{ ...target, newText }], isPreferred: true }] : [];
    this.problem(RULE.unknownId, 'error', msg('unknownId', { kind, value, known: known.join(', '), suggestion: suggestion ?? '' }), target, fixes);
  }

  private removePropertyFix(property: Node) {
    return { title: msg('fixRemoveKey', { key: String(property.children?.[0]?.value ?? '') }), edits: [removalEdit(this.text, property)], isPreferred: false };
  }

  private problem(ruleId: RuleId, severity: ScenarioProblem['severity'], message: ScenarioProblem['message'], at: Span, fixes: ScenarioProblem['fixes'] = []): void {
    this.problems.push({ ruleId, severity, message, span: at, fixes });
  }
}

export function span(node: Node): Span {
  return { offset: node.offset, length: node.length };
}

/** A string node's text without its quotes; other nodes whole. */
export function innerSpan(node: Node): Span {
  if (node.type === 'string' && node.length >= 2) {
    return { offset: node.offset + 1, length: node.length - 2 };
  }
  return span(node);
}

/** The first character of an object, where "missing key" problems point. */
function openingSpan(node: Node): Span {
  return { offset: node.offset, length: 1 };
}

/** An edit that removes a property together with its separating comma. */
function removalEdit(text: string, property: Node): { offset: number; length: number; newText: string } {
  let start = property.offset;
  let end = property.offset + property.length;
  const after = /^\s*,/.exec(text.slice(end));
  if (after) {
    end += after[0].length;
  } else {
    const before = /,\s*$/.exec(text.slice(0, start));
    if (before) {
      start -= before[0].length;
    }
  }
  return { offset: start, length: end - start, newText: '' };
}

function describeParseError(code: number): string {
  return printParseErrorCode(code)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}

export { FEATURES };
