// HQ's Swedish terms as the FAQ prints them (DOMAIN.md, "Swedish product terms"), and the HQ
// labels whose Swedish names no source gives: Swedish messages quote those in English rather
// than invent a translation. README.md lists the same labels (a unit test checks it).
import type { FeatureId } from '../features';

export const SWEDISH_FEATURE_NAMES: Readonly<Record<FeatureId, string>> = {
  CustomerOrderPerformance: 'Prestandaförbättringar för kundorder och kundtransaktioner',
  EnhancedAsyncCustomerCreation: 'Aktivera utökat skapa asynkron kund',
  AsyncCustomerAddressCreation: 'Aktivera att skapa kundadresser asynkront',
  AsyncCustomerEditing: 'Aktivera redigering av kunder i asynkront läge',
};

export const SWEDISH_JOB_NAMES: Readonly<Record<string, string>> = {
  '1110': 'Global konfiguration',
  '1010': 'Kunder',
  '1070': 'Kanalkonfiguration',
};

export const SWEDISH_BATCH_JOB = 'Synkronisera kunder och kanalbegäranden';
export const SWEDISH_SYNC_STATUS_PAGE = 'Kundsynkroniseringsstatus';

/** Menu paths in Swedish where the FAQ prints them; any other path is quoted in English. */
export const SWEDISH_MENU_PATHS: Readonly<Record<string, string>> = {
  'Retail and Commerce > Customers > Customer synchronization status': 'Handel och detaljhandel > Kunder > Kundsynkroniseringsstatus',
};

/** HQ labels quoted in English in Swedish messages, because no source gives their Swedish names. */
export const UNTRANSLATED_LABELS: readonly string[] = [
  'Create customer in async mode',
  'Filter shared customer data tables',
  'Commerce channel schema',
  'Exclude from offline databases',
  'Distribution schedule',
  'Run now',
  'First name',
  'Last name',
  'Email',
  'Phone',
  'Title',
  'Customer group',
  'Street',
  'City',
  'ZIP/postal code',
  'Country/region',
  'Feature management',
  'Synchronize orders',
  'Create customer order in async mode',
  'Download sessions',
  'Upload sessions',
  'Initialize Commerce scheduler',
  'Workspaces > Feature management',
  'Retail and Commerce > Retail and Commerce IT > Distribution schedule',
  'System administration > Inquiries > Batch jobs',
  'Retail and Commerce > Channel setup > Online store setup > Functionality profiles',
  'Retail and Commerce > Headquarters setup > Commerce scheduler > Channel database',
  'Retail and Commerce > Headquarters setup > Commerce scheduler > Commerce channel schema',
  'Retail and Commerce > Inquiries and reports > Commerce Data Exchange > Download sessions / Upload sessions',
  'Retail and Commerce > Customers > Loyalty > Loyalty cards',
];

/** A label as a Swedish message shows it: the English label in quotes. */
export function quotedLabel(label: string): string {
  return `"${label}"`;
}
