// A rule's condition in words, in the officer's language ("origin is NGLOS and the document expires in
// under 30 days"), built from the rule model (src/rules/model.ts: all / any / not over field tests) with
// the strings of `t.ruleWords`. Pure, so each operator's wording is unit-tested.
import { formatNumber, joinWords, locale, t } from "../i18n";
import type { Condition } from "./rules";

/** Intl has no pseudo-locale: it formats as English. */
const intlTag = () => (locale === "en-XA" ? "en" : locale);

function valueText(v: unknown): string {
  if (typeof v === "number") return formatNumber(v);
  if (typeof v === "boolean") return v ? t.ruleWords.yes : t.ruleWords.no;
  if (Array.isArray(v))
    // A plain list: the sentence around it already joins conditions with "and", and Intl's unit lists put
    // a local "and" between the values in some languages and no separator at all in Turkish.
    return joinWords(v.map(valueText));
  return typeof v === "string" ? v : JSON.stringify(v);
}

function testInWords(c: { field: string; op: string; value?: unknown }): string {
  const w = t.ruleWords;
  const flag = w.flags[c.field];
  if (flag && typeof c.value === "boolean" && (c.op === "eq" || c.op === "neq"))
    return c.value === (c.op === "eq") ? flag.yes : flag.no;
  const amount = w.amounts[c.field];
  const compare = w.compare[c.op];
  if (amount && compare && typeof c.value === "number") return amount(compare(formatNumber(c.value)));
  const phrase = w.ops[c.op];
  // The guard refuses unknown operators; an old stored rule still shows, as JSON.
  if (!phrase) return JSON.stringify(c);
  return phrase(w.fields[c.field] ?? c.field, valueText(c.value));
}

/** The condition as one sentence; combinations inside combinations are bracketed. */
export function ruleInWords(c: Condition, nested = false): string {
  if ("all" in c || "any" in c) {
    const parts = ("all" in c ? c.all : c.any).map((x) => ruleInWords(x, true));
    const type = "all" in c ? "conjunction" : "disjunction";
    const text = new Intl.ListFormat(intlTag(), { type }).format(parts);
    return nested && parts.length > 1 ? t.ruleWords.group(text) : text;
  }
  if ("not" in c) return t.ruleWords.not(ruleInWords(c.not));
  return testInWords(c);
}
