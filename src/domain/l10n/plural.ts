// Singular and plural by the language's own rule (Intl.PluralRules), so a message never says
// "1 rows" or "1 kunder": every count in a message goes through here.
type Language = 'en' | 'sv';

const rules: Record<Language, Intl.PluralRules> = { en: new Intl.PluralRules('en'), sv: new Intl.PluralRules('sv') };

/** The form of a word (or phrase) that goes with the count n: form('en', 1, 'job', 'jobs') → 'job'. */
export function form(language: Language, n: number | string | undefined, one: string, other: string): string {
  return rules[language].select(Number(n)) === 'one' ? one : other;
}

/** The count with its word: count('sv', 2, 'rad', 'rader') → '2 rader'. */
export function count(language: Language, n: number | string | undefined, one: string, other: string): string {
  return `${n} ${form(language, n, one, other)}`;
}
