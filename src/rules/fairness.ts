// The fairness report of a rule: its hit rate per nationality and per sex against the screened
// population. Pure. A rule that never names a protected ground can still select by one through a proxy
// (a route only one nationality uses): this is where it shows. Groups under 20 persons are withheld, and
// more where needed, so that no withheld count can be worked out from the published ones (src/disclosure);
// an exact test still warns when a group, shown or withheld, is hit far more often than everyone.
import { type Counts, disclosureControl, publish } from "../disclosure/index.js";
import { binomialUpperTail } from "./exact.js";

export const MIN_GROUP = 20;
/** Family-wise significance of the warnings: each group is tested at this level over the number of groups. */
export const WARNING_LEVEL = 0.01;

/** Screened persons of one nationality and sex, and how many of them the rule hit (SQL aggregates). */
export interface Cell {
  nationality: string | null;
  sex: string | null;
  population: number;
  hits: number;
}

export type GroupStats =
  | {
      group: string;
      population: number;
      /** Null when hit counts are withheld altogether (too few hits to publish any safely). */
      hits: number | null;
      hitRate: number | null;
      disparity: number | null;
      warn: boolean;
    }
  | { group: "suppressed"; population: number; suppressed: true };

export interface FairnessReport {
  population: number;
  hits: number | null;
  overallHitRate: number | null;
  byNationality: GroupStats[];
  bySex: GroupStats[];
  /** Facts about the withheld groups that reveal no count, e.g. how much of the hits fall in them. */
  notes: string[];
  warnings: string[];
}

const DIMENSIONS = ["nationality", "sex"] as const;
type Dimension = (typeof DIMENSIONS)[number];

function margins(cells: readonly Cell[], dim: Dimension): Record<string, Counts> {
  const out: Record<string, Counts> = {};
  for (const cell of cells) {
    const g = cell[dim] ?? "unknown";
    const c = out[g] ?? { population: 0, hits: 0 };
    out[g] = c;
    c.population += cell.population;
    c.hits += cell.hits;
  }
  return out;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** The exact test's p-value of a group's hits against the overall rate. */
function surprise(c: Counts, rate: number): number {
  return binomialUpperTail(c.hits, c.population, rate);
}

export function fairnessReport(cells: readonly Cell[]): FairnessReport {
  const total = {
    population: cells.reduce((n, c) => n + c.population, 0),
    hits: cells.reduce((n, c) => n + c.hits, 0),
  };
  const dims = { nationality: margins(cells, "nationality"), sex: margins(cells, "sex") };
  const windows = [{ total, dimensions: dims }];
  const disclosure = disclosureControl(windows, { minCell: MIN_GROUP });
  const shown = publish(windows, disclosure).windows[0]!;
  const rate = total.population > 0 ? total.hits / total.population : 0;
  const groupCount = Object.values(dims).reduce((n, d) => n + Object.keys(d).length, 0);
  const level = WARNING_LEVEL / Math.max(1, groupCount);
  const warnings: string[] = [];
  const notes: string[] = [];
  const table = (dim: Dimension): GroupStats[] => {
    const withheld = disclosure.withheld[dim] ?? [];
    const out: GroupStats[] = [];
    // Largest groups first, ties by name: the same report whatever order the database returns rows in.
    const ordered = Object.entries(dims[dim]).sort(
      (a, b) => b[1].population - a[1].population || a[0].localeCompare(b[0]),
    );
    let hiddenWarned = false;
    for (const [group, c] of ordered) {
      const p = surprise(c, rate);
      const warn = total.hits > 0 && p < level;
      if (withheld.includes(group)) {
        // A group withheld only so that smaller ones cannot be worked out is named, without figures.
        if (warn && c.population >= MIN_GROUP)
          warnings.push(
            `${dim} ${group}: hit far more often than the overall rate (exact binomial test, p = ${p.toExponential(1)}); its figures are withheld so that smaller groups cannot be worked out`,
          );
        else hiddenWarned ||= warn;
        continue;
      }
      const published = shown.dimensions[dim]![group]!;
      const hitRate = published.hits === null ? null : c.hits / c.population;
      const disparity = hitRate !== null && rate > 0 ? hitRate / rate : null;
      if (warn)
        warnings.push(
          hitRate === null || disparity === null
            ? `${dim} ${group}: hit far more often than the overall rate (exact binomial test, p = ${p.toExponential(1)})`
            : `${dim} ${group}: hit rate ${disparity.toFixed(1)}× the overall rate (${pct(hitRate)} against ${pct(rate)}; exact binomial test, p = ${p.toExponential(1)})`,
        );
      out.push({ group, population: c.population, hits: published.hits, hitRate, disparity, warn });
    }
    if (withheld.length === 0) return out;
    const hidden = withheld.map((g) => dims[dim][g]!);
    out.push({
      group: "suppressed",
      population: hidden.reduce((n, c) => n + c.population, 0),
      suppressed: true,
    });
    if (hiddenWarned)
      warnings.push(
        `${dim}: a group too small to show is hit far more often than the overall rate (exact binomial test, p < ${level.toExponential(0)}): look for a proxy of ${dim} in the rule`,
      );
    const inHidden = hidden.reduce((n, c) => n + c.hits, 0);
    if (!disclosure.hitsWithheld && total.hits > 0 && inHidden > 0)
      notes.push(
        `${dim}: ${Math.round((inHidden / total.hits) * 100)}% of hits fall in groups too small to show`,
      );
    return out;
  };
  return {
    population: total.population,
    hits: disclosure.hitsWithheld ? null : total.hits,
    overallHitRate: disclosure.hitsWithheld ? null : rate,
    byNationality: table("nationality"),
    bySex: table("sex"),
    notes,
    warnings,
  };
}
