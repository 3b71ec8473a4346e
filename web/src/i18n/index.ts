// The active strings and the officer's locale. Each language is a module of the `Strings` shape (en.ts),
// so a missing key is a type error. `t` is a live binding: `setLocale` swaps it, and the app re-renders.
// Plurals follow CLDR through Intl.PluralRules; numbers and dates go through Intl in the chosen locale.
import { en, type Strings } from "./en";
import { ar } from "./locales/ar";
import { bs } from "./locales/bs";
import { el } from "./locales/el";
import { fr } from "./locales/fr";
import { mk } from "./locales/mk";
import { sq } from "./locales/sq";
import { srCyrl } from "./locales/sr-Cyrl";
import { srLatn } from "./locales/sr-Latn";
import { tr } from "./locales/tr";
import { pseudoLocale } from "./pseudo";

/** The UI's locales (the server keeps the same list in src/access/locale.ts). */
export const LOCALES = {
  en: { label: "English", dir: "ltr", strings: () => en },
  "sr-Cyrl": { label: "Српски (ћирилица)", dir: "ltr", strings: () => srCyrl },
  "sr-Latn": { label: "Srpski (latinica)", dir: "ltr", strings: () => srLatn },
  bs: { label: "Bosanski / Hrvatski / Crnogorski", dir: "ltr", strings: () => bs },
  mk: { label: "Македонски", dir: "ltr", strings: () => mk },
  el: { label: "Ελληνικά", dir: "ltr", strings: () => el },
  fr: { label: "Français", dir: "ltr", strings: () => fr },
  ar: { label: "العربية", dir: "rtl", strings: () => ar },
  sq: { label: "Shqip", dir: "ltr", strings: () => sq },
  tr: { label: "Türkçe", dir: "ltr", strings: () => tr },
  "en-XA": { label: "Pseudo (layout check)", dir: "ltr", strings: () => pseudoLocale(en) },
} as const satisfies Record<string, { label: string; dir: "ltr" | "rtl"; strings: () => Strings }>;

export type Locale = keyof typeof LOCALES;

export let t: Strings = en;
export let locale: Locale = "en";

export function isLocale(x: string | null | undefined): x is Locale {
  return !!x && Object.hasOwn(LOCALES, x);
}

/**
 * Switches the language: the strings, and `lang` and `dir` on the document. Nothing is stored in the
 * browser (the session token is the only thing kept there): the user's choice lives on the server.
 */
export function setLocale(next: Locale): void {
  locale = next;
  t = LOCALES[next].strings();
  if (typeof document !== "undefined") {
    document.documentElement.lang = next;
    document.documentElement.dir = LOCALES[next].dir;
  }
}

/** The arrow of a way back: it points where the reader came from, to the right in a right-to-left page. */
export function backArrow(): string {
  return LOCALES[locale].dir === "rtl" ? "→" : "←";
}

/** Words of the UI in a row (roles, account states), with the language's comma: Arabic writes "،". */
export function joinWords(words: readonly string[]): string {
  return words.join(locale === "ar" ? "، " : ", ");
}

/** Before anyone signs in: the browser's preferred language where the UI has it, else English. */
export function browserLocale(): Locale {
  const preferred = typeof navigator === "undefined" ? [] : navigator.languages;
  return preferred.find(isLocale) ?? "en";
}

/** The form of `forms` that CLDR's rule for the locale picks for `n` (`other` when a form is not given). */
export function plural(
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
  tag: string = locale,
): string {
  return (forms[new Intl.PluralRules(tag).select(n)] ?? forms.other).replace("#", formatNumber(n, tag));
}

/**
 * The tag Intl formats with. Arabic keeps Latin digits: the MRZ, document numbers and references on the
 * same screen are in Latin digits, and one line mixing two kinds of digits misleads at a glance.
 */
function intlTag(tag: string): string {
  return tag === "en-XA" ? "en" : tag === "ar" ? "ar-u-nu-latn" : tag;
}

export function formatNumber(n: number, tag: string = locale): string {
  return new Intl.NumberFormat(intlTag(tag)).format(n);
}

export function formatDateTime(d: Date, tag: string = locale): string {
  return new Intl.DateTimeFormat(intlTag(tag), {
    dateStyle: "medium",
    timeStyle: "short",
  }).format(d);
}

export type ErrorParams = Record<string, string | number | boolean | null>;

/**
 * The message of an API error in the UI's language: the `errors` entry for its code with the error's
 * params filled in, or the server's own message when the code is unknown or a parameter is missing.
 */
export function errorText(code: string, params: ErrorParams | undefined, serverMessage: string): string {
  const template = t.errors[code];
  if (template === undefined) return serverMessage;
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) missing = true;
    return String(value);
  });
  return missing ? serverMessage : text;
}
