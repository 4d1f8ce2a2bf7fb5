// The words of the pipeline picture in English and Swedish, kept with the picture so it can move
// as one piece; the editor picks the language (the setting asyncCustomerDoctor.language). No 'vscode' import here.
import type { Locale } from '../../domain/l10n';
import type { PipelineJobId, PipelineStageId } from '../../domain/pipeline';

type Translate = (message: string, ...args: (string | number)[]) => string;

export interface PipelineLabels {
  readonly title: string;
  readonly clock: (time: string) => string;
  readonly viewingEntry: (entry: number) => string;
  readonly backToNow: string;
  readonly lastGoodReplay: string;
  readonly created: (count: number) => string;
  readonly createdRealtime: (count: number) => string;
  readonly source: string;
  readonly noChannels: string;
  readonly stages: Readonly<Record<PipelineStageId, { readonly title: string; readonly detail: string }>>;
  readonly jobs: Readonly<Record<PipelineJobId, string>>;
  readonly allDatabases: string;
  readonly customers: (count: number) => string;
  readonly more: (count: number) => string;
  readonly neverRun: string;
  readonly lastRun: (time: string) => string;
  readonly atStart: (time: string) => string;
  readonly nextRun: (time: string) => string;
  readonly stale: (waiting: number) => string;
  readonly upToDate: string;
  readonly failedRun: (time: string, reason: string) => string;
  readonly showRows: string;
  readonly showFinding: string;
  readonly stageLabel: (stage: string, count: string, database?: string) => string;
  readonly noScenario: string;
  readonly failedToLoad: (reason: string) => string;
}

function labelsFrom(t: Translate): PipelineLabels {
  return {
    title: t('Customer pipeline'),
    clock: (time) => t('Simulated clock {0}', time),
    viewingEntry: (entry) => t('State after timeline entry {0}', entry),
    backToNow: t('Back to now'),
    lastGoodReplay: t('The file has a syntax error (see Problems): this is the last good replay.'),
    created: (count) => (count === 1 ? t('1 customer created asynchronously') : t('{0} customers created asynchronously', count)),
    createdRealtime: (count) => (count === 1 ? t('1 more created by a real-time call') : t('{0} more created by real-time calls', count)),
    source: t('POS or online store'),
    noChannels: t('No channels'),
    stages: {
      channelDatabase: { title: t('Channel database'), detail: t('async records not uploaded') },
      hqStaging: { title: t('HQ staging tables'), detail: t('ONLINEOPERATIONCOMPLETED = 0') },
      customerMaster: { title: t('Customer master'), detail: t('waiting for job 1010') },
      failed: { title: t('Failed operations'), detail: t('correct and synchronize') },
      backOnChannel: { title: t('Back on the channel'), detail: t('with the real account number') },
    },
    jobs: {
      'P-0001': t('P-job'),
      SynchronizeCustomersAndChannelRequests: t('Synchronize customers and channel requests'),
      '1010': t('Job 1010 (Customers)'),
    },
    allDatabases: t('all channel databases'),
    customers: (count) => (count === 1 ? t('1 customer') : t('{0} customers', count)),
    more: (count) => t('+{0} more', count),
    neverRun: t('never run'),
    lastRun: (time) => t('last run {0}', time),
    atStart: (time) => t('last run at start ({0})', time),
    nextRun: (time) => t('next run {0}', time),
    stale: (waiting) => (waiting === 1 ? t('stale: 1 customer waiting') : waiting === 0 ? t('stale: records waiting') : t('stale: {0} customers waiting', waiting)),
    upToDate: t('nothing waiting'),
    failedRun: (time, reason) => t('failed {0}: {1}', time, reason),
    showRows: t('Show the rows'),
    showFinding: t('Show the finding'),
    stageLabel: (stage, count, database) => (database ? t('{0} in {1}: {2}', stage, database, count) : t('{0}: {1}', stage, count)),
    noScenario: t('Open a scenario to see where its customers are.'),
    failedToLoad: (reason) => t('The pipeline could not be shown: {0}', reason),
  };
}

const SWEDISH: Readonly<Record<string, string>> = {
  'Customer pipeline': 'Kundflöde',
  'Simulated clock {0}': 'Simulerad klocka {0}',
  'State after timeline entry {0}': 'Läget efter tidslinjepost {0}',
  'Back to now': 'Tillbaka till nu',
  'The file has a syntax error (see Problems): this is the last good replay.': 'Filen har ett syntaxfel (se Problem): detta är den senaste lyckade uppspelningen.',
  '1 customer created asynchronously': '1 kund skapad asynkront',
  '{0} customers created asynchronously': '{0} kunder skapade asynkront',
  '1 more created by a real-time call': '1 till skapad med ett realtidsanrop',
  '{0} more created by real-time calls': '{0} till skapade med realtidsanrop',
  'POS or online store': 'Kassan (POS) eller e-handelskanalen',
  'No channels': 'Inga kanaler',
  'Channel database': 'Kanaldatabas',
  'async records not uploaded': 'asynkrona poster ej uppladdade',
  'HQ staging tables': 'Mellanlagringstabeller i HQ',
  'ONLINEOPERATIONCOMPLETED = 0': 'ONLINEOPERATIONCOMPLETED = 0',
  'Customer master': 'Kundregister',
  'waiting for job 1010': 'väntar på jobbet 1010',
  'Failed operations': 'Misslyckade åtgärder',
  'correct and synchronize': 'rätta och synkronisera',
  'Back on the channel': 'Tillbaka i kanalen',
  'with the real account number': 'med det riktiga kontonumret',
  'P-job': 'CDX P-jobbet',
  // The batch job's Swedish name as the FAQ prints it (DOMAIN.md, "Swedish product terms").
  'Synchronize customers and channel requests': 'Synkronisera kunder och kanalbegäranden',
  'Job 1010 (Customers)': 'Jobbet 1010 (Kunder)',
  'all channel databases': 'alla kanaldatabaser',
  '1 customer': '1 kund',
  '{0} customers': '{0} kunder',
  '+{0} more': '+{0} till',
  'never run': 'aldrig körd',
  'last run {0}': 'senast körd {0}',
  'last run at start ({0})': 'senast körd vid start ({0})',
  'next run {0}': 'nästa körning {0}',
  'stale: 1 customer waiting': 'inaktuell: 1 kund väntar',
  'stale: records waiting': 'inaktuell: poster väntar',
  'stale: {0} customers waiting': 'inaktuell: {0} kunder väntar',
  'nothing waiting': 'inget väntar',
  'failed {0}: {1}': 'misslyckades {0}: {1}',
  'Show the rows': 'Visa raderna',
  'Show the finding': 'Visa anmärkningen',
  '{0} in {1}: {2}': '{0} i {1}: {2}',
  '{0}: {1}': '{0}: {1}',
  'Open a scenario to see where its customers are.': 'Öppna ett scenario för att se var dess kunder är.',
  'The pipeline could not be shown: {0}': 'Kundflödet kunde inte visas: {0}',
};

function fill(message: string, args: readonly (string | number)[]): string {
  return message.replace(/\{(\d+)\}/g, (whole, index: string) => (Number(index) < args.length ? String(args[Number(index)]) : whole));
}

/** The labels in a language; a message without a Swedish translation stays English. */
export function pipelineLabels(locale: Locale, onMessage?: (message: string) => void): PipelineLabels {
  return labelsFrom((message, ...args) => {
    onMessage?.(message);
    return fill(locale === 'sv' ? (SWEDISH[message] ?? message) : message, args);
  });
}

export const englishLabels: PipelineLabels = pipelineLabels('en');

/** For the tests: whether a message has its Swedish translation. */
export function hasSwedish(message: string): boolean {
  return message in SWEDISH;
}
