// English messages. Every key here must exist in sv.ts too (the compiler checks).
import { FEATURES } from '../features';
import type { Params } from './index';
import { count, form } from './plural';

/** 'a|b|c' → 'a, b and c'. */
function listEn(joined: string | number | undefined): string {
  const items = String(joined ?? '').split('|').filter(Boolean);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** 'a=1|b=' → [['a', '1'], ['b', '']]: how rules pass lists of pairs to messages. */
export function pairsBy(joined: string | number | undefined, separator: string): [string, string][] {
  return String(joined ?? '')
    .split('|')
    .filter(Boolean)
    .map((item) => {
      const at = item.indexOf(separator);
      return at < 0 ? [item, ''] : [item.slice(0, at), item.slice(at + separator.length)];
    });
}

const pairs = (joined: string | number | undefined) => pairsBy(joined, '=');

/** 'email=|countryRegion=SWE' → "Email cleared|Country/region 'SWE'", each field by its label. */
export function fieldChanges(joined: string | number | undefined, cleared: string, label: (field: string) => string): string {
  return pairs(joined)
    .map(([field, value]) => (value === '' ? `${label(field)} ${cleared}` : `${label(field)} '${value}'`))
    .join('|');
}

/** The labels of the Customer synchronization status page for the fields of an operation. */
export const FIELD_LABELS: Readonly<Record<string, string>> = {
  firstName: 'First name',
  lastName: 'Last name',
  email: 'Email',
  phone: 'Phone',
  title: 'Title',
  customerGroup: 'Customer group',
  street: 'Street',
  city: 'City',
  zip: 'ZIP/postal code',
  countryRegion: 'Country/region',
};

const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
/** 'countryRegion|customerGroup' → 'Country/region and Customer group'. */
const fieldList = (joined: string | number | undefined) => listEn(String(joined ?? '').split('|').filter(Boolean).map(fieldLabel).join('|'));

/** 'RETAILASYNCCUSTOMERV2=2|RETAILASYNCADDRESSV2=1' → each count worded by `say`, '|'-joined. */
export function tableCounts(joined: string | number | undefined, say: (n: number, table: string) => string): string {
  return pairs(joined)
    .map(([table, n]) => say(Number(n), table))
    .join('|');
}

export function featureName(id: string | number | undefined): string {
  return FEATURES.find((f) => f.id === id)?.name ?? String(id);
}

const plural = (n: number | string | undefined, one: string, other: string) => count('en', n, one, other);
/** The word that agrees with n: 'is' or 'are', 'it' or 'them'. */
const agree = (n: number | string | undefined, one: string, other: string) => form('en', n, one, other);
/** 'A|B' (feature ids) → "'Name A' and 'Name B'". */
const quotedFeatures = (ids: string | number | undefined) => listEn(String(ids ?? '').split('|').filter(Boolean).map((id) => `'${featureName(id)}'`).join('|'));
const items = (joined: string | number | undefined) => String(joined ?? '').split('|').filter(Boolean).length;
const missingCount = (p: Params) => String(p.missing).split('|').filter(Boolean).length;
const jobCount = (p: Params) => String(p.jobs).split('|').filter(Boolean).length;

const features = (ids: string | number | undefined) => listEn(String(ids ?? '').split(',').map(featureName).join('|'));
const jobs = (p: Params) => `${agree(jobCount(p), 'job', 'jobs')} ${listEn(p.jobs)}`;
/** '1110|1070' → 'jobs 1110 (Global configuration) and 1070 (Channel configuration)'. */
const namedJobs = (p: Params) =>
  `${agree(jobCount(p), 'job', 'jobs')} ${listEn(String(p.jobs).split('|').filter(Boolean).map((id) => `${id} (${JOB_NAMES[id] ?? id})`).join('|'))}`;
const JOB_NAMES: Readonly<Record<string, string>> = { '1110': 'Global configuration', '1010': 'Customers', '1070': 'Channel configuration', 'P-0001': 'Channel transactions' };
const untilTheyRun = (p: Params) => agree(jobCount(p), 'Until it runs', 'Until they run');
/** 'POS at Store42', or 'The online store WebStore' for an online channel. */
const atChannel = (p: Params) => (p.kind === 'online' ? `The online store ${p.channel}` : `POS at ${p.channel}`);
const suggestion = (p: Params) => (p.suggestion ? ` Did you mean '${p.suggestion}'?` : '');

/** jsonc-parser's error codes in words. */
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'a word or character JSON cannot read (text goes in double quotes)',
  InvalidNumberFormat: 'malformed number',
  PropertyNameExpected: 'a key in double quotes expected',
  ValueExpected: 'value expected',
  ColonExpected: 'colon expected',
  CommaExpected: 'comma expected',
  CloseBraceExpected: 'closing brace } expected',
  CloseBracketExpected: 'closing bracket ] expected',
  EndOfFileExpected: "nothing may follow the scenario's closing brace",
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'comment not closed (*/ missing)',
  UnexpectedEndOfString: 'text not closed (closing double quote missing)',
  UnexpectedEndOfNumber: 'number cut off',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid character after a backslash',
  InvalidCharacter: 'a control character inside text',
};

export const en = {
  // ---- the file itself ----
  tooDeep: (p: Params) => `The file nests brackets more than ${p.max} levels deep; a scenario never needs that. Nothing was read.`,
  syntax: (p: Params) => `JSON syntax error: ${PARSE_ERRORS[String(p.code)] ?? 'text JSON cannot read'}.`,
  notAScenario: (p: Params) => `Not a scenario: the file is empty or not JSON; a scenario is a JSON object with at least one of ${p.keys}. Nothing was simulated.`,
  notAScenarioObject: (p: Params) => `Not a scenario: expected at least one of ${p.keys}. Nothing was simulated.`,
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

  // ---- the command line and the report ----
  'severity.error': () => 'error',
  'severity.warning': () => 'warning',
  'severity.information': () => 'information',
  'severity.hint': () => 'hint',
  'cli.inHq': () => 'in HQ',
  'cli.fix': () => 'fix',
  'cli.noFindings': () => 'no findings',
  'cli.directory': () => 'is a directory, not a scenario file',
  'cli.internalError': (p: Params) => `could not be analysed: an internal error in Async Customer Doctor (${p.error}); please report it with this file`,
  'console.empty': () => 'There is no SQL statement to run.',
  'console.several': (p: Params) => `The SQL console runs one statement at a time; this text has ${p.n}. Run them one by one.`,
  'console.pragma': () =>
    "PRAGMA statements are not run in the SQL console (SQLite applies their settings while compiling them). Read a pragma with its table-valued function instead, e.g. SELECT * FROM pragma_table_info('CUSTOMER').",
  'console.unknownDatabase': (p: Params) => `There is no database '${p.name}' in this scenario. Databases: ${p.known}.`,
  'console.axFromHq': (p: Params) => `ax. names a channel database's tables; run the statement against a channel database (${p.known}), not HQ.`,
  'console.readsOther': (p: Params) =>
    `This statement reads ${p.names ? `tables of ${p.names}` : "the simulation's own working tables"}; run against ${p.db}, a statement reads only ${p.db === 'HQ' ? "HQ's tables (dbo.)" : `${p.db}'s tables (ax.) and HQ's (dbo.)`}.${p.names ? ` Run it against ${p.names} to read those.` : ''}`,
  'console.connection': () => 'The SQL console is read-only: this statement would change the connection (ATTACH, DETACH, a transaction, VACUUM), so it was not run.',
  'console.queryOnlyOff': () => 'The statement turned off read-only mode (query_only); it was not run.',
  'console.write': (p: Params) => `The SQL console is read-only: SQLite refused the statement because it writes (${p.message}).`,
  'console.sqlite': (p: Params) => `SQLite: ${p.message}`,
  'console.timeout': (p: Params) => `The statement ran longer than its time budget (${p.seconds} s) and was stopped.`,
  'cli.query.refused': (p: Params) => `${p.db}: statement refused: ${p.message}`,
  'cli.query.stopped': (p: Params) => `${p.db}: statement stopped: ${p.message} (--timeout-ms ${p.ms})`,
  'cli.query.nothingSimulated': (p: Params) => `nothing was simulated, so there is nothing to query${p.why ? ` (${p.why})` : ''}`,
  'cli.query.rows': (p: Params) => `(${plural(p.n, 'row', 'rows')})`,
  'cli.query.truncated': (p: Params) => `(${p.n} rows shown: the result was truncated at the row limit of ${p.max})`,
  'cli.cannotRead': (p: Params) => `cannot read the file (${p.code})`,

  // ---- the FAQ ----
  'question.cannotEnableEditing': () => "Why can't I enable \"Enable editing customers in asynchronous mode\"?",
  'question.realtimeCallsContinue': () => 'Why do I still see real-time service calls after enabling it?',
  'question.customersMissingInHq': () => "Why doesn't HQ show customers created or updated in POS or e-commerce?",
  'question.whichOperationFailed': () => 'Which asynchronous operation failed, and how do I correct it?',

  'ACD001.cause': () => 'Prerequisite features are enabled',
  'ACD001.message': (p: Params) =>
    `'${featureName(p.feature)}' cannot be enabled: its prerequisite ${agree(missingCount(p), 'feature', 'features')} ${quotedFeatures(p.missing)} ${agree(missingCount(p), 'is off', 'are off')}${p.enabled ? ` (${quotedFeatures(p.enabled)} ${agree(items(p.enabled), 'is', 'are')} on)` : ''}. HQ refuses it until ${agree(missingCount(p), 'that is', 'they are')} enabled.`,
  'ACD001.remedy': (p: Params) =>
    `Turn on ${quotedFeatures(p.missing)} first, then 'Enable editing customers in asynchronous mode'.`,
  'ACD001.fix': (p: Params) => `Turn on ${quotedFeatures(p.missing)} first`,

  'ACD002.cause': () => 'Jobs 1110, 1010 and 1070 ran after the change',
  'ACD002.message': (p: Params) =>
    `Channel database ${p.db} still works from old metadata: ${change(p)} in HQ at ${p.at}${Number(p.more) > 0 ? ` (and ${plural(p.more, 'more change', 'more changes')})` : ''}, but ${jobs(p)} ${agree(jobCount(p), 'has', 'have')} not run for ${p.db} since.` +
    (Number(p.calls) > 0 ? ` Its channels made ${plural(p.calls, 'real-time call', 'real-time calls')} to HQ since the change.` : ` ${stillDoes(p)}`),
  'ACD002.remedy': (p: Params) => `Run ${namedJobs(p)} for channel database ${p.db} (Distribution schedule > Run now), then allow for the CSU cache.`,
  'ACD002.fix': (p: Params) => `Run ${jobs(p)} for ${p.db} after the change`,

  'ACD003.cause': () => 'The Commerce Scale Unit cache has expired',
  'ACD003.message': (p: Params) =>
    `The jobs have run for channel database ${p.db}, but the Commerce Scale Unit cache still serves the old value of ${cachedValues(p.what)} until ${p.until} (cache ${p.cache}): real-time calls can go on until then.`,
  'ACD003.remedy': (p: Params) => `Nothing is wrong in HQ: wait until ${p.until} for the CSU cache to expire, then try again in POS.`,
  'ACD003.fix': (p: Params) => `Advance the clock by ${p.duration}`,

  'ACD004.cause': () => 'The P-job uploaded the async records to HQ',
  'ACD004.message': (p: Params) =>
    `${operations(p)} at ${p.channel} ${agree(recordCount(p), 'is', 'are')} still in channel database ${p.db}${p.names ? ` (${listEn(p.names)})` : ''}: ` +
    (p.failedAt
      ? `the last run of the P-job for channel database ${p.db}, at ${p.failedAt}, failed: '${p.failure}' (see ACD011)`
      : p.lastRun
      ? `the P-job has not run for channel database ${p.db} since ${p.since} (its last run, at ${p.lastRun}, came before ${agree(recordCount(p), 'it was', 'they were')} written)`
      : `the P-job has never run for channel database ${p.db}`) +
    `, so HQ has not received ${agree(recordCount(p), 'it', 'them')}.`,
  'ACD004.remedy': (p: Params) =>
    `Run the P-job (P-0001 Channel transactions) for channel database ${p.db}, then the batch job Synchronize customers and channel requests; schedule both as recurring batch jobs.`,
  'ACD004.fix': (p: Params) => `Run the P-job for ${p.db}, then Synchronize customers and channel requests`,

  'ACD005.cause': () => 'The batch job processed the staged records',
  'ACD005.message': (p: Params) =>
    `${plural(p.n, 'customer operation', 'customer operations')} from ${p.channel}${p.names ? ` (${listEn(p.names)})` : ''} ${agree(p.n, 'waits', 'wait')} in the HQ staging tables with OnlineOperationCompleted = 0 (${listEn(tableCounts(p.rows, (n, table) => `${plural(n, 'row', 'rows')} in ${table}`))}): ` +
    (p.failedAt
      ? `the last run of the batch job Synchronize customers and channel requests, at ${p.failedAt}, failed: '${p.failure}' (see ACD011); ${agree(p.n, 'it was', 'they were')} uploaded at ${p.since}.`
      : p.lastRun
      ? `the batch job Synchronize customers and channel requests has not run since ${agree(p.n, 'it was', 'they were')} uploaded at ${p.since} (its last run, at ${p.lastRun}, came before the upload).`
      : `the batch job Synchronize customers and channel requests has never run (${agree(p.n, 'it was', 'they were')} uploaded at ${p.since}).`),
  'ACD005.remedy': () => 'Run the batch job Synchronize customers and channel requests, and schedule it as a recurring batch job.',
  'ACD005.fix': () => 'Run Synchronize customers and channel requests',

  'ACD006.cause': () => 'No asynchronous operation failed',
  'ACD006.message': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) failed in HQ: ${p.reason}` +
    (p.needs
      ? ` Correcting${p.fields ? ` ${fieldList(p.fields)}` : ''} and synchronizing it again needs the Customer synchronization status page, which exists from Commerce version ${p.needs}; HQ is on ${p.version}.`
      : p.fields
        ? ` Correct ${fieldList(p.fields)} on the Customer synchronization status page, Save, then Synchronize.`
        : ' Synchronize it again once the customer exists in HQ.'),
  'ACD006.messageAfterEdit': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) still fails after it was edited: ${p.reason}` +
    (p.fields ? ` Correct ${fieldList(p.fields)}, Save, then Synchronize.` : ' Synchronize it again once the customer exists in HQ.'),
  'ACD006.messageSaved': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) has its correction of ${fieldList(p.fields)} saved, but it has not been synchronized since: it still shows as failed until you choose Synchronize.`,
  'ACD006.messageCreationFailed': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) failed in HQ because the customer's creation, operation ${p.creation}, failed: correct and synchronize ${p.creation} first, then synchronize ${p.op}.`,
  'ACD006.remedy': (p: Params) =>
    p.op ? `Open the operation ${p.op}, Edit${p.fields ? ` ${fieldList(p.fields)}` : ''}, Save, then Synchronize.` : 'Open each failed operation, Edit, Save, then Synchronize.',
  'ACD006.messageObserved': (p: Params) =>
    `Operation ${p.op} (${opType(p.type)} for ${p.customer}, temporary id ${p.asyncId}, from ${p.channel}) failed in HQ with the last known error '${p.reason}'. Correct what it names on the Customer synchronization status page, Save, then Synchronize.`,
  'ACD006.fixObserved': (p: Params) => `Synchronize ${p.op} again (once it is corrected in HQ)`,
  'ACD006.remedyNeedsVersion': (p: Params) =>
    `Update Commerce headquarters to ${p.needs} or later (Lifecycle Services): HQ ${p.version} has no page to correct a failed operation and synchronize it again. Then open ${p.op ? `the operation ${p.op}` : 'each failed operation'} on the Customer synchronization status page${p.fields ? `, Edit ${fieldList(p.fields)}` : ''}, Save, then Synchronize.`,
  'ACD006.remedySaved': (p: Params) => `Open the operation ${p.op} and choose Synchronize: the correction is already saved.`,
  'ACD006.fixResync': (p: Params) => `Synchronize ${p.op} (the correction is saved)`,
  'ACD006.fix': (p: Params) =>
    withVersion(p, `Edit ${p.op} (${listEn(fieldChanges(p.changes, 'cleared', fieldLabel))}) and Synchronize`) + (p.guess ? `; ${p.guess} is a guess from the spelling: check it first` : ''),
  'ACD006.fixDependent': (p: Params) =>
    withVersion(p, p.creation ? `Correct and synchronize ${p.creation} first, then ${p.op}` : `Synchronize the customer's creation first, then ${p.op}`),
  'ACD006.more': (p: Params) => `${plural(p.n, 'more operation', 'more operations')} failed; see the Synchronization status view.`,

  'ACD007.cause': () => 'Account numbers are back on the channel (job 1010)',
  'ACD007.message': (p: Params) =>
    `${plural(p.n, 'customer', 'customers')} got ${agree(p.n, 'its account number', 'their account numbers')} in HQ (${listEn(p.accounts)}) but ${agree(p.n, 'is', 'are')} still Pending sync in channel database ${p.db}: ${p.failedAt ? `the last run of job 1010 (Customers) for ${p.db}, at ${p.failedAt}, failed: '${p.failure}' (see ACD011).` : `job 1010 (Customers) has not run for ${p.db} since.`} Loyalty cards cannot be issued to ${agree(p.n, 'the customer', 'them')} until it does.`,
  'ACD007.remedy': (p: Params) => `Run job 1010 (Customers) for channel database ${p.db}.`,
  'ACD007.fix': (p: Params) => `Run job 1010 for ${p.db}`,

  'ACD008.cause': () => 'Channels create and edit customers in async mode (functionality profile)',
  'ACD008.message': (p: Params) =>
    `${p.channel} made ${plural(p.calls, 'real-time call', 'real-time calls')} to HQ for customer operations since 'Enable editing customers in asynchronous mode' was enabled: its functionality profile has Create customer in async mode = No, so ` +
    (p.kind === 'online'
      ? 'the online store creates and edits customers by real-time calls whatever the features say. Caveat: the docs disagree for online stores: the functionality profile page (2024) calls Create customer in async mode a legacy setting for third-party e-commerce channels, not applicable to the Dynamics 365 e-commerce site, while the async customer mode article treats it as decisive.'
      : 'its POS creates and edits customers by real-time calls whatever the features say.'),
  'ACD008.remedy': (p: Params) => `Set Create customer in async mode to Yes in the functionality profile of ${p.channel}, then run jobs 1110, 1010 and 1070 for channel database ${p.db}.`,
  'ACD008.fix': (p: Params) => `Set Create customer in async mode = Yes for ${p.channel}, then run jobs 1110, 1010 and 1070 for ${p.db}`,

  'ACD106.cause': () => 'Every action was accepted',
  'ACD109.cause': () => 'Every customer reference names one customer',
  'ACD106.fixDisableDependents': (p: Params) => `Disable ${listEn(String(p.dependents).split(',').map((id) => `'${featureName(id)}'`).join('|'))} first`,
  'note.ambiguousCustomer': (p: Params) =>
    `'${p.customer}' refers to more than one customer in this scenario; the latest one (${p.used}) was used. Refer to it by its email or temporary id to be sure.`,
  'refused.prerequisitesOff': (p: Params) => `'${featureName(p.feature)}' cannot be enabled while ${features(p.missing)} ${agree(String(p.missing).split(',').length, 'is', 'are')} off.`,
  'refused.requiredByEnabledFeature': (p: Params) =>
    `HQ refuses to disable '${featureName(p.feature)}': ${features(p.dependents)} depends on it and is enabled. Disable ${features(p.dependents)} first.`,
  'refused.unknownChannel': (p: Params) => `Unknown channel '${p.channel}'.`,
  'refused.unknownChannelDatabase': (p: Params) => `Unknown channel database '${p.channelDatabase}'.`,
  'refused.offlineCreationFiltered': (p: Params) =>
    `POS at ${p.channel} cannot create customers offline: Filter shared customer data tables is Yes for channel database ${p.channelDatabase}.`,
  'refused.offlineCreationFiltered.remedy': (p: Params) =>
    `On the Commerce channel schema page, set Filter shared customer data tables to No for the channel database group of ${p.channelDatabase}, and clear Exclude from offline databases on job 1010 (Customers); then run job 1010 for ${p.channelDatabase}. Until then, create customers while POS is online.`,
  'refused.unknownCustomer': (p: Params) =>
    `Channel database ${p.channelDatabase} (${p.channel}) does not know the customer '${p.customer}'. Use the email, "First Last", the temporary id or the account number of a customer created earlier in this scenario (customers from another channel database arrive with job 1010).`,
  'refused.pendingCustomerNeedsAsyncEditing': (p: Params) =>
    `${atChannel(p)} cannot edit '${p.customer}': the customer is Pending sync, and without asynchronous editing the edit would need a real-time call to HQ, which does not know the customer yet.`,
  'refused.pendingCustomerNeedsAsyncAddress': (p: Params) =>
    `${atChannel(p)} cannot add an address to '${p.customer}': the customer is Pending sync, and without asynchronous address creation the address would need a real-time call to HQ.`,
  'refused.offlineOnlineStore': (p: Params) => `${p.channel} is an online store: only a POS works offline. Leave out "offline" for it.`,
  'refused.offlineNeedsAsync': (p: Params) => `POS at ${p.channel} is offline and this change of '${p.customer}' needs a real-time call to HQ.`,
  'refused.accountNumberInUse': (p: Params) =>
    `HQ already has customer account ${p.account} (${p.holder}): account numbers are unique, so ${p.customer} cannot have succeeded with it. Check the customer account in the export, or the entries that created ${p.holder}.`,
  'refused.realtimeCallRejected': (p: Params) =>
    `HQ rejected the real-time call ${p.operation} from ${p.channel}${p.customer ? ` for '${p.customer}'` : ''}: ${p.reason} ${p.kind === 'online' ? 'The online store' : 'POS'} shows the error and nothing is saved.`,
  'refused.unknownOperation': (p: Params) => `There is no asynchronous operation '${p.operation}' in HQ (it may not have been uploaded by the P-job yet).`,
  'refused.operationNotFailed': (p: Params) => `Operation ${p.operation} has status ${p.status}; only failed operations can be edited or synchronized again.`,
  'refused.fieldNotInOperation': (p: Params) => `Operation ${p.operation} has no ${fieldLabel(String(p.field))} to edit.`,

  // ---- version 2: versions, schedules, failed runs, orders and loyalty, channel database settings ----
  'v2.emptyFails': () => "'fails' is the message the failed run left; it must not be empty.",
  'v2.notOneOf': (p: Params) => `'${p.key}' must be one of ${p.allowed}, not '${p.value}'.`,
  'ACD011.cause': () => 'The last run of every job succeeded',
  'ACD011.message': (p: Params) =>
    `The last run of ${jobV2(p.job)} for channel database ${p.db} failed at ${p.at}: '${p.message}'. No later run succeeded, so ${p.kind === 'upload' ? 'the channel\'s records did not reach HQ' : 'its data did not reach the channel database'}.`,
  'ACD011.messageBatch': (p: Params) =>
    `The last run of the batch job ${jobV2(p.job)} failed at ${p.at}: '${p.message}'. No later run succeeded, so nothing staged since was processed.`,
  'ACD011.remedy': (p: Params) =>
    `Open the ${p.kind === 'upload' ? 'upload' : 'download'} sessions of ${p.db}, read the message, correct its cause, and run ${jobV2(p.job)} again (after an update, run Initialize Commerce scheduler first).`,
  'ACD011.remedyBatch': () => 'Open the batch job\'s history, read the message, correct its cause, and run the batch job again.',
  'ACD011.fix': (p: Params) => (p.db ? `Run ${jobV2(p.job)} again for ${p.db}` : `Run ${jobV2(p.job)} again`),
  'v2.scheduleTwoJobs': () => 'A schedule runs one job: give either "runJob" or "runBatch", not both. Put the other in a schedule of its own.',
  'v2.scheduleTooOften': (p: Params) => `'every' must be at least ${p.min} (HQ sets recurrence in minutes); '${p.value}' is shorter.`,
  'v2.tooManyScheduledRuns': (p: Params) =>
    `The schedules would run ${p.runs} times over this timeline; a scenario may make at most ${p.max} scheduled runs. Use a longer 'every' or a shorter timeline. Nothing was replayed.`,
  'ACD010.cause': () => 'The P-job, the batch job and job 1010 (Customers) run as recurring jobs',
  'ACD010.message': (p: Params) =>
    `${capital(jobV2(p.job))}${p.db ? ` for channel database ${p.db}` : ''} has no recurrence in "schedules": what it carries waits until someone runs it by hand. Schedule the P-job, Synchronize customers and channel requests and job 1010 (Customers) as recurring jobs, whatever the mode.`,
  'ACD010.remedy': (p: Params) =>
    p.job === 'SynchronizeCustomersAndChannelRequests'
      ? 'Open the batch job Synchronize customers and channel requests and set a recurrence (for example every 15 minutes).'
      : `Add ${jobV2(p.job)} to the Distribution schedule of ${p.db} with a recurrence (for example every 15 minutes).`,
  'ACD010.fix': (p: Params) => `Schedule ${jobV2(p.job)}${p.db ? ` for ${p.db}` : ''} every ${p.every}`,
  'ACD010.fixAll': (p: Params) => `Schedule ${agree(p.n, 'the missing pipeline job', `all ${p.n} missing pipeline jobs`)} every 15 minutes`,
  'v2.badVersion': (p: Params) =>
    `'commerceVersion' is a Commerce version "10.0.N" from 10.0.0 to ${p.max}, not '${p.value}'. Leave it out for the newest the tool knows (${p.newest}).`,
  'ACD009.cause': () => "HQ's Commerce version has the features",
  'ACD009.message': (p: Params) =>
    `'${featureName(featureId(p.feature))}' needs Commerce version ${p.needs} or later; HQ is on ${p.version}, where the feature is not in Feature management. It stays off.`,
  'ACD009.remedy': (p: Params) => `Update Commerce headquarters to ${p.needs} or later (Lifecycle Services), then enable the feature in Feature management.`,
  'ACD009.fix': (p: Params) => `Set commerceVersion to ${p.needs}`,
  'refused.featureNotInVersion': (p: Params) => `'${featureName(p.feature)}' does not exist in Commerce version ${p.version}; it needs ${p.needs}.`,
  'refused.mandatoryFeature': (p: Params) =>
    `HQ refuses to disable '${featureName(p.feature)}': the feature is mandatory from Commerce version ${p.from} (HQ is on ${p.version}), always on.`,
  'refused.mandatoryFeatureAtStart': (p: Params) =>
    `'${featureName(p.feature)}' is mandatory from Commerce version ${p.from} and always on (HQ is on ${p.version}): false at the start does not apply. Leave it out or set it to true.`,
  'refused.statusPageNeedsVersion': (p: Params) =>
    `The Customer synchronization status page exists from Commerce version ${p.needs}; HQ is on ${p.version}, so an operation cannot be edited or synchronized there.`,
  'question.ordersAndLoyalty': () => "Why can't I create a customer order or issue a loyalty card for this new customer? (beyond the FAQ)",
  'ACD012.cause': () => 'Synchronous customer orders are for synchronized customers',
  'ACD012.message': (p: Params) =>
    `POS at ${p.channel} cannot create a synchronous customer order for '${p.customer}': the customer was created asynchronously and its account number has not reached channel database ${p.db}. Still to run: ${stepsV2(p.steps)}.`,
  'ACD012.remedy': (p: Params) =>
    `Wait until the customer is synchronized (the P-job, Synchronize customers and channel requests, then job 1010), or set Create customer order in async mode to Yes in the functionality profile of ${p.channel}.`,
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
    `Filter shared customer data tables is a setting of channel database ${p.channelDatabase} (Commerce channel schema), not of one channel: ${p.channel} says ${yesNo(p.value)}, but ${p.by === 'channelDatabases' ? '"channelDatabases"' : p.by} says ${yesNo(p.applied)}, which applies to every channel of ${p.channelDatabase}.`,
};

export type MessageKey = keyof typeof en;

/** A fix that needs the Customer synchronization status page first sets the version that has it. */
function withVersion(p: Params, title: string): string {
  return p.needs ? `Set commerceVersion to ${p.needs}, then: ${title}` : title;
}

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
      return `'${featureName(p.subject)}' was enabled`;
    case 'featureDisabled':
      return `'${featureName(p.subject)}' was disabled`;
    case 'asyncModeOff':
      return `Create customer in async mode of ${p.subject} was changed from Yes to No`;
    case 'asyncModeOn':
      return `Create customer in async mode of ${p.subject} was changed from No to Yes`;
    default:
      return `the settings of channel ${p.subject} changed`;
  }
}

/** 'feature:AsyncCustomerEditing|asyncMode:Store42' → "'Enable editing …' and Create customer in async mode of Store42". */
function cachedValues(joined: string | number | undefined): string {
  return listEn(
    pairsBy(joined, ':')
      .map(([kind, subject]) => (kind === 'feature' ? `'${featureName(subject)}'` : `Create customer in async mode of ${subject}`))
      .join('|'),
  );
}

/** What the channel database still does until the jobs have run, after the change. */
function stillDoes(p: Params): string {
  switch (p.change) {
    case 'featureDisabled':
      return `${untilTheyRun(p)}, its channels keep working asynchronously from the old metadata, as if '${featureName(p.subject)}' were still enabled.`;
    case 'asyncModeOff':
      return `${untilTheyRun(p)}, ${p.subject} keeps creating customers asynchronously from its old metadata.`;
    case 'asyncModeOn':
      return `${untilTheyRun(p)}, ${p.subject} keeps creating customers by real-time calls from its old metadata.`;
    default:
      return `${untilTheyRun(p)}, its channels keep making real-time calls for customer operations.`;
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

function recordCount(p: Params): number {
  return Number(p.creates) + Number(p.updates) + Number(p.addresses);
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

/** 'true' / 'false' as HQ shows a Yes/No field. */
function yesNo(value: string | number | undefined): string {
  return value === 'true' ? 'Yes' : value === 'false' ? 'No' : String(value);
}

/** A feature given by its id or its English name → its id. */
function featureId(feature: string | number | undefined): string {
  return FEATURES.find((f) => f.name === feature || f.id === feature)?.id ?? String(feature);
}

/** 'P-0001,SynchronizeCustomersAndChannelRequests,1010' → "the P-job, Synchronize customers and channel requests and job 1010". */
function stepsV2(steps: string | number | undefined): string {
  return listEn(String(steps ?? '').split(',').filter(Boolean).map(jobV2).join('|'));
}

/** The text with its first letter in upper case, to begin a sentence. */
function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
