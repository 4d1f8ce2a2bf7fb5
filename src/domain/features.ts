// The HQ features that govern asynchronous customer mode (Workspaces > Feature management).

export type FeatureId =
  | 'CustomerOrderPerformance'
  | 'EnhancedAsyncCustomerCreation'
  | 'AsyncCustomerAddressCreation'
  | 'AsyncCustomerEditing';

export interface Feature {
  readonly id: FeatureId;
  /** The exact English name shown in Feature management. */
  readonly name: string;
  /** Other names the docs use for the same feature. */
  readonly aliases: readonly string[];
  readonly since: string;
  readonly prerequisites: readonly FeatureId[];
  readonly summary: string;
}

export const FEATURES: readonly Feature[] = [
  {
    id: 'CustomerOrderPerformance',
    name: 'Performance improvements for customer orders and customer transactions',
    aliases: [],
    since: '10.0.28 (mandatory)',
    prerequisites: [],
    summary: 'Mandatory since 10.0.28; a prerequisite of asynchronous customer editing.',
  },
  {
    id: 'EnhancedAsyncCustomerCreation',
    name: 'Enable enhanced async customer creation',
    aliases: ['Enable enhanced asynchronous customer creation'],
    since: '10.0.24',
    prerequisites: [],
    summary: 'Captures title, affiliations, secondary phone and email for customers created asynchronously.',
  },
  {
    id: 'AsyncCustomerAddressCreation',
    name: 'Enable asynchronous creation for customer addresses',
    aliases: ['Enable the asynchronous creation for customer addresses'],
    since: '10.0.22',
    prerequisites: [],
    summary: 'Lets the channel create customer addresses without a real-time call to HQ.',
  },
  {
    id: 'AsyncCustomerEditing',
    name: 'Enable editing customers in asynchronous mode',
    aliases: [],
    since: '10.0.29',
    prerequisites: ['CustomerOrderPerformance', 'EnhancedAsyncCustomerCreation', 'AsyncCustomerAddressCreation'],
    summary: 'Lets the channel edit customers and addresses without a real-time call to HQ.',
  },
];

const byId = new Map<string, Feature>(FEATURES.map((f) => [f.id, f]));

export function featureById(id: FeatureId): Feature {
  const feature = byId.get(id);
  if (!feature) {
    throw new Error(`Unknown feature id ${id}`);
  }
  return feature;
}

/** Resolves a feature key as written in a scenario: our id or the exact English name (any documented spelling). */
export function resolveFeatureKey(key: string): FeatureId | undefined {
  if (byId.has(key)) {
    return key as FeatureId;
  }
  const wanted = key.trim().toLowerCase();
  for (const feature of FEATURES) {
    if (feature.name.toLowerCase() === wanted || feature.aliases.some((a) => a.toLowerCase() === wanted)) {
      return feature.id;
    }
  }
  return undefined;
}

/** All feature keys a scenario may use, for completion and "did you mean". */
export function knownFeatureKeys(): string[] {
  return FEATURES.flatMap((f) => [f.id, f.name, ...f.aliases]);
}
