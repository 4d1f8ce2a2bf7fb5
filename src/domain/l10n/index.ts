// Messages as references into a catalogue, so the engine decides what to say and the
// edge (CLI, editor) decides the language. English and Swedish; English is the fallback.
import { en, featureName, type MessageKey } from './en';
import { quotedLabel, SWEDISH_JOB_NAMES, SWEDISH_MENU_PATHS } from './hqLabels';
import { sv, svFeatureName } from './sv';

export type { MessageKey } from './en';
export type Params = Readonly<Record<string, string | number>>;
export type Locale = 'en' | 'sv';

export interface MessageRef {
  readonly key: MessageKey;
  readonly params: Params;
}

export function msg(key: MessageKey, params: Params): MessageRef {
  return { key, params };
}

const catalogues: Record<Locale, Record<MessageKey, (p: Params) => string>> = { en, sv };

export function localize(ref: MessageRef, locale: Locale = 'en'): string {
  return catalogues[locale][ref.key](ref.params);
}

/** A feature's name as Feature management shows it in the language. */
export function localizeFeatureName(id: string, locale: Locale = 'en'): string {
  return locale === 'sv' ? svFeatureName(id) : featureName(id);
}

/** A CDX job's name in the language: 'Customers' / 'Kunder'; the P-job is 'CDX P-jobbet' in Swedish. */
export function localizeJobName(id: string, englishName: string, locale: Locale = 'en'): string {
  if (locale === 'en') {
    return englishName;
  }
  return id === 'P-0001' ? 'CDX P-jobbet' : (SWEDISH_JOB_NAMES[id] ?? englishName);
}

/** A menu path in HQ as the user's HQ shows it: in Swedish where the FAQ prints it, else the English path quoted. */
export function localizeMenuPath(path: string, locale: Locale = 'en'): string {
  return locale === 'en' ? path : (SWEDISH_MENU_PATHS[path] ?? quotedLabel(path));
}

/** 'sv', 'sv-SE', 'sv_SE.UTF-8' → 'sv'; anything else → 'en'. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^sv([-_.]|$)/i.test(tag) ? 'sv' : 'en';
}
