// A scenario file after parsing: every value keeps the place in the text it came from.
import type { FeatureId } from '../domain/features';
import type { BatchJobId, CdxJobId } from '../domain/jobs';
import type { EditableField } from '../domain/fields';
import type { AddressInput, ChannelConfig, CustomerInput, ObservedOperationInput } from '../sim/simulation';
import type { MessageRef } from '../domain/l10n';
import type { RuleId } from '../domain/ruleIds';

export interface Span {
  readonly offset: number;
  readonly length: number;
}

/** Where a simulated row or event came from: 'timeline/3', 'features/AsyncCustomerEditing', 'channels/0'. */
export type Origin = string;

export interface SpanFix {
  readonly title: MessageRef;
  readonly edits: readonly { offset: number; length: number; newText: string }[];
  readonly isPreferred: boolean;
}

/** A problem with the file itself: syntax, unknown key or id, wrong type, time going backwards. */
export interface ScenarioProblem {
  readonly ruleId: RuleId;
  readonly severity: 'error' | 'warning' | 'information';
  readonly message: MessageRef;
  readonly span: Span;
  readonly fixes: readonly SpanFix[];
}

export interface FeatureSetting {
  readonly id: FeatureId;
  readonly enabled: boolean;
  /** The whole "key": value property. */
  readonly span: Span;
  readonly keySpan: Span;
  readonly valueSpan: Span;
}

export interface ChannelSetting extends ChannelConfig {
  readonly span: Span;
}

/** A recurring run (an element of "schedules"). */
export interface ScheduleSetting {
  /** The element's index in the "schedules" array (its origin is schedules/index). */
  readonly index: number;
  readonly span: Span;
  readonly job: { readonly runJob: CdxJobId; readonly channelDatabase?: string } | { readonly runBatch: BatchJobId };
  readonly every: number;
  readonly from: number;
}

export type Action =
  | { readonly kind: 'enableFeature' | 'disableFeature'; readonly feature: FeatureId }
  | { readonly kind: 'runJob'; readonly job: CdxJobId; readonly channelDatabase?: string; readonly fails?: string }
  | { readonly kind: 'runBatch'; readonly batch: BatchJobId; readonly fails?: string }
  | { readonly kind: 'createCustomer'; readonly customer: CustomerInput }
  | {
      readonly kind: 'generateCustomers';
      readonly count: number;
      readonly channels: readonly string[];
      readonly countryRegion?: string;
      readonly offline?: boolean;
    }
  | {
      readonly kind: 'editCustomer';
      readonly channel: string;
      readonly customer: string;
      readonly changes: Partial<Record<EditableField, string>>;
      readonly offline?: boolean;
    }
  | { readonly kind: 'createAddress'; readonly channel: string; readonly customer: string; readonly address: AddressInput; readonly offline?: boolean }
  | { readonly kind: 'editFailedOperation'; readonly operation: string; readonly changes: Partial<Record<EditableField, string | null>> }
  | { readonly kind: 'resync'; readonly operation: string }
  | ({ readonly kind: 'observedOperation' } & ObservedOperationInput)
  | { readonly kind: 'createCustomerOrder'; readonly channel: string; readonly customer: string; readonly mode?: 'sync' | 'async' }
  | { readonly kind: 'createSale' | 'issueLoyaltyCard'; readonly channel: string; readonly customer: string }
  | { readonly kind: 'advance'; readonly ms: number }
  | {
      readonly kind: 'updateChannel';
      readonly channel: string;
      readonly asyncCustomerCreation?: boolean;
      readonly filterSharedCustomerDataTables?: boolean;
    };

export interface TimelineEntry {
  readonly index: number;
  readonly span: Span;
  readonly at?: number;
  readonly atSpan?: Span;
  /** The action's value (after the key), where findings about the action point. */
  readonly actionSpan: Span;
  /** The action's key, e.g. "runJob". */
  readonly actionKeySpan: Span;
  readonly action: Action;
}

/** How the file writes ids, so that a fix writes them the same way. */
export interface ScenarioStyle {
  /** Features written by their English names ("Enable editing customers in asynchronous mode"), not ids. */
  readonly featureNames: boolean;
  /** Jobs written as numbers ("runJob": 1110), not strings. */
  readonly jobIdsAsNumbers: boolean;
}

export interface Scenario {
  readonly text: string;
  readonly name?: string;
  readonly start: number;
  readonly csuCacheMs: number;
  /** The minor N of "commerceVersion": "10.0.N", when the scenario names one. */
  readonly commerceVersion?: number;
  readonly commerceVersionSpan?: Span;
  readonly features: readonly FeatureSetting[];
  /** The "features" object, when present. */
  readonly featuresSpan?: Span;
  readonly channels: readonly ChannelSetting[];
  readonly channelsSpan?: Span;
  /** The "schedules" array's valid elements; undefined when the scenario has no "schedules" (recurrence unknown). */
  readonly schedules?: readonly ScheduleSetting[];
  readonly schedulesSpan?: Span;
  readonly timeline: readonly TimelineEntry[];
  /** The "timeline" array, when present. */
  readonly timelineSpan?: Span;
  /** Number of entries in the timeline array, valid or not (for insertion indexes). */
  readonly timelineLength: number;
  /** Span of every timeline element by its array index, valid or not. */
  readonly timelineElementSpans: readonly Span[];
  readonly problems: readonly ScenarioProblem[];
  readonly style: ScenarioStyle;
  /** False when the text is not a scenario at all (not an object, or not JSON). */
  readonly usable: boolean;
}

/** The customers a scenario creates, generated and one by one: what its memory grows with. */
export function customersCreated(scenario: Scenario): number {
  let count = 0;
  for (const entry of scenario.timeline) {
    if (entry.action.kind === 'generateCustomers') {
      count += entry.action.count;
    } else if (entry.action.kind === 'createCustomer') {
      count += 1;
    }
  }
  return count;
}

export function timelineOrigin(index: number): Origin {
  return `timeline/${index}`;
}

export function scheduleOrigin(index: number): Origin {
  return `schedules/${index}`;
}

export function featureOrigin(id: FeatureId): Origin {
  return `features/${id}`;
}

/** The place in the file an origin refers to; the whole document when it cannot be found. */
export function spanOfOrigin(scenario: Scenario, origin: Origin | null | undefined): Span | undefined {
  if (!origin) {
    return undefined;
  }
  const [kind, key] = origin.split('/');
  if (kind === 'timeline') {
    return scenario.timeline.find((e) => e.index === Number(key))?.span;
  }
  if (kind === 'features') {
    return scenario.features.find((f) => f.id === key)?.span;
  }
  if (kind === 'channels') {
    return scenario.channels[Number(key)]?.span;
  }
  if (kind === 'schedules') {
    return scenario.schedules?.find((s) => s.index === Number(key))?.span;
  }
  return undefined;
}

export function entryOfOrigin(scenario: Scenario, origin: Origin | null | undefined): TimelineEntry | undefined {
  if (!origin?.startsWith('timeline/')) {
    return undefined;
  }
  const index = Number(origin.slice('timeline/'.length));
  return scenario.timeline.find((e) => e.index === index);
}
