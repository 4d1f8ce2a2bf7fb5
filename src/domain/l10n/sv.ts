// Svenska meddelanden med produktens svenska termer så som FAQ:n trycker dem (DOMAIN.md,
// "Swedish product terms"). HQ-etiketter vars svenska namn ingen källa ger citeras på engelska
// (hqLabels.ts, README.md). Bara id:n, tabell- och kolumnnamn och de citerade etiketterna är engelska.
import { FEATURES } from '../features';
import { FIELD_LABELS, fieldChanges, pairsBy, tableCounts, type MessageKey } from './en';
import {
  quotedLabel,
  SWEDISH_BATCH_JOB as BATCH,
  SWEDISH_FEATURE_NAMES,
  SWEDISH_JOB_NAMES,
  SWEDISH_SYNC_STATUS_PAGE as PAGE,
} from './hqLabels';
import type { Params } from './index';
import { count, form } from './plural';

type Value = string | number | undefined;

function listSv(joined: Value): string {
  const items = String(joined ?? '').split('|').filter(Boolean);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

const plural = (n: Value, one: string, other: string) => count('sv', n, one, other);
const agree = (n: Value, one: string, other: string) => form('sv', n, one, other);
const items = (joined: Value, separator = '|') => String(joined ?? '').split(separator).filter(Boolean);

/** Funktionens svenska namn i Funktionshantering. */
export function svFeatureName(id: Value): string {
  return SWEDISH_FEATURE_NAMES[String(id) as keyof typeof SWEDISH_FEATURE_NAMES] ?? String(id);
}
const quotedFeatures = (ids: Value, separator = '|') => listSv(items(ids, separator).map((id) => `'${svFeatureName(id)}'`).join('|'));
/** En korrigering som behöver sidan Kundsynkroniseringsstatus sätter först den version som har den. */
const withVersion = (p: Params, title: string) => (p.needs ? `Sätt "commerceVersion" till ${p.needs}, därefter: ${title}` : title);
const EDITING = `'${SWEDISH_FEATURE_NAMES.AsyncCustomerEditing}'`;

/** '1110' → '1110 (Global konfiguration)'. */
const namedJob = (id: string) => (SWEDISH_JOB_NAMES[id] ? `${id} (${SWEDISH_JOB_NAMES[id]})` : id);
const jobCount = (p: Params) => items(p.jobs).length;
const jobs = (p: Params) => `${agree(jobCount(p), 'jobbet', 'jobben')} ${listSv(items(p.jobs).map(namedJob).join('|'))}`;
const untilTheyRun = (p: Params) => agree(jobCount(p), 'Tills det har körts', 'Tills de har körts');
const METADATA_JOBS = 'jobben 1110 (Global konfiguration), 1010 (Kunder) och 1070 (Kanalkonfiguration)';

const fieldLabel = (field: string) => quotedLabel(FIELD_LABELS[field] ?? field);
const fieldList = (joined: Value) => listSv(items(joined).map(fieldLabel).join('|'));
const ASYNC_MODE = quotedLabel('Create customer in async mode');
/** 'Kassan (POS) i Store42', eller 'E-handelskanalen WebStore' för en e-handelskanal. */
const atChannel = (p: Params) => (p.kind === 'online' ? `E-handelskanalen ${p.channel}` : `Kassan (POS) i ${p.channel}`);
const suggestion = (p: Params) => (p.suggestion ? ` Menade du '${p.suggestion}'?` : '');
const about = (p: Params) => `${opType(p.type)} för ${p.customer}, tillfälligt id ${p.asyncId}, från ${p.channel}`;

/** jsonc-parsers felkoder i ord. */
const PARSE_ERRORS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'ett ord eller tecken som JSON inte kan läsa (text skrivs inom dubbla citattecken)',
  InvalidNumberFormat: 'felaktigt tal',
  PropertyNameExpected: 'en nyckel inom dubbla citattecken förväntades',
  ValueExpected: 'ett värde förväntades',
  ColonExpected: 'kolon förväntades',
  CommaExpected: 'kommatecken förväntades',
  CloseBraceExpected: 'avslutande klammerparentes } förväntades',
  CloseBracketExpected: 'avslutande hakparentes ] förväntades',
  EndOfFileExpected: 'inget får följa efter scenariots avslutande klammerparentes',
  InvalidCommentToken: 'ogiltig kommentar',
  UnexpectedEndOfComment: 'kommentaren avslutas inte (*/ saknas)',
  UnexpectedEndOfString: 'texten avslutas inte (avslutande dubbelt citattecken saknas)',
  UnexpectedEndOfNumber: 'talet är avbrutet',
  InvalidUnicode: 'ogiltig \\u-sekvens',
  InvalidEscapeCharacter: 'ogiltigt tecken efter ett omvänt snedstreck',
  InvalidCharacter: 'ett styrtecken i en text',
};

export const sv: Record<MessageKey, (p: Params) => string> = {
  tooDeep: (p) => `Filen har hakparenteser och klamrar i mer än ${p.max} nivåer; ett scenario behöver aldrig det. Inget lästes.`,
  syntax: (p) => `JSON-syntaxfel: ${PARSE_ERRORS[String(p.code)] ?? 'text som JSON inte kan läsa'}.`,
  notAScenario: (p) => `Inte ett scenario: filen är tom eller inte JSON; ett scenario är ett JSON-objekt med minst en av ${p.keys}. Inget simulerades.`,
  notAScenarioObject: (p) => `Inte ett scenario: minst en av ${p.keys} förväntades. Inget simulerades.`,
  wrongType: (p) => `'${p.key}' måste vara ${typeName(p.expected)}, inte ${typeName(p.actual)}.`,
  duplicateKey: (p) => `'${p.key}' anges två gånger; bara den första räknas.`,
  duplicateChannel: (p) => `Kanalen '${p.channel}' är definierad två gånger.`,
  tooManyChannelDatabases: (p) =>
    `Kanalen '${p.channel}' skulle lägga till kanaldatabasen '${p.channelDatabase}', men ett scenario simulerar högst ${p.max} kanaldatabaser. Lägg den i någon av ${p.known}; kanalen utelämnas.`,
  twoActions: (p) => `En post i tidslinjen har en enda åtgärd; '${p.second}' kommer efter '${p.first}'. Lägg den i en egen post.`,
  noAction: (p) => `Posten i tidslinjen saknar åtgärd. Använd en av: ${p.actions}.`,
  keyNotForAction: (p) => `'${p.key}' gäller inte för '${p.action}'.`,
  countOutOfRange: (p) => `'count' måste vara ett heltal från 1 till ${p.max}.`,
  noChannels: () => 'Det finns ingen kanal att skapa kunder i: lägg till en under "channels".',
  nothingToEdit: (p) => `Inget att ändra: ange minst ett av ${p.fields}.`,
  missingKey: (p) => `'${p.where}' behöver '${p.key}'.`,
  badInstant: (p) => `'${p.key}' måste vara datum och tid enligt ISO 8601 med tidszon, t.ex. 2026-11-01T09:00:00Z, inte '${p.value}'.`,
  badDuration: (p) => `'${p.key}' måste vara en varaktighet enligt ISO 8601, t.ex. PT10M, PT2H eller P1D, inte '${p.value}'.`,
  unknownKey: (p) => `Okänd nyckel '${p.key}' i ${p.where}.${suggestion(p)}`,
  unknownId: (p) => `Okänt värde för ${idKind(p.kind)}: '${p.value}'.${suggestion(p)} Kända: ${p.known || 'inga'}.`,
  fixQuote: (p) => `Skriv ${p.value} som en sträng: "${p.value}"`,
  fixReplace: (p) => `Ändra '${p.from}' till '${p.to}'`,
  fixRemoveKey: (p) => `Ta bort '${p.key}'`,
  timeBackwards: (p) => `Posten gäller ${p.at}, före den simulerade klockan (${p.clock}): tiden kan inte gå bakåt. Den utförs ${p.clock}.`,
  fixRemoveAt: () => 'Ta bort "at" (posten sker vid aktuell klocka)',
  tooLarge: (p) =>
    `Scenariot har ${p.size} tecken, fler än de ${p.max} som redigeraren spelar upp (inställningen asyncCustomerDoctor.limits.maxScenarioCharacters). Inget simulerades.`,
  tooManyActions: (p) =>
    `Scenariot är större än gränserna (${p.entries} av högst ${p.maxEntries} poster i tidslinjen, ${p.generated} av högst ${p.maxGenerated} genererade kunder; inställningarna asyncCustomerDoctor.limits.*). Inget simulerades.`,
  beyondMemoryBudget: (p) =>
    `Att spela upp scenariot skulle kräva omkring ${p.estimate} MB (${p.customers} kunder), mer än minnesbudgeten på ${p.budget} MB (inställningen asyncCustomerDoctor.limits.memoryBudgetMB). Inget simulerades.`,

  'severity.error': () => 'fel',
  'severity.warning': () => 'varning',
  'severity.information': () => 'information',
  'severity.hint': () => 'tips',
  'cli.inHq': () => 'i HQ',
  'cli.fix': () => 'korrigering',
  'cli.noFindings': () => 'inga anmärkningar',
  'cli.directory': () => 'är en mapp, inte en scenariofil',
  'cli.internalError': (p) => `kunde inte analyseras: ett internt fel i Async Customer Doctor (${p.error}); rapportera det gärna med den här filen`,
  'console.empty': () => 'Det finns ingen SQL-sats att köra.',
  'console.several': (p) => `SQL-konsolen kör en sats i taget; den här texten har ${p.n}. Kör dem en och en.`,
  'console.pragma': () =>
    "PRAGMA-satser körs inte i SQL-konsolen (SQLite tillämpar inställningen redan när satsen kompileras). Läs en pragma med dess tabellvärda funktion i stället, t.ex. SELECT * FROM pragma_table_info('CUSTOMER').",
  'console.unknownDatabase': (p) => `Det finns ingen databas '${p.name}' i scenariot. Databaser: ${p.known}.`,
  'console.axFromHq': (p) => `ax. avser en kanaldatabas tabeller; kör satsen mot en kanaldatabas (${p.known}), inte mot HQ.`,
  'console.readsOther': (p) =>
    `Satsen läser ${p.names ? `tabeller i ${p.names}` : 'simuleringens egna arbetstabeller'}; mot ${p.db} läser en sats bara ${p.db === 'HQ' ? 'HQ:s tabeller (dbo.)' : `${p.db}:s tabeller (ax.) och HQ:s (dbo.)`}.${p.names ? ` Kör den mot ${p.names} för att läsa dem.` : ''}`,
  'console.connection': () => 'SQL-konsolen är skrivskyddad: satsen skulle ändra anslutningen (ATTACH, DETACH, en transaktion, VACUUM), så den kördes inte.',
  'console.queryOnlyOff': () => 'Satsen stängde av skrivskyddet (query_only); den kördes inte.',
  'console.write': (p) => `SQL-konsolen är skrivskyddad: SQLite avvisade satsen eftersom den skriver (${p.message}).`,
  'console.sqlite': (p) => `SQLite: ${p.message}`,
  'console.timeout': (p) => `Satsen körde längre än sin tidsgräns (${p.seconds} s) och stoppades.`,
  'cli.query.refused': (p) => `${p.db}: satsen avvisades: ${p.message}`,
  'cli.query.stopped': (p) => `${p.db}: satsen stoppades: ${p.message} (--timeout-ms ${p.ms})`,
  'cli.query.nothingSimulated': (p) => `inget simulerades, så det finns inget att fråga${p.why ? ` (${p.why})` : ''}`,
  'cli.query.rows': (p) => `(${plural(p.n, 'rad', 'rader')})`,
  'cli.query.truncated': (p) => `(${p.n} rader visas: resultatet kortades vid radgränsen ${p.max})`,
  'cli.cannotRead': (p) => `filen kan inte läsas (${p.code})`,

  'question.cannotEnableEditing': () => `Varför kan jag inte aktivera ${EDITING}?`,
  'question.realtimeCallsContinue': () => 'Varför ser jag fortfarande realtidsanrop efter att funktionen aktiverats?',
  'question.customersMissingInHq': () => 'Varför visar HQ inte kunder som skapats eller ändrats i kassan (POS) eller i en e-handelskanal?',
  'question.whichOperationFailed': () => 'Vilken asynkron åtgärd misslyckades, och hur rättar jag den?',

  'ACD001.cause': () => 'Förutsättande funktioner är aktiverade',
  'ACD001.message': (p) =>
    `'${svFeatureName(p.feature)}' kan inte aktiveras: ${agree(items(p.missing).length, 'den förutsättande funktionen', 'de förutsättande funktionerna')} ${quotedFeatures(p.missing)} är ${agree(items(p.missing).length, 'inaktiverad', 'inaktiverade')}${p.enabled ? ` (${quotedFeatures(p.enabled)} är ${agree(items(p.enabled).length, 'aktiverad', 'aktiverade')})` : ''}. HQ nekar tills ${agree(items(p.missing).length, 'den', 'de')} har aktiverats.`,
  'ACD001.remedy': (p) => `Aktivera först ${quotedFeatures(p.missing)} och därefter ${EDITING}.`,
  'ACD001.fix': (p) => `Aktivera först ${quotedFeatures(p.missing)}`,

  'ACD002.cause': () => 'Jobben 1110, 1010 och 1070 har körts efter ändringen',
  'ACD002.message': (p) =>
    `Kanaldatabasen ${p.db} arbetar fortfarande med gamla metadata: ${change(p)} i HQ ${p.at}${Number(p.more) > 0 ? ` (och ${plural(p.more, 'ändring till', 'ändringar till')})` : ''}, men ${jobs(p)} har inte körts för ${p.db} sedan dess.` +
    (Number(p.calls) > 0 ? ` Dess kanaler har gjort ${plural(p.calls, 'realtidsanrop', 'realtidsanrop')} till HQ sedan ändringen.` : ` ${stillDoes(p)}`),
  'ACD002.remedy': (p) =>
    `Kör ${jobs(p)} för kanaldatabasen ${p.db} (${quotedLabel('Distribution schedule')}, ${quotedLabel('Run now')}) och vänta sedan tills CSU-cachen har löpt ut.`,
  'ACD002.fix': (p) => `Kör ${jobs(p)} för ${p.db} efter ändringen`,

  'ACD003.cause': () => 'Cachen i Commerce Scale Unit har löpt ut',
  'ACD003.message': (p) =>
    `Jobben har körts för kanaldatabasen ${p.db}, men cachen i Commerce Scale Unit visar fortfarande det gamla värdet för ${cachedValues(p.what)} till ${p.until} (cache ${p.cache}): realtidsanrop kan fortsätta till dess.`,
  'ACD003.remedy': (p) => `Inget är fel i HQ: vänta till ${p.until} tills CSU-cachen har löpt ut och försök sedan igen i kassan (POS).`,
  'ACD003.fix': (p) => `Flytta fram klockan ${p.duration}`,

  'ACD004.cause': () => 'CDX P-jobbet har laddat upp de asynkrona posterna till HQ',
  'ACD004.message': (p) =>
    `${operations(p)} i ${p.channel} finns fortfarande i kanaldatabasen ${p.db}${p.names ? ` (${listSv(p.names)})` : ''}: ` +
    (p.failedAt
      ? `den senaste körningen av CDX P-jobbet för kanaldatabasen ${p.db}, ${p.failedAt}, misslyckades: '${p.failure}' (se ACD011)`
      : p.lastRun
      ? `CDX P-jobbet har inte körts för kanaldatabasen ${p.db} sedan ${p.since} (den senaste körningen, ${p.lastRun}, var innan ${agree(recordCount(p), 'den', 'de')} skrevs)`
      : `CDX P-jobbet har aldrig körts för kanaldatabasen ${p.db}`) +
    `, så HQ har inte fått ${agree(recordCount(p), 'den', 'dem')}.`,
  'ACD004.remedy': (p) =>
    `Kör CDX P-jobbet (P-0001) för kanaldatabasen ${p.db} och därefter batchjobbet ${BATCH}; schemalägg båda som återkommande batchjobb.`,
  'ACD004.fix': (p) => `Kör CDX P-jobbet för ${p.db} och därefter ${BATCH}`,

  'ACD005.cause': () => 'Batchjobbet har bearbetat de mellanlagrade posterna',
  'ACD005.message': (p) =>
    `${plural(p.n, 'kundåtgärd', 'kundåtgärder')} från ${p.channel}${p.names ? ` (${listSv(p.names)})` : ''} väntar i HQ:s mellanlagringstabeller med OnlineOperationCompleted = 0 (${listSv(tableCounts(p.rows, (n, table) => `${plural(n, 'rad', 'rader')} i ${table}`))}): ` +
    (p.failedAt
      ? `den senaste körningen av batchjobbet ${BATCH}, ${p.failedAt}, misslyckades: '${p.failure}' (se ACD011); ${agree(p.n, 'den', 'de')} laddades upp ${p.since}.`
      : p.lastRun
      ? `batchjobbet ${BATCH} har inte körts sedan ${agree(p.n, 'den', 'de')} laddades upp ${p.since} (den senaste körningen, ${p.lastRun}, var före uppladdningen).`
      : `batchjobbet ${BATCH} har aldrig körts (${agree(p.n, 'den', 'de')} laddades upp ${p.since}).`),
  'ACD005.remedy': () => `Kör batchjobbet ${BATCH} och schemalägg det som ett återkommande batchjobb.`,
  'ACD005.fix': () => `Kör ${BATCH}`,

  'ACD006.cause': () => 'Ingen asynkron åtgärd har misslyckats',
  'ACD006.message': (p) =>
    `Åtgärden ${p.op} (${about(p)}) misslyckades i HQ: ${svReason(p.reason)}` +
    (p.needs
      ? ` Att rätta${p.fields ? ` ${fieldList(p.fields)}` : ''} och synkronisera den igen kräver sidan ${PAGE}, som finns från Commerce-version ${p.needs}; HQ har ${p.version}.`
      : p.fields
        ? ` Rätta ${fieldList(p.fields)} på sidan ${PAGE}, välj Spara och sedan Synkronisera.`
        : ' Synkronisera den igen när kunden finns i HQ.'),
  'ACD006.messageAfterEdit': (p) =>
    `Åtgärden ${p.op} (${about(p)}) misslyckas fortfarande efter redigeringen: ${svReason(p.reason)}` +
    (p.fields ? ` Rätta ${fieldList(p.fields)}, välj Spara och sedan Synkronisera.` : ' Synkronisera den igen när kunden finns i HQ.'),
  'ACD006.messageSaved': (p) =>
    `Åtgärden ${p.op} (${about(p)}) har sin rättelse av ${fieldList(p.fields)} sparad, men den har inte synkroniserats sedan dess: den visas som misslyckad tills du väljer Synkronisera.`,
  'ACD006.messageCreationFailed': (p) =>
    `Åtgärden ${p.op} (${about(p)}) misslyckades i HQ eftersom kundens skapande, åtgärden ${p.creation}, misslyckades: rätta och synkronisera först ${p.creation} och synkronisera sedan ${p.op}.`,
  'ACD006.remedy': (p) =>
    p.op
      ? `Öppna åtgärden ${p.op}${p.fields ? `, ändra ${fieldList(p.fields)}` : ''}, välj Spara och sedan Synkronisera.`
      : 'Öppna varje misslyckad åtgärd, rätta den, välj Spara och sedan Synkronisera.',
  'ACD006.messageObserved': (p) =>
    `Åtgärden ${p.op} (${about(p)}) misslyckades i HQ med det senast kända felet '${p.reason}'. Rätta det som felet anger på sidan ${PAGE}, välj Spara och sedan Synkronisera.`,
  'ACD006.fixObserved': (p) => `Synkronisera ${p.op} igen (när den är rättad i HQ)`,
  'ACD006.remedyNeedsVersion': (p) =>
    `Uppdatera Commerce headquarters till ${p.needs} eller senare (Lifecycle Services): HQ ${p.version} har ingen sida där en misslyckad åtgärd kan rättas och synkroniseras igen. Öppna sedan ${p.op ? `åtgärden ${p.op}` : 'varje misslyckad åtgärd'} på sidan ${PAGE}${p.fields ? `, ändra ${fieldList(p.fields)}` : ''}, välj Spara och sedan Synkronisera.`,
  'ACD006.remedySaved': (p) => `Öppna åtgärden ${p.op} och välj Synkronisera: rättelsen är redan sparad.`,
  'ACD006.fixResync': (p) => `Synkronisera ${p.op} (rättelsen är sparad)`,
  'ACD006.fix': (p) =>
    withVersion(p, `Redigera ${p.op} (${listSv(fieldChanges(p.changes, 'tömt', fieldLabel))}) och synkronisera`) +
    (p.guess ? `; ${p.guess} är en gissning utifrån stavningen: kontrollera det först` : ''),
  'ACD006.fixDependent': (p) =>
    withVersion(p, p.creation ? `Rätta och synkronisera först ${p.creation}, därefter ${p.op}` : `Synkronisera först kundens skapande, därefter ${p.op}`),
  'ACD006.more': (p) => `${plural(p.n, 'åtgärd till', 'åtgärder till')} misslyckades; se vyn Synkroniseringsstatus.`,

  'ACD007.cause': () => 'Kontonumren har kommit tillbaka till kanalen (jobbet 1010)',
  'ACD007.message': (p) =>
    `${plural(p.n, 'kund', 'kunder')} har fått ${agree(p.n, 'sitt kontonummer', 'sina kontonummer')} i HQ (${listSv(p.accounts)}) men väntar fortfarande på synkronisering i kanaldatabasen ${p.db}: ${p.failedAt ? `den senaste körningen av jobbet 1010 (Kunder) för ${p.db}, ${p.failedAt}, misslyckades: '${p.failure}' (se ACD011).` : `jobbet 1010 (Kunder) har inte körts för ${p.db} sedan dess.`} Lojalitetskort kan inte utfärdas till ${agree(p.n, 'kunden', 'dem')} förrän det har körts.`,
  'ACD007.remedy': (p) => `Kör jobbet 1010 (Kunder) för kanaldatabasen ${p.db}.`,
  'ACD007.fix': (p) => `Kör jobbet 1010 för ${p.db}`,

  'ACD008.cause': () => 'Kanalerna skapar och redigerar kunder i asynkront läge (funktionalitetsprofil)',
  'ACD008.message': (p) =>
    `${p.channel} har gjort ${plural(p.calls, 'realtidsanrop', 'realtidsanrop')} till HQ för kundåtgärder sedan ${EDITING} aktiverades: dess funktionalitetsprofil har ${ASYNC_MODE} = Nej, så ` +
    (p.kind === 'online'
      ? `e-handelskanalen skapar och redigerar kunder med realtidsanrop oavsett funktionerna. Förbehåll: dokumentationen är oenig om e-handelskanaler: sidan om funktionalitetsprofiler (2024) kallar ${ASYNC_MODE} en äldre inställning för e-handelskanaler från tredje part som inte gäller för e-handelswebbplatsen i Dynamics 365, medan artikeln om asynkront kundläge behandlar den som avgörande.`
      : 'kassan (POS) skapar och redigerar kunder med realtidsanrop oavsett funktionerna.'),
  'ACD008.remedy': (p) => `Sätt ${ASYNC_MODE} till Ja i funktionalitetsprofilen för ${p.channel} och kör sedan ${METADATA_JOBS} för kanaldatabasen ${p.db}.`,
  'ACD008.fix': (p) => `Sätt ${ASYNC_MODE} = Ja för ${p.channel} och kör sedan jobben 1110, 1010 och 1070 för ${p.db}`,

  'ACD106.cause': () => 'Alla åtgärder godtogs',
  'ACD109.cause': () => 'Varje kundreferens avser en enda kund',
  'ACD106.fixDisableDependents': (p) => `Inaktivera först ${quotedFeatures(p.dependents, ',')}`,
  'note.ambiguousCustomer': (p) =>
    `'${p.customer}' syftar på mer än en kund i scenariot; den senaste (${p.used}) användes. Ange kundens e-post eller tillfälliga id för att vara säker.`,
  'refused.prerequisitesOff': (p) =>
    `'${svFeatureName(p.feature)}' kan inte aktiveras medan ${quotedFeatures(p.missing, ',')} är ${agree(items(p.missing, ',').length, 'inaktiverad', 'inaktiverade')}.`,
  'refused.requiredByEnabledFeature': (p) =>
    `HQ nekar att inaktivera '${svFeatureName(p.feature)}': ${quotedFeatures(p.dependents, ',')} bygger på den och är aktiverad. Inaktivera först ${quotedFeatures(p.dependents, ',')}.`,
  'refused.unknownChannel': (p) => `Okänd kanal '${p.channel}'.`,
  'refused.unknownChannelDatabase': (p) => `Okänd kanaldatabas '${p.channelDatabase}'.`,
  'refused.offlineCreationFiltered': (p) =>
    `Kassan (POS) i ${p.channel} kan inte skapa kunder offline: ${quotedLabel('Filter shared customer data tables')} är Ja för kanaldatabasen ${p.channelDatabase}.`,
  'refused.offlineCreationFiltered.remedy': (p) =>
    `På sidan ${quotedLabel('Commerce channel schema')} sätter du ${quotedLabel('Filter shared customer data tables')} till Nej för kanaldatabasgruppen för ${p.channelDatabase} och tar bort ${quotedLabel('Exclude from offline databases')} för jobbet 1010 (Kunder); kör sedan jobbet 1010 för ${p.channelDatabase}. Skapa kunder medan kassan är online tills dess.`,
  'refused.unknownCustomer': (p) =>
    `Kanaldatabasen ${p.channelDatabase} (${p.channel}) känner inte till kunden '${p.customer}'. Använd e-post, "Förnamn Efternamn", det tillfälliga id:t eller kontonumret för en kund som skapats tidigare i scenariot (kunder från en annan kanaldatabas kommer med jobbet 1010).`,
  'refused.pendingCustomerNeedsAsyncEditing': (p) =>
    `${atChannel(p)} kan inte redigera '${p.customer}': kunden väntar på synkronisering, och utan asynkron redigering skulle ändringen kräva ett realtidsanrop till HQ, som ännu inte känner till kunden.`,
  'refused.pendingCustomerNeedsAsyncAddress': (p) =>
    `${atChannel(p)} kan inte lägga till en adress för '${p.customer}': kunden väntar på synkronisering, och utan asynkront skapande av adresser skulle det kräva ett realtidsanrop till HQ.`,
  'refused.offlineOnlineStore': (p) => `${p.channel} är en e-handelskanal: bara kassan (POS) arbetar offline. Ta bort "offline" för den.`,
  'refused.offlineNeedsAsync': (p) => `Kassan (POS) i ${p.channel} är offline och den här ändringen av '${p.customer}' kräver ett realtidsanrop till HQ.`,
  'refused.accountNumberInUse': (p) =>
    `HQ har redan kundkontot ${p.account} (${p.holder}): kontonummer är unika, så ${p.customer} kan inte ha synkroniserats med det. Kontrollera kundkontot i exporten, eller posterna som skapade ${p.holder}.`,
  'refused.realtimeCallRejected': (p) =>
    `HQ avvisade realtidsanropet (${realtimeOperation(p.operation)}) från ${p.channel}${p.customer ? ` för '${p.customer}'` : ''}: ${svReason(p.reason)} ${p.kind === 'online' ? 'E-handelskanalen' : 'Kassan'} visar felet och inget sparas.`,
  'refused.unknownOperation': (p) => `Det finns ingen asynkron åtgärd '${p.operation}' i HQ (CDX P-jobbet har kanske inte laddat upp den än).`,
  'refused.operationNotFailed': (p) => `Åtgärden ${p.operation} har statusen ${statusName(p.status)}; bara misslyckade åtgärder kan redigeras eller synkroniseras igen.`,
  'refused.fieldNotInOperation': (p) => `Åtgärden ${p.operation} har inget ${fieldLabel(String(p.field))} att redigera.`,

  // ---- version 2: versions, schedules, failed runs, orders and loyalty, channel database settings ----
  'v2.emptyFails': () => "'fails' är meddelandet som den misslyckade körningen lämnade; det får inte vara tomt.",
  'v2.notOneOf': (p) => `'${p.key}' måste vara ett av ${p.allowed}, inte '${p.value}'.`,
  'ACD011.cause': () => 'Den senaste körningen av varje jobb lyckades',
  'ACD011.message': (p) =>
    `Den senaste körningen av ${jobV2Sv(p.job)} för kanaldatabasen ${p.db} misslyckades ${p.at} med meddelandet '${p.message}'. Ingen senare körning lyckades, så ${p.kind === 'upload' ? 'kanalens poster nådde inte HQ' : 'dess data nådde inte kanaldatabasen'}.`,
  'ACD011.messageBatch': (p) =>
    `Den senaste körningen av batchjobbet ${jobV2Sv(p.job)} misslyckades ${p.at} med meddelandet '${p.message}'. Ingen senare körning lyckades, så inget som mellanlagrats sedan dess har bearbetats.`,
  'ACD011.remedy': (p) =>
    `Öppna ${quotedLabel(p.kind === 'upload' ? 'Upload sessions' : 'Download sessions')} för ${p.db}, läs meddelandet, åtgärda orsaken och kör ${jobV2Sv(p.job)} igen (kör ${quotedLabel('Initialize Commerce scheduler')} först efter en uppdatering).`,
  'ACD011.remedyBatch': () => 'Öppna batchjobbets historik, läs meddelandet, åtgärda orsaken och kör batchjobbet igen.',
  'ACD011.fix': (p) => (p.db ? `Kör ${jobV2Sv(p.job)} igen för ${p.db}` : `Kör ${jobV2Sv(p.job)} igen`),
  'v2.scheduleTwoJobs': () => 'Ett schema kör ett jobb: ange antingen "runJob" eller "runBatch", inte båda. Lägg det andra i ett eget schema.',
  'v2.scheduleTooOften': (p) => `'every' måste vara minst ${p.min} (HQ anger upprepning i minuter); '${p.value}' är kortare.`,
  'v2.tooManyScheduledRuns': (p) =>
    `Schemana skulle köras ${p.runs} gånger under den här tidslinjen; ett scenario får göra högst ${p.max} schemalagda körningar. Använd en längre 'every' eller en kortare tidslinje. Inget spelades upp.`,
  'ACD010.cause': () => `CDX P-jobbet, batchjobbet och jobbet 1010 (Kunder) körs som återkommande jobb`,
  'ACD010.message': (p) =>
    `${capital(jobV2Sv(p.job))}${p.db ? ` för kanaldatabasen ${p.db}` : ''} saknar upprepning i scenariots "schedules": det som jobbet för med sig väntar tills någon kör det manuellt. Schemalägg CDX P-jobbet, ${BATCH} och jobbet 1010 (Kunder) som återkommande jobb, oavsett läge.`,
  'ACD010.remedy': (p) =>
    p.job === 'SynchronizeCustomersAndChannelRequests'
      ? `Öppna batchjobbet ${BATCH} och ange en upprepning (till exempel var 15:e minut).`
      : `Lägg till ${jobV2Sv(p.job)} i ${quotedLabel('Distribution schedule')} för ${p.db} med en upprepning (till exempel var 15:e minut).`,
  'ACD010.fix': (p) => `Schemalägg ${jobV2Sv(p.job)}${p.db ? ` för ${p.db}` : ''} med intervallet ${p.every}`,
  'ACD010.fixAll': (p) => `Schemalägg ${agree(p.n, 'det saknade jobbet', `alla ${p.n} saknade jobb`)} var 15:e minut`,
  'v2.badVersion': (p) =>
    `'commerceVersion' är en Commerce-version "10.0.N" från 10.0.0 till ${p.max}, inte '${p.value}'. Utelämna den för den senaste som verktyget känner till (${p.newest}).`,
  'ACD009.cause': () => 'HQ:s Commerce-version har funktionerna',
  'ACD009.message': (p) =>
    `'${featureNameSvV2(p.feature)}' kräver Commerce-version ${p.needs} eller senare; HQ har ${p.version}, där funktionen inte finns i ${quotedLabel('Feature management')}. Den förblir inaktiverad.`,
  'ACD009.remedy': (p) => `Uppdatera Commerce headquarters till ${p.needs} eller senare (Lifecycle Services) och aktivera sedan funktionen i ${quotedLabel('Feature management')}.`,
  'ACD009.fix': (p) => `Sätt "commerceVersion" till ${p.needs}`,
  'refused.featureNotInVersion': (p) => `'${svFeatureName(p.feature)}' finns inte i Commerce-version ${p.version}; den kräver ${p.needs}.`,
  'refused.mandatoryFeature': (p) =>
    `HQ nekar att inaktivera '${svFeatureName(p.feature)}': funktionen är obligatorisk från Commerce-version ${p.from} (HQ har ${p.version}) och alltid aktiverad.`,
  'refused.mandatoryFeatureAtStart': (p) =>
    `'${svFeatureName(p.feature)}' är obligatorisk från Commerce-version ${p.from} och alltid aktiverad (HQ har ${p.version}): false vid starten gäller inte. Utelämna den eller sätt den till true.`,
  'refused.statusPageNeedsVersion': (p) =>
    `Sidan ${PAGE} finns från Commerce-version ${p.needs}; HQ har ${p.version}, så en åtgärd kan inte redigeras eller synkroniseras där.`,
  'question.ordersAndLoyalty': () => 'Varför kan jag inte skapa en kundorder eller utfärda ett lojalitetskort för den här nya kunden? (utanför FAQ:n)',
  'ACD012.cause': () => 'Synkrona kundorder gäller synkroniserade kunder',
  'ACD012.message': (p) =>
    `Kassan (POS) i ${p.channel} kan inte skapa en synkron kundorder för '${p.customer}': kunden skapades asynkront och dess kontonummer har inte nått kanaldatabasen ${p.db}. Kvar att köra: ${stepsV2Sv(p.steps)}.`,
  'ACD012.remedy': (p) =>
    `Vänta tills kunden är synkroniserad (CDX P-jobbet, ${BATCH} och sedan jobbet 1010 (Kunder)), eller sätt ${quotedLabel('Create customer order in async mode')} till Ja i funktionalitetsprofilen för ${p.channel}.`,
  'ACD012.fix': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} före ordern`,
  'ACD012.fixAsync': () => 'Skapa ordern i asynkront läge i stället',
  'ACD013.cause': () => 'Lojalitetskort utfärdas till kunder med kontonummer i kanalen',
  'ACD013.message': (p) =>
    `Kassan (POS) i ${p.channel} kan inte utfärda ett lojalitetskort till '${p.customer}': kunden väntar på synkronisering och har ännu inget riktigt kontonummer i kanaldatabasen ${p.db}. Kvar att köra: ${stepsV2Sv(p.steps)}.`,
  'ACD013.remedy': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} och utfärda sedan kortet.`,
  'ACD013.fix': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} innan kortet utfärdas`,
  'refused.orderNeedsSynchronizedCustomer': (p) => `Kassan (POS) i ${p.channel} kan inte skapa en synkron kundorder för '${p.customer}' innan kunden är synkroniserad.`,
  'refused.loyaltyNeedsAccountNumber': (p) => `Kassan (POS) i ${p.channel} kan inte utfärda ett lojalitetskort till '${p.customer}' innan dess kontonummer har nått kanalen.`,
  'v2.filterDisagrees': (p) =>
    `${quotedLabel('Filter shared customer data tables')} är en inställning för kanaldatabasen ${p.channelDatabase} (${quotedLabel('Commerce channel schema')}), inte för en kanal: ${p.channel} anger ${yesNo(p.value)}, men ${p.by === 'channelDatabases' ? '"channelDatabases"' : p.by} anger ${yesNo(p.applied)}, som gäller för alla kanaler i ${p.channelDatabase}.`,
};

/** HQ:s felmeddelanden (modell) lagras på engelska; här är de på svenska. */
const REASONS: readonly [RegExp, (...m: string[]) => string][] = [
  [/A name is required: first name and last name are both empty\./g, () => 'Ett namn krävs: både förnamn och efternamn är tomma.'],
  [/The email address '([^']*)' is not valid\./g, (v) => `E-postadressen '${v}' är ogiltig.`],
  [/The customer group '([^']*)' does not exist\./g, (v) => `Kundgruppen '${v}' finns inte.`],
  [/The country\/region '([^']*)' does not exist\./g, (v) => `Landet/regionen '${v}' finns inte.`],
  [/The customer (\S+) has not been synchronized to HQ yet; synchronize its creation first\./g, (v) => `Kunden ${v} har ännu inte synkroniserats till HQ; synkronisera först när kunden skapades.`],
];

function svReason(reason: Value): string {
  return REASONS.reduce((text, [pattern, say]) => text.replace(pattern, (_, ...groups: string[]) => say(...groups)), String(reason ?? ''));
}

/** 'feature:AsyncCustomerEditing|asyncMode:Store42' → "'Aktivera redigering …' och "Create customer in async mode" för Store42". */
function cachedValues(joined: Value): string {
  return listSv(
    pairsBy(joined, ':')
      .map(([kind, subject]) => (kind === 'feature' ? `'${svFeatureName(subject)}'` : `${ASYNC_MODE} för ${subject}`))
      .join('|'),
  );
}

function typeName(type: Value): string {
  const names: Record<string, string> = { string: 'en sträng', number: 'ett tal', boolean: 'true eller false', object: 'ett objekt', array: 'en lista', null: 'null' };
  return names[String(type)] ?? String(type);
}

function statusName(status: Value): string {
  const names: Record<string, string> = { Pending: 'väntande', Succeeded: 'lyckad', Failed: 'misslyckad', PendingUpload: 'väntar på uppladdning' };
  return names[String(status)] ?? String(status);
}

function realtimeOperation(operation: Value): string {
  const names: Record<string, string> = { CreateCustomer: 'skapa kund', UpdateCustomer: 'redigera kund', CreateAddress: 'skapa adress' };
  return names[String(operation)] ?? String(operation);
}

function idKind(kind: Value): string {
  const names: Record<string, string> = {
    feature: 'funktion',
    job: 'CDX-jobb',
    batchJob: 'batchjobb',
    channelDatabase: 'kanaldatabas',
    channelKind: 'kanaltyp',
    channel: 'kanal',
  };
  return names[String(kind)] ?? String(kind);
}

function change(p: Params): string {
  switch (p.change) {
    case 'featureEnabled':
      return `'${svFeatureName(p.subject)}' aktiverades`;
    case 'featureDisabled':
      return `'${svFeatureName(p.subject)}' inaktiverades`;
    case 'asyncModeOff':
      return `${ASYNC_MODE} för ${p.subject} ändrades från Ja till Nej`;
    case 'asyncModeOn':
      return `${ASYNC_MODE} för ${p.subject} ändrades från Nej till Ja`;
    default:
      return `inställningarna för kanalen ${p.subject} ändrades`;
  }
}

/** Vad kanaldatabasen fortfarande gör tills jobben har körts. */
function stillDoes(p: Params): string {
  switch (p.change) {
    case 'featureDisabled':
      return `${untilTheyRun(p)} fortsätter dess kanaler att arbeta asynkront med de gamla metadata, som om '${svFeatureName(p.subject)}' fortfarande vore aktiverad.`;
    case 'asyncModeOff':
      return `${untilTheyRun(p)} fortsätter ${p.subject} att skapa kunder asynkront med sina gamla metadata.`;
    case 'asyncModeOn':
      return `${untilTheyRun(p)} fortsätter ${p.subject} att skapa kunder med realtidsanrop med sina gamla metadata.`;
    default:
      return `${untilTheyRun(p)} kan dess kanaler fortsätta att göra realtidsanrop för kundåtgärder.`;
  }
}

function opType(type: Value): string {
  const names: Record<string, string> = { CustomerCreate: 'skapa kund', CustomerUpdate: 'redigera kund', AddressCreate: 'skapa adress' };
  return names[String(type)] ?? String(type);
}

function recordCount(p: Params): number {
  return Number(p.creates) + Number(p.updates) + Number(p.addresses);
}

function operations(p: Params): string {
  const parts: string[] = [];
  if (Number(p.creates) > 0) parts.push(plural(p.creates, 'kund skapad', 'kunder skapade'));
  if (Number(p.updates) > 0) parts.push(plural(p.updates, 'kundändring', 'kundändringar'));
  if (Number(p.addresses) > 0) parts.push(plural(p.addresses, 'ny adress', 'nya adresser'));
  return listSv(parts.join('|'));
}

/** A job id in version 2's messages: the batch jobs by their Swedish HQ names where the FAQ prints them. */
function jobV2Sv(job: string | number | undefined): string {
  switch (job) {
    case 'SynchronizeCustomersAndChannelRequests':
      return BATCH;
    case 'SynchronizeOrders':
      return quotedLabel('Synchronize orders');
    case 'P-0001':
      return 'CDX P-jobbet';
    default:
      return `jobbet ${namedJob(String(job))}`;
  }
}

/** A feature's English name or id (as a rule passes it) in the Swedish the FAQ prints. */
function featureNameSvV2(name: Value): string {
  const feature = FEATURES.find((f) => f.name === name || f.id === name);
  return feature ? svFeatureName(feature.id) : String(name);
}

/** 'true' / 'false' som HQ visar ett Ja/Nej-fält. */
function yesNo(value: Value): string {
  return value === 'true' ? 'Ja' : value === 'false' ? 'Nej' : String(value);
}

/** 'P-0001,SynchronizeCustomersAndChannelRequests,1010' i svensk form. */
function stepsV2Sv(steps: string | number | undefined): string {
  return listSv(String(steps ?? '').split(',').filter(Boolean).map(jobV2Sv).join('|'));
}

/** The text with its first letter in upper case, to begin a sentence. */
function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
