// The evidence of a goods hit, read from the alert's `subjectHits` (free-form JSON per kind, written by
// src/cargo, src/firearms, src/vehicles and src/cash) and laid out for a side-by-side view. Pure, so the
// marking of confusable and unreadable characters is tested without a browser.

/** The stamping and reading confusions the serial matcher tolerates (src/firearms/serial.ts). */
export const CONFUSABLE_GROUPS = ["0ODQ", "1IL", "5S", "8B", "2Z"] as const;

/** The group two characters share, written `0/O/D/Q`, or undefined when they are not confusable. */
export function confusableGroup(a: string, b: string): string | undefined {
  const g = CONFUSABLE_GROUPS.find((x) => x.includes(a.toUpperCase()) && x.includes(b.toUpperCase()));
  return g ? g.split("").join("/") : undefined;
}

export type Mark = "same" | "confusable" | "unreadable" | "differs";

export interface MarkedChar {
  /** 1-based, as an officer counts along a serial. */
  position: number;
  declared: string;
  listed: string;
  mark: Mark;
}

/**
 * Two serials or numbers position by position. `confusable` and `unreadable` are the matcher's own
 * findings (0-based positions) when it gave them; otherwise each differing position is classed here.
 */
export function markCharacters(
  declared: string,
  listed: string,
  found: { confusable?: readonly number[]; unreadable?: readonly number[] } = {},
): MarkedChar[] {
  const out: MarkedChar[] = [];
  for (let i = 0; i < Math.max(declared.length, listed.length); i++) {
    const d = declared[i] ?? "";
    const l = listed[i] ?? "";
    let mark: Mark;
    if (found.unreadable?.includes(i) || d === "?" || d === "*") mark = "unreadable";
    else if (found.confusable?.includes(i)) mark = "confusable";
    else if (d === l) mark = "same";
    else mark = d && l && confusableGroup(d, l) ? "confusable" : "differs";
    out.push({ position: i + 1, declared: d, listed: l, mark });
  }
  return out;
}

/** A field of a hit's evidence as text, or undefined when absent or empty. */
export function text(e: Record<string, unknown>, key: string): string | undefined {
  const v = e[key];
  if (v === null || v === undefined || v === "") return undefined;
  return typeof v === "string" || typeof v === "number" || typeof v === "boolean" ? String(v) : undefined;
}

/** A field that holds positions (0-based integers). */
export function positions(e: Record<string, unknown>, key: string): number[] {
  const v = e[key];
  return Array.isArray(v) ? v.filter((x): x is number => Number.isInteger(x)) : [];
}

export interface ContainerVerdict {
  number: string;
  valid?: boolean;
  reason?: string;
}

/** Containers as recorded: with their ISO 6346 verdict, or (alerts recorded before it) the number alone. */
export function containers(v: unknown): ContainerVerdict[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((c): ContainerVerdict[] => {
    if (typeof c === "string") return [{ number: c }];
    if (!c || typeof c !== "object") return [];
    const r = c as Record<string, unknown>;
    if (typeof r.number !== "string") return [];
    return [
      {
        number: r.number,
        ...(typeof r.valid === "boolean" ? { valid: r.valid } : {}),
        ...(typeof r.reason === "string" ? { reason: r.reason } : {}),
      },
    ];
  });
}

export interface GoodsLine {
  hsCode?: string;
  description: string;
  hs?: string;
  hsDescription?: string;
}

/** Goods lines as recorded: the declared HS code beside the description and the nomenclature's text. */
export function goodsLines(v: unknown): GoodsLine[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((g): GoodsLine[] => {
    if (!g || typeof g !== "object") return [];
    const r = g as Record<string, unknown>;
    const s = (k: string) => (typeof r[k] === "string" ? { [k]: r[k] as string } : {});
    return [{ description: String(r.description ?? ""), ...s("hsCode"), ...s("hs"), ...s("hsDescription") }];
  });
}
