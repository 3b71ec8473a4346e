// Writing system of a name, from its letters. The screening engine has its own per-token view
// (src/screening/translit.ts); this one labels whole names for importers and reports.

/** Writing system of a name, detected from its characters. */
export type Script =
  | "latin"
  | "cyrillic"
  | "greek"
  | "arabic"
  | "hebrew"
  | "han"
  | "hangul"
  | "kana"
  | "thai"
  | "devanagari"
  | "other";

function scriptOfLetter(c: number): Script {
  if (c < 0x250 || (c >= 0x1e00 && c <= 0x1eff)) return "latin";
  if (c >= 0x370 && c <= 0x3ff) return "greek";
  if (c >= 0x400 && c <= 0x52f) return "cyrillic";
  if (c >= 0x590 && c <= 0x5ff) return "hebrew";
  if ((c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff))
    return "arabic";
  if (c >= 0x900 && c <= 0x97f) return "devanagari";
  if (c >= 0xe00 && c <= 0xe7f) return "thai";
  if (c >= 0x3040 && c <= 0x30ff) return "kana";
  if ((c >= 0x1100 && c <= 0x11ff) || (c >= 0xac00 && c <= 0xd7af)) return "hangul";
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return "han";
  return "other";
}

/** The script most of the name's letters are written in; Latin (with or without diacritics) by default. */
export function detectScript(s: string): Script {
  const counts = new Map<Script, number>();
  for (const ch of s) {
    if (!/\p{L}/u.test(ch)) continue;
    const script = scriptOfLetter(ch.codePointAt(0)!);
    counts.set(script, (counts.get(script) ?? 0) + 1);
  }
  let best: Script = "latin";
  let max = 0;
  for (const [script, n] of counts) {
    if (n > max) {
      best = script;
      max = n;
    }
  }
  return best;
}
