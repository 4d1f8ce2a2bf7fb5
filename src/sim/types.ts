// What the simulation's actions take and answer: channel settings, POS input, outcomes.
import type { FeatureId } from '../domain/features';
import type { EditableField } from '../domain/fields';
import type { BatchJobId, CdxJobId } from '../domain/jobs';

export type ChannelKind = 'store' | 'online' | 'callCenter';

export interface ChannelConfig {
  readonly id: string;
  readonly kind: ChannelKind;
  readonly channelDatabase: string;
  readonly asyncCustomerCreation: boolean;
  readonly filterSharedCustomerDataTables: boolean;
  /** Functionality profile: Create customer order in async mode (default for createCustomerOrder's mode). */
  readonly asyncCustomerOrders?: boolean;
  readonly origin?: string;
}

export interface InitialFeature {
  readonly id: FeatureId;
  readonly enabled: boolean;
  readonly origin?: string;
}

/** A recurring run as set up in HQ: from `from + every` on, every `every` ms. */
export interface ScheduleConfig {
  readonly job: { readonly runJob: CdxJobId; readonly channelDatabase?: string } | { readonly runBatch: BatchJobId };
  readonly every: number;
  readonly from: number;
  readonly origin?: string;
}

export interface SimulationConfig {
  readonly start: number;
  readonly channels: readonly ChannelConfig[];
  readonly features: readonly InitialFeature[];
  /** How long the Commerce Scale Unit keeps serving old channel data after a download (model). */
  readonly csuCacheMs: number;
  /** The minor version N of HQ's Commerce version 10.0.N (default: the newest known). */
  readonly commerceVersion?: number;
  /** Recurring runs; undefined when the scenario says nothing about recurrence. */
  readonly schedules?: readonly ScheduleConfig[];
}

export interface AddressInput {
  readonly street?: string;
  readonly city?: string;
  readonly zip?: string;
  readonly countryRegion?: string;
}

export interface CustomerInput {
  readonly channel: string;
  readonly firstName?: string;
  readonly lastName?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly title?: string;
  readonly customerGroup?: string;
  readonly address?: AddressInput;
  readonly secondaryEmail?: string;
  readonly secondaryPhone?: string;
  readonly affiliations?: readonly string[];
  readonly attributes?: Readonly<Record<string, string>>;
  /** The POS is offline: the customer can only be created asynchronously. */
  readonly offline?: boolean;
  /** The real-time call fails with a communication error: the customer is created asynchronously. */
  readonly realtimeCallFails?: boolean;
}

/**
 * A customer as the scenario layer resolved a reference to it: the key it stands for (a
 * temporary id or an account number, or the reference itself when nothing was remembered).
 */
export interface CustomerRef {
  /** As the scenario wrote it: email, "First Last", temporary id or account number. */
  readonly reference: string;
  readonly key: string;
  /** Several customers of the scenario answer to the reference; `key` is the latest. */
  readonly ambiguous: boolean;
}

export interface CustomerEditInput {
  readonly channel: string;
  readonly customer: CustomerRef;
  readonly changes: Readonly<Partial<Record<EditableField, string>>>;
  readonly offline?: boolean;
}

export interface AddressCreateInput {
  readonly channel: string;
  readonly customer: CustomerRef;
  readonly address: AddressInput;
  readonly offline?: boolean;
}

/** A customer order or a cash-and-carry sale at a channel. */
export interface OrderInput {
  readonly channel: string;
  readonly customer: CustomerRef;
  /** Customer orders only: synchronous (a real-time call) or asynchronous (with the P-job); default from the channel. */
  readonly mode?: 'sync' | 'async';
}

export type OperationType = 'CustomerCreate' | 'CustomerUpdate' | 'AddressCreate';

/** The product's OPERATION column: 1 create, 2 update (3 deactivate is not simulated); an address is created. */
export const OPERATION_CODE: Readonly<Record<OperationType, number>> = { CustomerCreate: 1, CustomerUpdate: 2, AddressCreate: 1 };

/** Why the simulation, like HQ or POS, refused an action. Codes are stable; params fill messages. */
export type RefusalCode =
  | 'prerequisitesOff'
  | 'requiredByEnabledFeature'
  | 'featureNotInVersion'
  | 'mandatoryFeature'
  | 'mandatoryFeatureAtStart'
  | 'statusPageNeedsVersion'
  | 'orderNeedsSynchronizedCustomer'
  | 'loyaltyNeedsAccountNumber'
  | 'unknownChannel'
  | 'unknownChannelDatabase'
  | 'offlineCreationFiltered'
  | 'unknownCustomer'
  | 'pendingCustomerNeedsAsyncEditing'
  | 'pendingCustomerNeedsAsyncAddress'
  | 'offlineNeedsAsync'
  | 'offlineOnlineStore'
  | 'realtimeCallRejected'
  | 'unknownOperation'
  | 'operationNotFailed'
  | 'fieldNotInOperation'
  | 'accountNumberInUse';

export type Outcome =
  | { readonly ok: true; readonly summary: string; readonly key?: string }
  | { readonly ok: false; readonly code: RefusalCode; readonly params: Readonly<Record<string, string>> };

/** Thrown out of a long action when the replay it belongs to was cancelled; the action is rolled back. */
export class SimulationCancelled extends Error {
  constructor() {
    super('The replay was cancelled.');
  }
}
