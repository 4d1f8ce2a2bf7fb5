// Reads a scenario file (JSONC) with source offsets and checks it against the contract.
// Nothing here throws on bad input: every problem becomes a ScenarioProblem with a span.
import { type Node, type ParseError, parseTree } from 'jsonc-parser';
import { type FeatureId, knownFeatureKeys, resolveFeatureKey } from '../domain/features';
import { msg } from '../domain/l10n';
import { RULE } from '../domain/ruleIds';
import { MAX_CHANNEL_DATABASES } from '../domain/tables';
import { DEFAULT_CSU_CACHE_MS } from '../domain/time';
import type { ChannelKind } from '../sim/simulation';
import { ACTION_KEYS, type ActionKey, ActionReader } from './actions';
import { ScenarioChecks } from './checks';
import { describeParseError, innerSpan, nestingBeyond, openingSpan, span } from './jsonNodes';
import type { ChannelSetting, FeatureSetting, Scenario, ScenarioStyle, ScheduleSetting, Span, TimelineEntry } from './model';
import { readSchedules } from './schedules';
import { applyChannelDatabaseSettings, type ChannelDatabaseSetting, readChannelDatabases, readCommerceVersion } from './settings';

/** Used when a scenario has no "start": a fixed instant, so replays are the same everywhere. */
const DEFAULT_START = Date.UTC(2026, 10, 1, 8, 0, 0);

const TOP_LEVEL_KEYS = ['$schema', 'name', 'description', 'start', 'commerceVersion', 'csuCacheDuration', 'features', 'channelDatabases', 'channels', 'schedules', 'timeline'];
const CHANNEL_KEYS = ['id', 'kind', 'channelDatabase', 'asyncCustomerCreation', 'asyncCustomerOrders', 'filterSharedCustomerDataTables'];
/** A JSON object with none of these is some other file, not a scenario. */
const SCENARIO_KEYS = ['features', 'channels', 'timeline'];
const CHANNEL_KINDS: readonly ChannelKind[] = ['store', 'online', 'callCenter'];
/** Deeper nesting than any scenario needs; beyond it the file is not parsed. */
const MAX_NESTING = 64;

/** Keys as a message lists them: "features", "channels", "timeline". */
function quotedKeys(keys: readonly string[]): string {
  return keys.map((key) => `"${key}"`).join(', ');
}

export function parseScenario(text: string): Scenario {
  return new ScenarioReader(text).read();
}

class ScenarioReader {
  private readonly check: ScenarioChecks;
  private readonly actions: ActionReader;
  private features: FeatureSetting[] = [];
  private featuresSpan?: Span;
  private readonly channels: ChannelSetting[] = [];
  /** Channels that set filterSharedCustomerDataTables themselves, by index, with the value's place. */
  private readonly explicitFilters = new Map<number, { value: boolean; span: Span }>();
  /** Channels (lower-case ids) and channel databases left out by the channel database limit (ACD108). */
  private readonly leftOut = { channels: new Set<string>(), channelDatabases: new Set<string>() };
  private channelsSpan?: Span;
  private schedules?: { schedules: ScheduleSetting[]; span: Span };
  private timeline: TimelineEntry[] = [];
  private timelineSpan?: Span;
  private timelineElementSpans: Span[] = [];
  private name?: string;
  private start = DEFAULT_START;
  private csuCacheMs = DEFAULT_CSU_CACHE_MS;
  private commerceVersion?: { value: number; span: Span };

  constructor(private readonly text: string) {
    this.check = new ScenarioChecks(text);
    this.actions = new ActionReader(this.check, this.channels, this.leftOut);
  }

  read(): Scenario {
    const errors: ParseError[] = [];
    const tooDeep = nestingBeyond(this.text, MAX_NESTING);
    if (tooDeep !== undefined) {
      // jsonc-parser recurses per level; a file nested thousands deep would overflow the stack.
      this.check.problem(RULE.syntax, 'error', msg('tooDeep', { max: MAX_NESTING }), { offset: tooDeep, length: 1 });
      return this.result(false);
    }
    const root = parseTree(this.text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
    // A file that is not a JSON object gets one finding that says so, not its syntax errors as well.
    if (root?.type === 'object') {
      for (const error of errors) {
        this.check.problem(RULE.syntax, 'error', msg('syntax', { code: describeParseError(error.error) }), { offset: error.offset, length: Math.max(error.length, 1) });
      }
    }
    let usable = false;
    if (!root) {
      this.check.problem(RULE.syntax, 'error', msg('notAScenario', { keys: quotedKeys(SCENARIO_KEYS) }), { offset: 0, length: this.text.length });
    } else if (root.type !== 'object') {
      this.check.problem(RULE.wrongType, 'error', msg('wrongType', { key: 'scenario', expected: 'object', actual: root.type }), span(root));
    } else if (!(root.children ?? []).some((p) => SCENARIO_KEYS.includes(String(p.children?.[0]?.value)))) {
      // Some other JSON file: one finding that says so, not one per key it happens to have.
      this.check.problem(RULE.missingKey, 'error', msg('notAScenarioObject', { keys: quotedKeys(SCENARIO_KEYS) }), openingSpan(root));
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
      commerceVersion: this.commerceVersion?.value,
      commerceVersionSpan: this.commerceVersion?.span,
      features: this.features,
      featuresSpan: this.featuresSpan,
      channels: this.channels,
      channelsSpan: this.channelsSpan,
      schedules: this.schedules?.schedules,
      schedulesSpan: this.schedules?.span,
      timeline: this.timeline,
      timelineSpan: this.timelineSpan,
      timelineLength: this.timelineElementSpans.length,
      timelineElementSpans: this.timelineElementSpans,
      problems: this.check.problems,
      style: this.style(),
      usable,
    };
  }

  /** How the file writes feature and job ids, so fixes write them the same way. */
  private style(): ScenarioStyle {
    const featureKeys = this.features.map((f) => this.text.slice(f.keySpan.offset, f.keySpan.offset + f.keySpan.length));
    const names = featureKeys.filter((key, i) => key !== this.features[i].id).length + this.actions.written.featureNames;
    const ids = featureKeys.length - (names - this.actions.written.featureNames) + this.actions.written.featureIds;
    return { featureNames: names > ids, jobIdsAsNumbers: this.actions.written.numericJobs > this.actions.written.textJobs };
  }

  private readRoot(root: Node): void {
    const props = this.check.properties(root, TOP_LEVEL_KEYS, 'scenario');
    const name = props.get('name');
    if (name) {
      this.name = this.check.string(name, 'name');
    }
    const description = props.get('description');
    if (description) {
      this.check.string(description, 'description');
    }
    const start = props.get('start');
    if (start) {
      const value = this.check.instant(start, 'start');
      if (value !== undefined) {
        this.start = value;
      }
    }
    const version = props.get('commerceVersion');
    if (version) {
      this.commerceVersion = readCommerceVersion(this.check, version);
    }
    const cache = props.get('csuCacheDuration');
    if (cache) {
      const value = this.check.duration(cache, 'csuCacheDuration');
      if (value !== undefined) {
        this.csuCacheMs = value;
      }
    }
    const channels = props.get('channels');
    if (channels) {
      this.readChannels(channels);
    }
    const databases = props.get('channelDatabases');
    applyChannelDatabaseSettings(
      this.check,
      this.channels,
      this.explicitFilters,
      databases ? readChannelDatabases(this.check, databases, this.channels) : new Map<string, ChannelDatabaseSetting>(),
    );
    const features = props.get('features');
    if (features) {
      this.readFeatures(features);
    }
    const schedules = props.get('schedules');
    if (schedules) {
      this.schedules = readSchedules(this.check, schedules, this.channels, this.start, this.actions.written);
    }
    const timeline = props.get('timeline');
    if (timeline) {
      this.readTimeline(timeline);
    }
  }

  // ---- features ----------------------------------------------------------------------

  private readFeatures(node: Node): void {
    if (!this.check.expectType(node, 'object', 'features')) {
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
        this.check.unknownId(keyNode, key, 'feature', knownFeatureKeys());
        continue;
      }
      if (seen.has(id)) {
        this.check.problem(RULE.unknownKey, 'error', msg('duplicateKey', { key }), innerSpan(keyNode), [this.check.removePropertyFix(property)]);
        continue;
      }
      if (valueNode.type !== 'boolean') {
        this.check.wrongType(valueNode, key, 'boolean');
        continue;
      }
      seen.set(id, span(property));
      this.features.push({ id, enabled: valueNode.value === true, span: span(property), keySpan: innerSpan(keyNode), valueSpan: span(valueNode) });
    }
  }

  // ---- channels ----------------------------------------------------------------------

  private readChannels(node: Node): void {
    if (!this.check.expectType(node, 'array', 'channels')) {
      return;
    }
    this.channelsSpan = span(node);
    const ids = new Set<string>();
    (node.children ?? []).forEach((element, index) => {
      if (!this.check.expectType(element, 'object', `channels[${index}]`)) {
        return;
      }
      const props = this.check.properties(element, CHANNEL_KEYS, 'channel');
      const idNode = props.get('id');
      const id = idNode ? this.check.string(idNode, 'id') : undefined;
      if (!idNode) {
        this.check.problem(RULE.missingKey, 'error', msg('missingKey', { key: 'id', where: 'channel' }), openingSpan(element));
      }
      if (id === undefined) {
        return;
      }
      if (ids.has(id.toLowerCase())) {
        this.check.problem(RULE.unknownKey, 'error', msg('duplicateChannel', { channel: id }), innerSpan(idNode!));
        return;
      }
      ids.add(id.toLowerCase());
      const kindNode = props.get('kind');
      let kind: ChannelKind = 'store';
      if (kindNode) {
        const value = this.check.string(kindNode, 'kind');
        if (value !== undefined) {
          const match = CHANNEL_KINDS.find((k) => k.toLowerCase() === value.toLowerCase());
          if (match) {
            kind = match;
          } else {
            this.check.unknownId(kindNode, value, 'channelKind', CHANNEL_KINDS);
          }
        }
      }
      const dbNode = props.get('channelDatabase');
      const channelDatabase = (dbNode && this.check.string(dbNode, 'channelDatabase')) || 'Default';
      const databases = new Set(this.channels.map((c) => c.channelDatabase));
      if (!databases.has(channelDatabase) && databases.size >= MAX_CHANNEL_DATABASES) {
        this.check.problem(
          RULE.overLimits,
          'error',
          msg('tooManyChannelDatabases', { channel: id, channelDatabase, max: MAX_CHANNEL_DATABASES, known: [...databases].join(', ') }),
          dbNode ? innerSpan(dbNode) : innerSpan(idNode!),
        );
        this.leftOut.channels.add(id.toLowerCase());
        this.leftOut.channelDatabases.add(channelDatabase);
        return;
      }
      const filterNode = props.get('filterSharedCustomerDataTables');
      const filter = this.check.optionalBoolean(filterNode, 'filterSharedCustomerDataTables');
      if (filterNode && filter !== undefined) {
        this.explicitFilters.set(this.channels.length, { value: filter, span: span(filterNode.parent!) });
      }
      this.channels.push({
        id,
        kind,
        channelDatabase,
        asyncCustomerCreation: this.check.optionalBoolean(props.get('asyncCustomerCreation'), 'asyncCustomerCreation') ?? false,
        filterSharedCustomerDataTables: filter ?? false,
        asyncCustomerOrders: this.check.optionalBoolean(props.get('asyncCustomerOrders'), 'asyncCustomerOrders') ?? false,
        origin: `channels/${this.channels.length}`,
        span: span(element),
      });
    });
  }

  // ---- timeline ----------------------------------------------------------------------

  private readTimeline(node: Node): void {
    if (!this.check.expectType(node, 'array', 'timeline')) {
      return;
    }
    this.timelineSpan = span(node);
    (node.children ?? []).forEach((element, index) => {
      this.timelineElementSpans.push(span(element));
      if (!this.check.expectType(element, 'object', `timeline[${index}]`)) {
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
    let failsNode: Node | undefined;
    for (const property of element.children ?? []) {
      const [keyNode, valueNode] = property.children ?? [];
      if (!keyNode) {
        continue;
      }
      const key = String(keyNode.value);
      if (key === 'at') {
        if (valueNode) {
          at = this.check.instant(valueNode, 'at');
          atSpan = span(valueNode);
        }
      } else if ((ACTION_KEYS as readonly string[]).includes(key)) {
        if (actionProperty) {
          this.check.problem(RULE.unknownKey, 'error', msg('twoActions', { first: String(actionProperty.children![0].value), second: key }), innerSpan(keyNode));
        } else {
          actionProperty = property;
        }
      } else if (key === 'channelDatabase') {
        channelDatabaseNode = valueNode;
      } else if (key === 'fails') {
        failsNode = valueNode;
      } else {
        this.check.unknownKey(keyNode, property, [...ACTION_KEYS, 'at', 'channelDatabase', 'fails'], 'timeline entry');
      }
    }
    if (!actionProperty) {
      this.check.problem(RULE.missingKey, 'error', msg('noAction', { actions: ACTION_KEYS.join(', ') }), openingSpan(element));
      return undefined;
    }
    const [actionKeyNode, actionValueNode] = actionProperty.children!;
    const kind = String(actionKeyNode.value) as ActionKey;
    if (channelDatabaseNode && kind !== 'runJob') {
      this.check.problem(RULE.unknownKey, 'error', msg('keyNotForAction', { key: 'channelDatabase', action: kind }), innerSpan(channelDatabaseNode.parent!.children![0]), [
        this.check.removePropertyFix(channelDatabaseNode.parent!),
      ]);
    }
    if (failsNode && kind !== 'runJob' && kind !== 'runBatch') {
      this.check.problem(RULE.unknownKey, 'error', msg('keyNotForAction', { key: 'fails', action: kind }), innerSpan(failsNode.parent!.children![0]), [
        this.check.removePropertyFix(failsNode.parent!),
      ]);
      failsNode = undefined;
    }
    if (!actionValueNode) {
      return undefined;
    }
    const action = this.actions.readAction(kind, actionValueNode, { channelDatabase: channelDatabaseNode, fails: failsNode });
    if (!action) {
      return undefined;
    }
    return { index, span: span(element), at, atSpan, actionSpan: span(actionValueNode), actionKeySpan: innerSpan(actionKeyNode), action };
  }
}
