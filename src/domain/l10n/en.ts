// English messages. Every key here must exist in sv.ts too (the compiler checks).
import { FEATURES } from '../features';
import type { Params } from './index';

/** 'a|b|c' → 'a, b and c'. */
function listEn(joined: string | number | undefined): string {
  const items = String(joined ?? '').split('|').filter(Boolean);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 'a=1|b=' → [['a', '1'], ['b', '']]: how rules pass lists of pairs to messages. */
function pairs(joined: string | number | undefined): [string, string][] {
  return String(joined ?? '')
    .split('|')
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf('=');
      return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + 1)];
    });
}

/** 'email=|countryRegion=SWE' → "email cleared|countryRegion 'SWE'". */
export function fieldChanges(joined: string | number | undefined, cleared: string): string {
  return pairs(joined)
    .map(([field, value]) => (value === '' ? `${field} ${cleared}` : `${field} '${value}'`))
    .join('|');
}

/** 'RETAILASYNCCUSTOMERV2=2|RETAILASYNCADDRESSV2=1' → each count worded by `say`, '|'-joined. */
export function tableCounts(joined: string | number | undefined, say: (n: number, table: string) => string): string {
  return pairs(joined)
    .map(([table, n]) => say(Number(n), table))
    .join('|');
}

export function featureName(id: string | number | undefined): string {
  return FEATURES.find((f) => f.id === id)?.name ?? String(id);
}

function plural(n: number | string | undefined, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

const features = (ids: string | number | undefined) => listEn(String(ids ?? '').split(',').map(featureName).join('|'));
const jobs = (p: Params) => `${Number(String(p.jobs).split('|').length) === 1 ? 'job' : 'jobs'} ${listEn(p.jobs)}`;
const suggestion = (p: Params) => (p.suggestion ? ` Did you mean '${p.suggestion}'?` : '');

export const en = {
  // ---- the file itself ----
  tooDeep: (p: Params) => `The file nests brackets more than ${p.max} levels deep; a scenario never needs that. Nothing was read.`,
  syntax: (p: Params) => `JSON syntax error: ${p.detail}.`,
  notAScenario: () => 'This file is empty or not JSON: a scenario is an object with "features", "channels" and "timeline".',
  wrongType: (p: Params) => `'${p.key}' must be ${p.expected === 'object' || p.expected === 'array' ? 'an' : 'a'} ${p.expected}, not ${p.actual}.`,
  duplicateKey: (p: Params) => `'${p.key}' is given twice; only the first counts.`,
  duplicateChannel: (p: Params) => `Channel '${p.channel}' is defined twice.`,
  tooManyChannelDatabases: (p: Params) =>
    `Channel '${p.channel}' would add channel database '${p.channelDatabase}', but a scenario simulates at most ${p.max} channel databases. Put it in one of ${p.known}; the channel is left out.`,
  twoActions: (p: Params) => `A timeline entry holds one action; '${p.second}' comes after '${p.first}'. Put it in an entry of its own.`,
  noAction: (p: Params) => `This timeline entry has no action. Use one of: ${p.actions}.`,
  keyNotForAction: (p: Params) => `'${p.key}' does not apply to '${p.action}'.`,
  countOutOfRange: (p: Params) => `'count' must be a whole number from 1 to ${p.max}.`,
  noChannels: () => 'There is no channel to create customers at: add one under "channels".',
  nothingToEdit: (p: Params) => `Nothing to change: give at least one of ${p.fields}.`,
  missingKey: (p: Params) => `'${p.where}' needs '${p.key}'.`,
  badInstant: (p: Params) => `'${p.key}' must be an ISO-8601 date and time with a zone, e.g. 2026-11-01T09:00:00Z, not '${p.value}'.`,
  badDuration: (p: Params) => `'${p.key}' must be an ISO-8601 duration such as PT10M, PT2H or P1D, not '${p.value}'.`,
  unknownKey: (p: Params) => `Unknown key '${p.key}' in ${p.where}.${suggestion(p)}`,
  unknownId: (p: Params) => `Unknown ${idKind(p.kind)} '${p.value}'.${suggestion(p)} Known: ${p.known || 'none'}.`,
  fixQuote: (p: Params) => `Write ${p.value} as a string: "${p.value}"`,
  fixReplace: (p: Params) => `Change '${p.from}' to '${p.to}'`,
  fixRemoveKey: (p: Params) => `Remove '${p.key}'`,
  timeBackwards: (p: Params) => `This entry is at ${p.at}, before the simulated clock (${p.clock}): time cannot go backwards. It is applied at ${p.clock}.`,
  fixRemoveAt: () => `Remove "at" (the entry happens at the current clock)`,
  tooLarge: (p: Params) =>
    `This scenario has ${p.size} characters, more than the ${p.max} the editor replays (setting asyncCustomerDoctor.limits.maxScenarioCharacters). Nothing was simulated.`,
  tooManyActions: (p: Params) =>
    `This scenario is larger than the limits (${p.entries} of at most ${p.maxEntries} timeline entries, ${p.generated} of at most ${p.maxGenerated} generated customers; settings asyncCustomerDoctor.limits.*). Nothing was simulated.`,
  beyondMemoryBudget: (p: Params) =>
    `Replaying this scenario would need about ${p.estimate} MB (${p.customers} customers), more than the memory budget of ${p.budget} MB (setting asyncCustomerDoctor.limits.memoryBudgetMB). Nothing was simulated.`,

  // ---- the FAQ ----
  'question.cannotEnableEditing': () => "Why can't I enable \"Enable editing customers in asynchronous mode\"?",
  'question.realtimeCallsContinue': () => 'Why do I still see real-time service calls after enabling it?',
  'question.customersMissingInHq': () => "Why doesn't HQ show customers created or updated in POS or e-commerce?",
  'question.whichOperationFailed': () => 'Which asynchronous operation failed, and how do I correct it?',

  'ACD001.cause': () => 'Prerequisite features are enabled',
  'ACD001.message': (p: Params) =>
    `'${p.feature}' cannot be enabled: its prerequisite ${String(p.missing).includes('|') ? 'features' : 'feature'} ${listEn(p.missing)} ${String(p.missing).includes('|') ? 'are off. HQ refuses it until they are' : 'is off. HQ refuses it until that is'} enabled.`,
  'ACD001.remedy': (p: Params) =>
    `Turn on ${listEn(p.missing)} first${String(p.missing).includes('|') ? ', in that order' : ''}, then 'Enable editing customers in asynchronous mode'.`,
  'ACD001.fix': (p: Params) => `Turn on ${listEn(p.missing)} first`,

  'ACD002.cause': () => 'Jobs 1110, 1010 and 1070 ran after the change',
  'ACD002.message': (p: Params) =>
    `Channel database ${p.db} still works from old metadata: ${change(p)} in HQ at ${p.at}${Number(p.more) > 0 ? ` (and ${plural(p.more, 'more change', 'more changes')})` : ''}, but ${jobs(p)} ${String(p.jobs).includes('|') ? 'have' : 'has'} not run for ${p.db} since.` +
    (Number(p.calls) > 0 ? ` Its channels made ${plural(p.calls, 'real-time call', 'real-time calls')} to HQ since the change.` : ' Until they run, its channels may keep making real-time calls for customer operations.'),
  'ACD002.remedy': (p: Params) => `Run ${jobs(p)} for channel database ${p.db} (Distribution schedule > Run now), then allow for the CSU cache.`,
  'ACD002.fix': (p: Params) => `Run ${jobs(p)} for ${p.db} after the change`,

  'ACD003.cause': () => 'The Commerce Scale Unit cache has expired',
  'ACD003.message': (p: Params) =>
    `The jobs have run for channel database ${p.db}, but the Commerce Scale Unit cache still serves the old value of ${listEn(p.what)} until ${p.until} (cache ${p.cache}): real-time calls can go on until then.`,
  'ACD003.remedy': (p: Params) => `Nothing is wrong in HQ: wait until ${p.until} for the CSU cache to expire, then try again in POS.`,
  'ACD003.fix': (p: Params) => `Advance the clock by ${p.duration}`,

  'ACD004.cause': () => 'The P-job uploaded the async records to HQ',
  'ACD004.message': (p: Params) =>
    `${operations(p)} at ${p.channel} ${pendingVerb(p)} still in channel database ${p.db}${p.names ? ` (${listEn(p.names)})` : ''}: the P-job has not run for channel database ${p.db} since ${p.since}` +
    `${p.lastRun ? ` (its last run, at ${p.lastRun}, came before they were written)` : ''}, so HQ has not received them.`,
  'ACD004.remedy': (p: Params) =>
    `Run the P-job (P-0001) for channel database ${p.db}, then the batch job Synchronize customers and channel requests; schedule both as recurring batch jobs.`,
  'ACD004.fix': (p: Params) => `Run the P-job for ${p.db}, then Synchronize customers and channel requests`,

  'ACD005.cause': () => 'The batch job processed the staged records',
  'ACD005.message': (p: Params) =>
    `${plural(p.n, 'customer operation', 'customer operations')} from ${p.channel}${p.names ? ` (${listEn(p.names)})` : ''} ${Number(p.n) === 1 ? 'waits' : 'wait'} in the HQ staging tables with OnlineOperationCompleted = 0 (${listEn(tableCounts(p.rows, (n, table) => `${plural(n, 'row', 'rows')} in ${table}`))}): ` +
    `the batch job Synchronize customers and channel requests has not run since they were uploaded at ${p.since}${p.lastRun ? ` (its last run, at ${p.lastRun}, came before the upload)` : ' (it has never run)'}.`,
  'ACD005.remedy': () => 'Run the batch job Synchronize customers and channel requests, and schedule it as a recurring batch job.',
  'ACD005.fix': () => 'Run Synchronize customers and channel requests',

  'ACD006.cause': () => 'No asynchronous operation failed',
  'ACD006.message': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) failed in HQ: ${p.reason}` +
    (p.fields ? ` Correct ${listEn(p.fields)} on the Customer synchronization status page, Save, then Synchronize.` : ' Synchronize it again once the customer exists in HQ.'),
  'ACD006.messageAfterEdit': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) still fails after it was edited: ${p.reason}` +
    (p.fields ? ` Correct ${listEn(p.fields)}, Save, then Synchronize.` : ' Synchronize it again once the customer exists in HQ.'),
  'ACD006.remedy': (p: Params) =>
    p.op ? `Open the operation ${p.op}, Edit${p.fields ? ` ${listEn(p.fields)}` : ''}, Save, then Synchronize.` : 'Open each failed operation, Edit, Save, then Synchronize.',
  'ACD006.fix': (p: Params) => `Edit ${p.op} (${listEn(fieldChanges(p.changes, 'cleared'))}) and Synchronize`,
  'ACD006.fixDependent': (p: Params) => `Synchronize the customer's creation first, then ${p.op}`,
  'ACD006.more': (p: Params) => `${plural(p.n, 'more operation', 'more operations')} failed; see the Synchronization status view.`,

  'ACD007.cause': () => 'Account numbers are back on the channel (job 1010)',
  'ACD007.message': (p: Params) =>
    `${plural(p.n, 'customer', 'customers')} got ${Number(p.n) === 1 ? 'its account number' : 'their account numbers'} in HQ (${listEn(p.accounts)}) but ${Number(p.n) === 1 ? 'is' : 'are'} still Pending sync in channel database ${p.db}: job 1010 has not run for ${p.db} since. Loyalty cards cannot be issued to ${Number(p.n) === 1 ? 'it' : 'them'} until it does.`,
  'ACD007.remedy': (p: Params) => `Run job 1010 (Customers) for channel database ${p.db}.`,
  'ACD007.fix': (p: Params) => `Run job 1010 for ${p.db}`,

  'ACD008.cause': () => 'Channels create and edit customers in async mode (functionality profile)',
  'ACD008.message': (p: Params) =>
    `${p.channel} made ${plural(p.calls, 'real-time call', 'real-time calls')} to HQ for customer operations since 'Enable editing customers in asynchronous mode' was enabled: its functionality profile has Create customer in async mode = No, so its POS creates and edits customers by real-time calls whatever the features say.`,
  'ACD008.remedy': (p: Params) => `Set Create customer in async mode to Yes in the functionality profile of ${p.channel}, then run jobs 1110, 1010 and 1070 for channel database ${p.db}.`,
  'ACD008.fix': (p: Params) => `Set Create customer in async mode = Yes for ${p.channel}, then run jobs 1110, 1010 and 1070 for ${p.db}`,

  'ACD106.cause': () => 'Every action was accepted',
  'ACD109.cause': () => 'Every customer reference names one customer',
  'ACD106.fixDisableDependents': (p: Params) => `Disable ${listEn(String(p.dependents).split(',').map((id) => `'${featureName(id)}'`).join('|'))} first`,
  'note.ambiguousCustomer': (p: Params) =>
    `'${p.customer}' refers to more than one customer in this scenario; the latest one (${p.used}) was used. Refer to it by its email or temporary id to be sure.`,
  'refused.prerequisitesOff': (p: Params) => `'${featureName(p.feature)}' cannot be enabled while ${features(p.missing)} ${String(p.missing).includes(',') ? 'are' : 'is'} off.`,
  'refused.requiredByEnabledFeature': (p: Params) =>
    `HQ refuses to disable '${featureName(p.feature)}': ${features(p.dependents)} depends on it and is enabled. Disable that first.`,
  'refused.unknownChannel': (p: Params) => `Unknown channel '${p.channel}'.`,
  'refused.unknownChannelDatabase': (p: Params) => `Unknown channel database '${p.channelDatabase}'.`,
  'refused.offlineCreationFiltered': (p: Params) =>
    `POS at ${p.channel} cannot create customers offline: Filter shared customer data tables is Yes for channel database ${p.channelDatabase}.`,
  'refused.unknownCustomer': (p: Params) =>
    `Channel database ${p.channelDatabase} (${p.channel}) does not know the customer '${p.customer}'. Use the email, "First Last", the temporary id or the account number of a customer created earlier in this scenario (customers from another channel database arrive with job 1010).`,
  'refused.pendingCustomerNeedsAsyncEditing': (p: Params) =>
    `POS at ${p.channel} cannot edit '${p.customer}': the customer is Pending sync, and without asynchronous editing the edit would need a real-time call to HQ, which does not know the customer yet.`,
  'refused.pendingCustomerNeedsAsyncAddress': (p: Params) =>
    `POS at ${p.channel} cannot add an address to '${p.customer}': the customer is Pending sync, and without asynchronous address creation the address would need a real-time call to HQ.`,
  'refused.offlineOnlineStore': (p: Params) => `${p.channel} is an online store: only a POS works offline. Leave out "offline" for it.`,
  'refused.offlineNeedsAsync': (p: Params) => `POS at ${p.channel} is offline and this change of '${p.customer}' needs a real-time call to HQ.`,
  'refused.realtimeCallRejected': (p: Params) =>
    `HQ rejected the real-time call ${p.operation} from ${p.channel}${p.customer ? ` for '${p.customer}'` : ''}: ${p.reason} POS shows the error and nothing is saved.`,
  'refused.unknownOperation': (p: Params) => `There is no asynchronous operation '${p.operation}' in HQ (it may not have been uploaded by the P-job yet).`,
  'refused.operationNotFailed': (p: Params) => `Operation ${p.operation} has status ${p.status}; only failed operations can be edited or synchronized again.`,
  'refused.fieldNotInOperation': (p: Params) => `Operation ${p.operation} has no ${p.field} to edit.`,

  // ---- version 2: versions, schedules, failed runs, orders and loyalty, channel database settings ----
  'v2.emptyFails': () => "'fails' is the message the failed run left; it must not be empty.",
  'ACD011.cause': () => 'The last run of every job succeeded',
  'ACD011.message': (p: Params) =>
    `The last run of ${p.job === 'P-0001' ? 'the P-job' : `job ${p.job}`} for channel database ${p.db} failed at ${p.at}: '${p.message}'. No later run succeeded, so ${p.kind === 'upload' ? 'the channel\'s records did not reach HQ' : 'its data did not reach the channel database'}.`,
  'ACD011.messageBatch': (p: Params) =>
    `The last run of the batch job ${p.job === 'SynchronizeOrders' ? 'Synchronize orders' : 'Synchronize customers and channel requests'} failed at ${p.at}: '${p.message}'. No later run succeeded, so nothing staged since was processed.`,
  'ACD011.remedy': (p: Params) =>
    `Open the ${p.kind === 'upload' ? 'upload' : 'download'} sessions of ${p.db}, read the message, correct its cause, and run ${p.job} again (after an update, run Initialize Commerce scheduler first).`,
  'ACD011.remedyBatch': () => 'Open the batch job\'s history, read the message, correct its cause, and run the batch job again.',
  'ACD011.fix': (p: Params) => (p.db ? `Run ${p.job} again for ${p.db}` : `Run ${p.job} again`),
  'v2.scheduleTwoJobs': () => 'A schedule runs one job: give either runJob or runBatch, not both. Put the other in a schedule of its own.',
  'v2.scheduleTooOften': (p: Params) => `'every' must be at least ${p.min} (HQ sets recurrence in minutes); '${p.value}' is shorter.`,
  'v2.tooManyScheduledRuns': (p: Params) =>
    `The schedules would run ${p.runs} times over this timeline; a scenario may make at most ${p.max} scheduled runs. Use a longer 'every' or a shorter timeline. Nothing was replayed.`,
  'ACD010.cause': () => 'The P-job, the batch job and 1010 run as recurring jobs',
  'ACD010.message': (p: Params) =>
    `${jobV2(p.job)}${p.db ? ` for channel database ${p.db}` : ''} has no recurrence in "schedules": what it carries waits until someone runs it by hand. Schedule the P-job, Synchronize customers and channel requests and 1010 as recurring jobs, whatever the mode.`,
  'ACD010.remedy': (p: Params) =>
    p.job === 'SynchronizeCustomersAndChannelRequests'
      ? 'Open the batch job Synchronize customers and channel requests and set a recurrence (for example every 15 minutes).'
      : `Add ${jobV2(p.job)} to the distribution schedule of ${p.db} with a recurrence (for example every 15 minutes).`,
  'ACD010.fix': (p: Params) => `Schedule ${jobV2(p.job)}${p.db ? ` for ${p.db}` : ''} every ${p.every}`,
  'ACD010.fixAll': (p: Params) => `Schedule all ${p.n} missing pipeline jobs every 15 minutes`,
  'v2.badVersion': (p: Params) =>
    `'commerceVersion' is a Commerce version "10.0.N" from 10.0.0 to ${p.max}, not '${p.value}'. Leave it out for the newest the tool knows (${p.newest}).`,
  'ACD009.cause': () => "HQ's Commerce version has the features",
  'ACD009.message': (p: Params) =>
    `'${p.feature}' needs Commerce version ${p.needs} or later; HQ is on ${p.version}, where the feature is not in Feature management. It stays off.`,
  'ACD009.remedy': (p: Params) => `Update Commerce headquarters to ${p.needs} or later (Lifecycle Services), then enable the feature in Feature management.`,
  'ACD009.fix': (p: Params) => `Set commerceVersion to ${p.needs}`,
  'refused.featureNotInVersion': (p: Params) => `'${featureName(p.feature)}' does not exist in Commerce version ${p.version}; it needs ${p.needs}.`,
  'refused.mandatoryFeature': (p: Params) =>
    `HQ refuses to disable '${featureName(p.feature)}': the feature is mandatory from Commerce version ${p.from} (HQ is on ${p.version}), always on.`,
  'refused.statusPageNeedsVersion': (p: Params) =>
    `The Customer synchronization status page exists from Commerce version ${p.needs}; HQ is on ${p.version}, so an operation cannot be edited or synchronized there.`,
  'question.ordersAndLoyalty': () => "Why can't I create a customer order or issue a loyalty card for this new customer? (beyond the FAQ)",
  'ACD012.cause': () => 'Synchronous customer orders are for synchronized customers',
  'ACD012.message': (p: Params) =>
    `POS at ${p.channel} cannot create a synchronous customer order for '${p.customer}': the customer was created asynchronously and its account number has not reached channel database ${p.db}. Still to run: ${stepsV2(p.steps)}.`,
  'ACD012.remedy': (p: Params) =>
    `Wait until the customer is synchronized (the P-job, Synchronize customers and channel requests, then 1010), or set Create customer order in async mode to Yes in the functionality profile of ${p.channel}.`,
  'ACD012.fix': (p: Params) => `Run ${stepsV2(p.steps)} for ${p.db} before the order`,
  'ACD012.fixAsync': () => 'Create the order in async mode instead',
  'ACD013.cause': () => 'Loyalty cards are issued to customers with an account number on the channel',
  'ACD013.message': (p: Params) =>
    `POS at ${p.channel} cannot issue a loyalty card to '${p.customer}': the customer is Pending sync, with no real account number in channel database ${p.db} yet. Still to run: ${stepsV2(p.steps)}.`,
  'ACD013.remedy': (p: Params) => `Run ${stepsV2(p.steps)} for ${p.db}, then issue the card.`,
  'ACD013.fix': (p: Params) => `Run ${stepsV2(p.steps)} for ${p.db} before issuing the card`,
  'refused.orderNeedsSynchronizedCustomer': (p: Params) => `POS at ${p.channel} cannot create a synchronous customer order for '${p.customer}' before it is synchronized.`,
  'refused.loyaltyNeedsAccountNumber': (p: Params) => `POS at ${p.channel} cannot issue a loyalty card to '${p.customer}' before its account number reaches the channel.`,
  'v2.filterDisagrees': (p: Params) =>
    `Filter shared customer data tables is a setting of channel database ${p.channelDatabase} (Commerce channel schema), not of one channel: ${p.channel} says ${p.value}, but ${p.by === 'channelDatabases' ? '"channelDatabases"' : p.by} says ${p.applied}, which applies to every channel of ${p.channelDatabase}.`,
};

export type MessageKey = keyof typeof en;

function idKind(kind: string | number | undefined): string {
  switch (kind) {
    case 'feature':
      return 'feature';
    case 'job':
      return 'CDX job';
    case 'batchJob':
      return 'batch job';
    case 'channelDatabase':
      return 'channel database';
    case 'channelKind':
      return 'channel kind';
    default:
      return String(kind);
  }
}

function change(p: Params): string {
  switch (p.change) {
    case 'featureEnabled':
      return `'${p.subject}' was enabled`;
    case 'featureDisabled':
      return `'${p.subject}' was disabled`;
    default:
      return `the settings of channel ${p.subject} changed`;
  }
}

function opType(type: string | number | undefined): string {
  switch (type) {
    case 'CustomerCreate':
      return 'create customer';
    case 'CustomerUpdate':
      return 'edit customer';
    case 'AddressCreate':
      return 'create address';
    default:
      return String(type);
  }
}

function operations(p: Params): string {
  const parts: string[] = [];
  if (Number(p.creates) > 0) parts.push(plural(p.creates, 'customer created', 'customers created'));
  if (Number(p.updates) > 0) parts.push(plural(p.updates, 'customer edit', 'customer edits'));
  if (Number(p.addresses) > 0) parts.push(plural(p.addresses, 'new address', 'new addresses'));
  return listEn(parts.join('|'));
}

function pendingVerb(p: Params): string {
  return Number(p.creates) + Number(p.updates) + Number(p.addresses) === 1 ? 'is' : 'are';
}

/** A job id of version 2's messages: the batch jobs by their HQ names. */
function jobV2(job: string | number | undefined): string {
  switch (job) {
    case 'SynchronizeCustomersAndChannelRequests':
      return 'Synchronize customers and channel requests';
    case 'SynchronizeOrders':
      return 'Synchronize orders';
    case 'P-0001':
      return 'the P-job';
    default:
      return `job ${String(job)}`;
  }
}

/** 'P-0001,SynchronizeCustomersAndChannelRequests,1010' → "the P-job, Synchronize customers and channel requests and job 1010". */
function stepsV2(steps: string | number | undefined): string {
  return listEn(String(steps ?? '').split(',').filter(Boolean).map(jobV2).join('|'));
}
