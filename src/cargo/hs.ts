// The Harmonized System nomenclature (WCO; the copy in data/real/goods is UN Comtrade's, PDDL): a
// declared code is looked up at its most precise level the nomenclature holds. National extensions (8 or
// 10 digits: CN, HTS) are read at their first six digits, which are the HS itself.
import { parse } from "csv-parse/sync";
import { InvalidError } from "../shared/errors.js";

export interface HsEntry {
  code: string;
  description: string;
  /** 2 chapter, 4 heading, 6 subheading. */
  level: 2 | 4 | 6;
  section: string;
}

export interface HsLookup {
  /** The code as declared, digits only. */
  declared: string;
  /** The most precise nomenclature entry found, or undefined when not even the chapter exists. */
  entry?: HsEntry;
  chapter?: HsEntry;
  /** `exact` when the declared six digits (or fewer) are in the nomenclature; `partial` when only a shorter prefix is. */
  found: "exact" | "partial" | "none";
}

export interface HsNomenclature {
  readonly size: number;
  lookup(code: string): HsLookup;
}

/** Reads the `section,hscode,description,parent,level` CSV. */
export function parseHsCsv(text: string): HsEntry[] {
  const rows = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  const entries: HsEntry[] = [];
  for (const [i, r] of rows.entries()) {
    const level = Number(r.level);
    if (!r.hscode || !/^\d+$/.test(r.hscode) || ![2, 4, 6].includes(level) || r.hscode.length !== level) {
      if (r.hscode === "TOTAL") continue;
      throw new InvalidError(
        `HS nomenclature: line ${i + 2}: "${r.hscode}" is not a code of level ${r.level}`,
      );
    }
    entries.push({
      code: r.hscode,
      description: r.description ?? "",
      level: level as 2 | 4 | 6,
      section: r.section ?? "",
    });
  }
  return entries;
}

/** The declared code reduced to its digits: `9302.00.10` → `93020010`. */
export function hsDigits(code: string): string {
  return code.replace(/[\s.-]/g, "");
}

export function createHsNomenclature(entries: readonly HsEntry[]): HsNomenclature {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  return {
    size: byCode.size,
    lookup(code) {
      const declared = hsDigits(code);
      const chapter = byCode.get(declared.slice(0, 2));
      const base = { declared, ...(chapter ? { chapter } : {}) };
      if (!/^\d{2,10}$/.test(declared) || declared.length % 2 !== 0) return { ...base, found: "none" };
      const six = declared.slice(0, 6);
      for (const len of [6, 4, 2]) {
        if (len > six.length) continue;
        const entry = byCode.get(six.slice(0, len));
        if (entry) return { ...base, entry, found: len === six.length ? "exact" : "partial" };
      }
      return { ...base, found: "none" };
    },
  };
}
