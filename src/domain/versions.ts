// Commerce versions (10.0.N): which feature exists from which version, what is mandatory, and
// when the Customer synchronization status page came (DOMAIN.md, "Commerce versions").
import type { FeatureId } from './features';

/** The minor version N of "10.0.N". */
export type CommerceVersion = number;

/** The newest version the tool knows about: every feature and the status page exist. */
export const NEWEST_KNOWN_VERSION: CommerceVersion = 31;

/** The highest minor version a scenario may name. */
export const MAX_VERSION: CommerceVersion = 99;

/** The version a feature first exists in Feature management; the performance feature predates the others (model). */
const FEATURE_SINCE: Readonly<Record<FeatureId, CommerceVersion>> = {
  CustomerOrderPerformance: 0,
  AsyncCustomerAddressCreation: 22,
  EnhancedAsyncCustomerCreation: 24,
  AsyncCustomerEditing: 29,
};

/** Performance improvements for customer orders and customer transactions is mandatory (always on) from 10.0.28. */
export const MANDATORY_FROM: Readonly<Partial<Record<FeatureId, CommerceVersion>>> = { CustomerOrderPerformance: 28 };

/** The Customer synchronization status page (auditing of async customer operations) exists from 10.0.31. */
export const STATUS_PAGE_FROM: CommerceVersion = 31;

export function featureSince(id: FeatureId): CommerceVersion {
  return FEATURE_SINCE[id];
}

export function isMandatory(id: FeatureId, version: CommerceVersion): boolean {
  const from = MANDATORY_FROM[id];
  return from !== undefined && version >= from;
}

/** "10.0.29" → 29; anything else → undefined. */
export function parseCommerceVersion(text: string): CommerceVersion | undefined {
  const match = /^10\.0\.(\d{1,2})$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

export function formatVersion(version: CommerceVersion): string {
  return `10.0.${version}`;
}
