// Plural forms for the translations, without importing i18n/index.ts (which imports the translations):
// the CLDR category of `n` in one language, through Intl.PluralRules, with `#` standing for the number.

export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export function pluralIn(tag: string, n: number, forms: PluralForms): string {
  const form = forms[new Intl.PluralRules(tag).select(n)] ?? forms.other;
  return form.replace("#", new Intl.NumberFormat(tag).format(n));
}

/** Slavic languages: one (1, 21, 101…), few (2–4, 22–24…), other (0, 5–20, 25…). */
export const slavic =
  (tag: string) =>
  (n: number, one: string, few: string, other: string): string =>
    pluralIn(tag, n, { one, few, other });
