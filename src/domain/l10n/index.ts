// Messages as references into a catalogue, so the engine decides what to say and the
// edge (CLI, editor) decides the language. English and Swedish; English is the fallback.
import { en, type MessageKey } from './en';
import { sv } from './sv';

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

/** 'sv', 'sv-SE', 'sv_SE.UTF-8' → 'sv'; anything else → 'en'. */
export function localeOf(tag: string | undefined): Locale {
  return tag && /^sv([-_.]|$)/i.test(tag) ? 'sv' : 'en';
}
