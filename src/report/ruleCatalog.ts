// What each rule id is, for reports that describe their rules (SARIF's tool.driver.rules): the
// diagnosis rules from the engine's own list, the checks of the file itself from this table.
import type { Locale } from '../domain/l10n';
import { localize } from '../domain/l10n';
import { RULES } from '../diagnose/engine';

interface RuleDescription {
  readonly id: string;
  /** An identifier-like name, e.g. "PrerequisiteFeatureOff". */
  readonly name: string;
  /** The cause as a checklist line, or what a file check looks at. */
  readonly description: string;
}

const NAMES: Readonly<Record<string, string>> = {
  ACD001: 'PrerequisiteFeatureOff',
  ACD002: 'ChannelMetadataStale',
  ACD003: 'CsuCacheNotExpired',
  ACD004: 'RecordsAwaitingUpload',
  ACD005: 'RecordsAwaitingBatchJob',
  ACD006: 'OperationFailed',
  ACD007: 'AccountNumbersNotDownloaded',
  ACD008: 'ChannelNotInAsyncMode',
  ACD009: 'FeatureNeedsNewerVersion',
  ACD010: 'PipelineJobNotScheduled',
  ACD011: 'LastRunFailed',
  ACD012: 'OrderForUnsynchronizedCustomer',
  ACD013: 'LoyaltyCardForUnsynchronizedCustomer',
  ACD100: 'ScenarioSyntax',
  ACD101: 'UnknownOrDuplicateKey',
  ACD102: 'UnknownId',
  ACD103: 'WrongType',
  ACD104: 'TimeGoesBackwards',
  ACD105: 'MissingKey',
  ACD106: 'RefusedAction',
  ACD107: 'BadDateDurationOrCount',
  ACD108: 'ScenarioOverLimits',
  ACD109: 'AmbiguousCustomerReference',
};

const FILE_CHECKS: Readonly<Record<Locale, Readonly<Record<string, string>>>> = {
  en: {
    ACD100: 'The scenario file is JSON with comments (JSONC) and an object',
    ACD101: 'Every key is known and appears once',
    ACD102: 'Every id (feature, job, channel, customer, operation) is known',
    ACD103: 'Every value has the type the scenario format expects',
    ACD104: 'Time in the timeline does not go backwards',
    ACD105: 'Every required key is present',
    ACD107: 'Dates, durations and counts are valid',
    ACD108: 'The scenario is within the size, entry and generated-customer limits',
    ACD109: 'Every customer reference names one customer',
  },
  sv: {
    ACD100: 'Scenariofilen är JSON med kommentarer (JSONC) och ett objekt',
    ACD101: 'Varje nyckel är känd och förekommer en gång',
    ACD102: 'Varje id (funktion, jobb, kanal, kund, åtgärd) är känt',
    ACD103: 'Varje värde har den typ scenarioformatet förväntar sig',
    ACD104: 'Tiden i tidslinjen går inte bakåt',
    ACD105: 'Varje obligatorisk nyckel finns',
    ACD107: 'Datum, varaktigheter och antal är giltiga',
    ACD108: 'Scenariot håller sig inom gränserna för storlek, poster och genererade kunder',
    ACD109: 'Varje kundreferens pekar ut en kund',
  },
};

export function describeRule(id: string, locale: Locale): RuleDescription {
  const rule = RULES.find((r) => r.id === id);
  const description = rule ? localize(rule.cause, locale) : (FILE_CHECKS[locale][id] ?? id);
  return { id, name: NAMES[id] ?? id, description };
}
