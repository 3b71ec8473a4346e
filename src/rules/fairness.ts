// The fairness report of a rule: its hit rate per nationality and per sex against the screened
// population, and the disparity against the overall rate. Pure. A rule that never names a protected
// ground can still select by one through a proxy (a route only one nationality uses): this is where it
// shows. Small groups are suppressed, since a rate over a handful of people identifies them.

export const MIN_GROUP = 20;
export const DISPARITY_WARNING = 3;

/** Screened persons of one nationality and sex, and how many of them the rule hit (SQL aggregates). */
export interface Cell {
  nationality: string | null;
  sex: string | null;
  population: number;
  hits: number;
}

export type GroupStats =
  | { group: string; population: number; hits: number; hitRate: number; disparity: number | null }
  | { group: "suppressed"; population: number; suppressed: true; groups: number };

export interface FairnessReport {
  population: number;
  hits: number;
  overallHitRate: number;
  byNationality: GroupStats[];
  bySex: GroupStats[];
  warnings: string[];
}

function groups(
  cells: readonly Cell[],
  dimension: "nationality" | "sex",
  overall: number,
  warnings: string[],
): GroupStats[] {
  const counts = new Map<string, { population: number; hits: number }>();
  for (const cell of cells) {
    const g = cell[dimension] ?? "unknown";
    const c = counts.get(g) ?? { population: 0, hits: 0 };
    c.population += cell.population;
    c.hits += cell.hits;
    counts.set(g, c);
  }
  const out: GroupStats[] = [];
  let small = 0;
  let smallGroups = 0;
  // Largest groups first, ties by name: the same report whatever order the database returns its rows in.
  const ordered = [...counts].sort((a, b) => b[1].population - a[1].population || a[0].localeCompare(b[0]));
  for (const [group, c] of ordered) {
    if (c.population < MIN_GROUP) {
      small += c.population;
      smallGroups++;
      continue;
    }
    const hitRate = c.hits / c.population;
    const disparity = overall > 0 ? hitRate / overall : null;
    if (disparity !== null && disparity > DISPARITY_WARNING) {
      warnings.push(
        `${dimension} ${group}: hit rate ${disparity.toFixed(1)}× the overall rate (${(hitRate * 100).toFixed(1)}% against ${(overall * 100).toFixed(1)}%)`,
      );
    }
    out.push({ group, population: c.population, hits: c.hits, hitRate, disparity });
  }
  if (smallGroups > 0)
    out.push({ group: "suppressed", population: small, suppressed: true, groups: smallGroups });
  return out;
}

export function fairnessReport(cells: readonly Cell[]): FairnessReport {
  const population = cells.reduce((n, c) => n + c.population, 0);
  const hits = cells.reduce((n, c) => n + c.hits, 0);
  const overallHitRate = population > 0 ? hits / population : 0;
  const warnings: string[] = [];
  return {
    population,
    hits,
    overallHitRate,
    byNationality: groups(cells, "nationality", overallHitRate, warnings),
    bySex: groups(cells, "sex", overallHitRate, warnings),
    warnings,
  };
}
