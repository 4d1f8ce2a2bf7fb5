// Table names as they are in HQ (and, for the async tables, in the channel database).

export const ASYNC_TABLES = [
  'RETAILASYNCCUSTOMERV2',
  'RETAILASYNCADDRESSV2',
  'RETAILASYNCCUSTOMERCONTACT',
  'RETAILASYNCCUSTOMERAFFILIATION',
  'RETAILASYNCCUSTOMERATTRIBUTEV2',
] as const;

export type AsyncTable = (typeof ASYNC_TABLES)[number];

/**
 * How many channel databases one scenario can simulate: each is an attached SQLite database, as
 * is HQ, and SQLite attaches at most 10.
 */
export const MAX_CHANNEL_DATABASES = 9;

/** Menu paths in the real HQ, quoted in remedies. */
export const MENU = {
  featureManagement: 'Workspaces > Feature management',
  distributionSchedule: 'Retail and Commerce > Retail and Commerce IT > Distribution schedule',
  batchJobs: 'System administration > Inquiries > Batch jobs',
  syncStatus: 'Retail and Commerce > Customers > Customer synchronization status',
  functionalityProfiles: 'Retail and Commerce > Channel setup > Online store setup > Functionality profiles',
  channelDatabase: 'Retail and Commerce > Headquarters setup > Commerce scheduler > Channel database',
  cdxSessions: 'Retail and Commerce > Inquiries and reports > Commerce Data Exchange > Download sessions / Upload sessions',
  channelSchema: 'Retail and Commerce > Headquarters setup > Commerce scheduler > Commerce channel schema',
  loyaltyCards: 'Retail and Commerce > Customers > Loyalty > Loyalty cards',
} as const;

/** Country/region codes HQ knows in the simulation (model: a small ISO 3166 alpha-3 subset). */
export const KNOWN_COUNTRY_REGIONS: readonly string[] = [
  'USA', 'CAN', 'MEX', 'GBR', 'IRL', 'FRA', 'DEU', 'NLD', 'BEL', 'LUX', 'DNK', 'SWE', 'NOR', 'FIN', 'ISL',
  'ESP', 'PRT', 'ITA', 'AUT', 'CHE', 'POL', 'CZE', 'EST', 'LVA', 'LTU', 'JPN', 'CHN', 'IND', 'AUS', 'NZL', 'BRA',
];

/** Customer groups HQ knows in the simulation (model: the demo data's retail groups). */
export const KNOWN_CUSTOMER_GROUPS: readonly string[] = ['10', '20', '30', '40', '80'];
export const DEFAULT_CUSTOMER_GROUP = '30';
