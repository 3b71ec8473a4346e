// The pseudo-locale `en-XA`, generated from English: every letter accented and every string 40% longer,
// so that untranslated text (plain ASCII) and layouts that break on longer languages show at a glance.
import type { Strings } from "./en";

const ACCENTED: Record<string, string> = {
  a: "á",
  b: "ƀ",
  c: "ç",
  d: "đ",
  e: "é",
  f: "ƒ",
  g: "ĝ",
  h: "ĥ",
  i: "í",
  j: "ĵ",
  k: "ķ",
  l: "ļ",
  m: "ɱ",
  n: "ñ",
  o: "ö",
  p: "þ",
  q: "ʠ",
  r: "ŕ",
  s: "š",
  t: "ţ",
  u: "ú",
  v: "ṽ",
  w: "ŵ",
  x: "ẋ",
  y: "ý",
  z: "ž",
  A: "Á",
  B: "Ɓ",
  C: "Ç",
  D: "Đ",
  E: "É",
  F: "Ƒ",
  G: "Ĝ",
  H: "Ĥ",
  I: "Í",
  J: "Ĵ",
  K: "Ķ",
  L: "Ļ",
  M: "Ṁ",
  N: "Ñ",
  O: "Ö",
  P: "Þ",
  Q: "Ǫ",
  R: "Ŕ",
  S: "Š",
  T: "Ţ",
  U: "Ú",
  V: "Ṽ",
  W: "Ŵ",
  X: "Ẋ",
  Y: "Ý",
  Z: "Ž",
};

/** Accented, padded to 140% of its length, and bracketed so that a cut-off end shows. */
export function pseudoText(s: string): string {
  const accented = [...s].map((c) => ACCENTED[c] ?? c).join("");
  const pad = "~".repeat(Math.ceil(s.length * 0.4));
  return `⟦${accented}${pad}⟧`;
}

function pseudoValue(v: unknown): unknown {
  if (typeof v === "string") return pseudoText(v);
  if (typeof v === "function") return (...args: unknown[]) => pseudoText(String(v(...args)));
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, pseudoValue(x)]));
  return v;
}

export function pseudoLocale(en: Strings): Strings {
  return pseudoValue(en) as Strings;
}
