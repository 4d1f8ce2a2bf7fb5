// Svenska meddelanden. Funktions- och jobbnamn står kvar på engelska, som i HQ.
import { featureName, fieldChanges, tableCounts, type MessageKey } from './en';
import type { Params } from './index';

function listSv(joined: string | number | undefined): string {
  const items = String(joined ?? '').split('|').filter(Boolean);
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

function plural(n: number | string | undefined, one: string, many: string): string {
  return `${n} ${Number(n) === 1 ? one : many}`;
}

const features = (ids: string | number | undefined) => listSv(String(ids ?? '').split(',').map(featureName).join('|'));
const jobs = (p: Params) => `${String(p.jobs).includes('|') ? 'jobben' : 'jobbet'} ${listSv(p.jobs)}`;
const suggestion = (p: Params) => (p.suggestion ? ` Menade du '${p.suggestion}'?` : '');

export const sv: Record<MessageKey, (p: Params) => string> = {
  tooDeep: (p) => `Filen har hakparenteser och klamrar i mer än ${p.max} nivåer; ett scenario behöver aldrig det. Inget lästes.`,
  syntax: (p) => `JSON-syntaxfel: ${p.detail}.`,
  notAScenario: () => 'Filen är tom eller inte JSON: ett scenario är ett objekt med "features", "channels" och "timeline".',
  wrongType: (p) => `'${p.key}' måste vara av typen ${p.expected}, inte ${p.actual}.`,
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

  'question.cannotEnableEditing': () => 'Varför kan jag inte aktivera "Enable editing customers in asynchronous mode"?',
  'question.realtimeCallsContinue': () => 'Varför ser jag fortfarande realtidsanrop efter att funktionen aktiverats?',
  'question.customersMissingInHq': () => 'Varför visar HQ inte kunder som skapats eller ändrats i POS eller e-handel?',
  'question.whichOperationFailed': () => 'Vilken asynkron åtgärd misslyckades, och hur rättar jag den?',

  'ACD001.cause': () => 'Förutsättande funktioner är aktiverade',
  'ACD001.message': (p) =>
    `'${p.feature}' kan inte aktiveras: ${String(p.missing).includes('|') ? 'de förutsättande funktionerna' : 'den förutsättande funktionen'} ${listSv(p.missing)} är avstängd${String(p.missing).includes('|') ? 'a' : ''}. HQ nekar tills ${String(p.missing).includes('|') ? 'de' : 'den'} aktiverats.`,
  'ACD001.remedy': (p) =>
    `Aktivera först ${listSv(p.missing)}${String(p.missing).includes('|') ? ', i den ordningen,' : ''} och därefter 'Enable editing customers in asynchronous mode'.`,
  'ACD001.fix': (p) => `Aktivera först ${listSv(p.missing)}`,

  'ACD002.cause': () => 'Jobben 1110, 1010 och 1070 har körts efter ändringen',
  'ACD002.message': (p) =>
    `Kanaldatabasen ${p.db} arbetar fortfarande med gamla metadata: ${change(p)} i HQ ${p.at}${Number(p.more) > 0 ? ` (och ${plural(p.more, 'ändring till', 'ändringar till')})` : ''}, men ${jobs(p)} har inte körts för ${p.db} sedan dess.` +
    (Number(p.calls) > 0 ? ` Dess kanaler har gjort ${plural(p.calls, 'realtidsanrop', 'realtidsanrop')} till HQ sedan ändringen.` : ' Tills de har körts kan dess kanaler fortsätta att göra realtidsanrop för kundåtgärder.'),
  'ACD002.remedy': (p) => `Kör ${jobs(p)} för kanaldatabasen ${p.db} (Distributionsschema > Kör nu) och räkna sedan med CSU-cachen.`,
  'ACD002.fix': (p) => `Kör ${jobs(p)} för ${p.db} efter ändringen`,

  'ACD003.cause': () => 'Cachen i Commerce Scale Unit har löpt ut',
  'ACD003.message': (p) =>
    `Jobben har körts för kanaldatabasen ${p.db}, men cachen i Commerce Scale Unit visar fortfarande det gamla värdet för ${listSv(p.what)} till ${p.until} (cache ${p.cache}): realtidsanrop kan fortsätta till dess.`,
  'ACD003.remedy': (p) => `Inget är fel i HQ: vänta till ${p.until} tills CSU-cachen löpt ut och försök sedan igen i POS.`,
  'ACD003.fix': (p) => `Flytta fram klockan ${p.duration}`,

  'ACD004.cause': () => 'P-jobbet har laddat upp de asynkrona posterna till HQ',
  'ACD004.message': (p) =>
    `${operations(p)} i ${p.channel} finns fortfarande i kanaldatabasen ${p.db}${p.names ? ` (${listSv(p.names)})` : ''}: P-jobbet har inte körts för kanaldatabasen ${p.db} sedan ${p.since}` +
    `${p.lastRun ? ` (den senaste körningen, ${p.lastRun}, var innan de skrevs)` : ''}, så HQ har inte fått dem.`,
  'ACD004.remedy': (p) =>
    `Kör P-jobbet (P-0001) för kanaldatabasen ${p.db} och därefter batchjobbet Synchronize customers and channel requests; schemalägg båda som återkommande batchjobb.`,
  'ACD004.fix': (p) => `Kör P-jobbet för ${p.db} och därefter Synchronize customers and channel requests`,

  'ACD005.cause': () => 'Batchjobbet har bearbetat de mellanlagrade posterna',
  'ACD005.message': (p) =>
    `${plural(p.n, 'kundåtgärd', 'kundåtgärder')} från ${p.channel}${p.names ? ` (${listSv(p.names)})` : ''} väntar i HQ:s mellanlagringstabeller med OnlineOperationCompleted = 0 (${listSv(tableCounts(p.rows, (n, table) => `${plural(n, 'rad', 'rader')} i ${table}`))}): ` +
    `batchjobbet Synchronize customers and channel requests har inte körts sedan de laddades upp ${p.since}${p.lastRun ? ` (den senaste körningen, ${p.lastRun}, var före uppladdningen)` : ' (det har aldrig körts)'}.`,
  'ACD005.remedy': () => 'Kör batchjobbet Synchronize customers and channel requests och schemalägg det som ett återkommande batchjobb.',
  'ACD005.fix': () => 'Kör Synchronize customers and channel requests',

  'ACD006.cause': () => 'Ingen asynkron åtgärd har misslyckats',
  'ACD006.message': (p) =>
    `Åtgärden ${p.op} (${opType(p.type)} för ${p.customer}, tillfälligt id ${p.asyncId}, från ${p.channel}) misslyckades i HQ: ${p.reason}` +
    (p.fields ? ` Rätta ${listSv(p.fields)} på sidan Customer synchronization status, spara och välj sedan Synchronize.` : ' Synkronisera den igen när kunden finns i HQ.'),
  'ACD006.messageAfterEdit': (p) =>
    `Åtgärden ${p.op} (${opType(p.type)} för ${p.customer}, tillfälligt id ${p.asyncId}, från ${p.channel}) misslyckas fortfarande efter redigeringen: ${p.reason}` +
    (p.fields ? ` Rätta ${listSv(p.fields)}, spara och välj sedan Synchronize.` : ' Synkronisera den igen när kunden finns i HQ.'),
  'ACD006.remedy': (p) =>
    p.op ? `Öppna åtgärden ${p.op}, välj Edit${p.fields ? ` och ändra ${listSv(p.fields)}` : ''}, spara och välj sedan Synchronize.` : 'Öppna varje misslyckad åtgärd, välj Edit, spara och sedan Synchronize.',
  'ACD006.fix': (p) => `Redigera ${p.op} (${listSv(fieldChanges(p.changes, 'tömd'))}) och synkronisera`,
  'ACD006.fixDependent': (p) => `Synkronisera först kundens skapande, därefter ${p.op}`,
  'ACD006.more': (p) => `${plural(p.n, 'åtgärd till', 'åtgärder till')} misslyckades; se vyn Synkroniseringsstatus.`,

  'ACD007.cause': () => 'Kontonumren har kommit tillbaka till kanalen (jobb 1010)',
  'ACD007.message': (p) =>
    `${plural(p.n, 'kund', 'kunder')} har fått kontonummer i HQ (${listSv(p.accounts)}) men är fortfarande Pending sync i kanaldatabasen ${p.db}: jobb 1010 har inte körts för ${p.db} sedan dess. Lojalitetskort kan inte utfärdas förrän det har körts.`,
  'ACD007.remedy': (p) => `Kör jobb 1010 (Customers) för kanaldatabasen ${p.db}.`,
  'ACD007.fix': (p) => `Kör jobb 1010 för ${p.db}`,

  'ACD008.cause': () => 'Kanalerna skapar och redigerar kunder i asynkront läge (funktionalitetsprofil)',
  'ACD008.message': (p) =>
    `${p.channel} har gjort ${plural(p.calls, 'realtidsanrop', 'realtidsanrop')} till HQ för kundåtgärder sedan 'Enable editing customers in asynchronous mode' aktiverades: dess funktionalitetsprofil har Create customer in async mode = Nej, så dess POS skapar och redigerar kunder med realtidsanrop oavsett funktionerna.`,
  'ACD008.remedy': (p) => `Sätt Create customer in async mode till Ja i funktionalitetsprofilen för ${p.channel} och kör sedan jobben 1110, 1010 och 1070 för kanaldatabasen ${p.db}.`,
  'ACD008.fix': (p) => `Sätt Create customer in async mode = Ja för ${p.channel} och kör sedan jobben 1110, 1010 och 1070 för ${p.db}`,

  'ACD106.cause': () => 'Alla åtgärder godtogs',
  'ACD109.cause': () => 'Varje kundreferens avser en enda kund',
  'ACD106.fixDisableDependents': (p) => `Inaktivera först ${listSv(String(p.dependents).split(',').map((id) => `'${featureName(id)}'`).join('|'))}`,
  'note.ambiguousCustomer': (p) =>
    `'${p.customer}' syftar på mer än en kund i scenariot; den senaste (${p.used}) användes. Ange kundens e-post eller tillfälliga id för att vara säker.`,
  'refused.prerequisitesOff': (p) => `'${featureName(p.feature)}' kan inte aktiveras medan ${features(p.missing)} är avstängd.`,
  'refused.requiredByEnabledFeature': (p) =>
    `HQ vägrar stänga av '${featureName(p.feature)}': ${features(p.dependents)} bygger på den och är aktiverad. Stäng av den först.`,
  'refused.unknownChannel': (p) => `Okänd kanal '${p.channel}'.`,
  'refused.unknownChannelDatabase': (p) => `Okänd kanaldatabas '${p.channelDatabase}'.`,
  'refused.offlineCreationFiltered': (p) =>
    `POS i ${p.channel} kan inte skapa kunder offline: Filter shared customer data tables är Ja för kanaldatabasen ${p.channelDatabase}.`,
  'refused.unknownCustomer': (p) =>
    `Kanaldatabasen ${p.channelDatabase} (${p.channel}) känner inte till kunden '${p.customer}'. Använd e-post, "Förnamn Efternamn", det tillfälliga id:t eller kontonumret för en kund som skapats tidigare i scenariot (kunder från en annan kanaldatabas kommer med jobb 1010).`,
  'refused.pendingCustomerNeedsAsyncEditing': (p) =>
    `POS i ${p.channel} kan inte redigera '${p.customer}': kunden är Pending sync, och utan asynkron redigering skulle ändringen kräva ett realtidsanrop till HQ, som ännu inte känner till kunden.`,
  'refused.pendingCustomerNeedsAsyncAddress': (p) =>
    `POS i ${p.channel} kan inte lägga till en adress för '${p.customer}': kunden är Pending sync, och utan asynkront skapande av adresser skulle det kräva ett realtidsanrop till HQ.`,
  'refused.offlineOnlineStore': (p) => `${p.channel} är en onlinebutik: bara en POS arbetar offline. Ta bort "offline" för den.`,
  'refused.offlineNeedsAsync': (p) => `POS i ${p.channel} är offline och den här ändringen av '${p.customer}' kräver ett realtidsanrop till HQ.`,
  'refused.realtimeCallRejected': (p) =>
    `HQ avvisade realtidsanropet ${p.operation} från ${p.channel}${p.customer ? ` för '${p.customer}'` : ''}: ${p.reason} POS visar felet och inget sparas.`,
  'refused.unknownOperation': (p) => `Det finns ingen asynkron åtgärd '${p.operation}' i HQ (P-jobbet har kanske inte laddat upp den än).`,
  'refused.operationNotFailed': (p) => `Åtgärden ${p.operation} har status ${p.status}; bara misslyckade åtgärder kan redigeras eller synkroniseras igen.`,
  'refused.fieldNotInOperation': (p) => `Åtgärden ${p.operation} har inget ${p.field} att redigera.`,

  // ---- version 2: versions, schedules, failed runs, orders and loyalty, channel database settings ----
  'v2.emptyFails': () => "'fails' är meddelandet som den misslyckade körningen lämnade; det får inte vara tomt.",
  'ACD011.cause': () => 'Den senaste körningen av varje jobb lyckades',
  'ACD011.message': (p) =>
    `Den senaste körningen av ${p.job === 'P-0001' ? 'CDX P-jobbet' : `jobb ${p.job}`} för kanaldatabasen ${p.db} misslyckades ${p.at}: '${p.message}'. Ingen senare körning lyckades, så ${p.kind === 'upload' ? 'kanalens poster nådde inte HQ' : 'dess data nådde inte kanaldatabasen'}.`,
  'ACD011.messageBatch': (p) =>
    `Den senaste körningen av batchjobbet ${p.job === 'SynchronizeOrders' ? "'Synchronize orders'" : 'Synkronisera kunder och kanalbegäranden'} misslyckades ${p.at}: '${p.message}'. Ingen senare körning lyckades, så inget som mellanlagrats sedan dess har bearbetats.`,
  'ACD011.remedy': (p) =>
    `Öppna ${p.kind === 'upload' ? "'Upload sessions'" : "'Download sessions'"} för ${p.db}, läs meddelandet, åtgärda orsaken och kör ${p.job} igen (kör 'Initialize Commerce scheduler' först efter en uppdatering).`,
  'ACD011.remedyBatch': () => 'Öppna batchjobbets historik, läs meddelandet, åtgärda orsaken och kör batchjobbet igen.',
  'ACD011.fix': (p) => (p.db ? `Kör ${p.job} igen för ${p.db}` : `Kör ${p.job} igen`),
  'v2.scheduleTwoJobs': () => 'Ett schema kör ett jobb: ange antingen runJob eller runBatch, inte båda. Lägg det andra i ett eget schema.',
  'v2.scheduleTooOften': (p) => `'every' måste vara minst ${p.min} (HQ anger upprepning i minuter); '${p.value}' är kortare.`,
  'v2.tooManyScheduledRuns': (p) =>
    `Schemana skulle köras ${p.runs} gånger under den här tidslinjen; ett scenario får göra högst ${p.max} schemalagda körningar. Använd en längre 'every' eller en kortare tidslinje. Inget spelades upp.`,
  'ACD010.cause': () => 'CDX P-jobbet, batchjobbet och 1010 körs som återkommande jobb',
  'ACD010.message': (p) =>
    `${jobV2Sv(p.job)}${p.db ? ` för kanaldatabasen ${p.db}` : ''} saknar upprepning i "schedules": det som jobbet för med sig väntar tills någon kör det för hand. Schemalägg CDX P-jobbet, Synkronisera kunder och kanalbegäranden och 1010 som återkommande jobb, oavsett läge.`,
  'ACD010.remedy': (p) =>
    p.job === 'SynchronizeCustomersAndChannelRequests'
      ? 'Öppna batchjobbet Synkronisera kunder och kanalbegäranden och ange en upprepning (till exempel var 15:e minut).'
      : `Lägg till ${jobV2Sv(p.job)} i distributionsschemat för ${p.db} med en upprepning (till exempel var 15:e minut).`,
  'ACD010.fix': (p) => `Schemalägg ${jobV2Sv(p.job)}${p.db ? ` för ${p.db}` : ''} med intervallet ${p.every}`,
  'ACD010.fixAll': (p) => `Schemalägg alla ${p.n} saknade jobb var 15:e minut`,
  'v2.badVersion': (p) =>
    `'commerceVersion' är en Commerce-version "10.0.N" från 10.0.0 till ${p.max}, inte '${p.value}'. Utelämna den för den senaste som verktyget känner till (${p.newest}).`,
  'ACD009.cause': () => 'HQ:s Commerce-version har funktionerna',
  'ACD009.message': (p) =>
    `'${featureNameSvV2(p.feature)}' kräver Commerce-version ${p.needs} eller senare; HQ har ${p.version}, där funktionen inte finns i 'Feature management'. Den förblir avstängd.`,
  'ACD009.remedy': (p) => `Uppdatera Commerce headquarters till ${p.needs} eller senare (Lifecycle Services) och aktivera sedan funktionen i 'Feature management'.`,
  'ACD009.fix': (p) => `Sätt commerceVersion till ${p.needs}`,
  'refused.featureNotInVersion': (p) => `'${featureName(p.feature)}' finns inte i Commerce-version ${p.version}; den kräver ${p.needs}.`,
  'refused.mandatoryFeature': (p) =>
    `HQ vägrar stänga av '${featureName(p.feature)}': funktionen är obligatorisk från Commerce-version ${p.from} (HQ har ${p.version}) och alltid aktiverad.`,
  'refused.statusPageNeedsVersion': (p) =>
    `Sidan Kundsynkroniseringsstatus finns från Commerce-version ${p.needs}; HQ har ${p.version}, så en åtgärd kan inte redigeras eller synkroniseras där.`,
  'question.ordersAndLoyalty': () => 'Varför kan jag inte skapa en kundorder eller utfärda ett lojalitetskort för den här nya kunden? (utanför FAQ:n)',
  'ACD012.cause': () => 'Synkrona kundorder gäller synkroniserade kunder',
  'ACD012.message': (p) =>
    `Kassan (POS) i ${p.channel} kan inte skapa en synkron kundorder för '${p.customer}': kunden skapades asynkront och dess kontonummer har inte nått kanaldatabasen ${p.db}. Kvar att köra: ${stepsV2Sv(p.steps)}.`,
  'ACD012.remedy': (p) =>
    `Vänta tills kunden är synkroniserad (CDX P-jobbet, Synkronisera kunder och kanalbegäranden och sedan 1010), eller sätt 'Create customer order in async mode' till Ja i funktionalitetsprofilen för ${p.channel}.`,
  'ACD012.fix': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} före ordern`,
  'ACD012.fixAsync': () => 'Skapa ordern i asynkront läge i stället',
  'ACD013.cause': () => 'Lojalitetskort utfärdas till kunder med kontonummer i kanalen',
  'ACD013.message': (p) =>
    `Kassan (POS) i ${p.channel} kan inte utfärda ett lojalitetskort till '${p.customer}': kunden är Pending sync och har ännu inget riktigt kontonummer i kanaldatabasen ${p.db}. Kvar att köra: ${stepsV2Sv(p.steps)}.`,
  'ACD013.remedy': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} och utfärda sedan kortet.`,
  'ACD013.fix': (p) => `Kör ${stepsV2Sv(p.steps)} för ${p.db} innan kortet utfärdas`,
  'refused.orderNeedsSynchronizedCustomer': (p) => `Kassan (POS) i ${p.channel} kan inte skapa en synkron kundorder för '${p.customer}' innan kunden är synkroniserad.`,
  'refused.loyaltyNeedsAccountNumber': (p) => `Kassan (POS) i ${p.channel} kan inte utfärda ett lojalitetskort till '${p.customer}' innan dess kontonummer har nått kanalen.`,
  'v2.filterDisagrees': (p) =>
    `'Filter shared customer data tables' är en inställning för kanaldatabasen ${p.channelDatabase} ('Commerce channel schema'), inte för en kanal: ${p.channel} anger ${p.value}, men ${p.by === 'channelDatabases' ? '"channelDatabases"' : p.by} anger ${p.applied}, som gäller för alla kanaler i ${p.channelDatabase}.`,
};

function idKind(kind: string | number | undefined): string {
  switch (kind) {
    case 'feature':
      return 'funktion';
    case 'job':
      return 'CDX-jobb';
    case 'batchJob':
      return 'batchjobb';
    case 'channelDatabase':
      return 'kanaldatabas';
    case 'channelKind':
      return 'kanaltyp';
    case 'channel':
      return 'kanal';
    default:
      return String(kind);
  }
}

function change(p: Params): string {
  switch (p.change) {
    case 'featureEnabled':
      return `'${p.subject}' aktiverades`;
    case 'featureDisabled':
      return `'${p.subject}' stängdes av`;
    default:
      return `inställningarna för kanalen ${p.subject} ändrades`;
  }
}

function opType(type: string | number | undefined): string {
  switch (type) {
    case 'CustomerCreate':
      return 'skapa kund';
    case 'CustomerUpdate':
      return 'redigera kund';
    case 'AddressCreate':
      return 'skapa adress';
    default:
      return String(type);
  }
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
      return 'Synkronisera kunder och kanalbegäranden';
    case 'SynchronizeOrders':
      return "'Synchronize orders'";
    case 'P-0001':
      return 'CDX P-jobbet';
    default:
      return `jobb ${String(job)}`;
  }
}

/** A feature's English name (as a rule passes it) in the Swedish the FAQ prints. */
function featureNameSvV2(name: string | number | undefined): string {
  const swedish: Record<string, string> = {
    'Enable editing customers in asynchronous mode': 'Aktivera redigering av kunder i asynkront läge',
    'Performance improvements for customer orders and customer transactions': 'Prestandaförbättringar för kundorder och kundtransaktioner',
    'Enable enhanced asynchronous customer creation': 'Aktivera utökat skapa asynkron kund',
    'Enable asynchronous creation for customer addresses': 'Aktivera att skapa kundadresser asynkront',
  };
  return swedish[String(name)] ?? String(name);
}

/** 'P-0001,SynchronizeCustomersAndChannelRequests,1010' i svensk form. */
function stepsV2Sv(steps: string | number | undefined): string {
  return listSv(String(steps ?? '').split(',').filter(Boolean).map(jobV2Sv).join('|'));
}
