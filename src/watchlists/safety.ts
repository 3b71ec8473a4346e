// The safety limits of a list update, as pure rules: an upload that would quietly disarm screening (a
// list emptied, a schema gone, a feed going back in time) must not go live on one person's word.
import type { ImportCounts, Schema } from "./model.js";

export interface ListLimits {
  /** A version removing this share of the live version's entities or more waits for approval (percent). */
  maxRemovedPct: number;
}

export const DEFAULT_LIST_LIMITS: ListLimits = { maxRemovedPct: 5 };

export type BreachCode = "removed_share" | "schema_emptied" | "source_date_backwards";

export interface Breach {
  code: BreachCode;
  message: string;
  params: Record<string, string | number>;
}

export interface VersionFacts {
  counts: ImportCounts;
  /** The feed's own generation date (UN `dateGenerated`), when the format has one. */
  sourceDate?: string | undefined;
}

/**
 * Why `next` may not replace `live` at once; empty when it may. None of the four formats declares its
 * own totals (the UN XML, OFAC's CSVs, FtM and the national CSV carry no record count), so there is no
 * declared total to check a file against: a truncated file is refused by its parser instead.
 */
export function checkSafety(
  live: VersionFacts | undefined,
  next: VersionFacts,
  removed: number,
  limits: ListLimits = DEFAULT_LIST_LIMITS,
): Breach[] {
  if (!live) return [];
  const breaches: Breach[] = [];
  const total = live.counts.entities;
  const pct = total === 0 ? 0 : (removed / total) * 100;
  if (total > 0 && pct >= limits.maxRemovedPct) {
    breaches.push({
      code: "removed_share",
      message: `removes ${removed} of ${total} entities (${pct.toFixed(1)}%), the limit is under ${limits.maxRemovedPct}%`,
      params: { removed, total, pct: Number(pct.toFixed(1)), limit: limits.maxRemovedPct },
    });
  }
  for (const [schema, before] of Object.entries(live.counts.bySchema) as [Schema, number][]) {
    if (before > 0 && !next.counts.bySchema[schema]) {
      breaches.push({
        code: "schema_emptied",
        message: `has no ${schema} entities left (the live version has ${before})`,
        params: { schema, before },
      });
    }
  }
  const [was, now] = [live.sourceDate, next.sourceDate];
  if (was && now && Date.parse(now) < Date.parse(was)) {
    breaches.push({
      code: "source_date_backwards",
      message: `the feed's own date ${now} is older than the live version's ${was}`,
      params: { live: was, upload: now },
    });
  }
  return breaches;
}
