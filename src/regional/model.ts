// The regional risk-analysis bundle (issue 16, item 6), in the manner of Frontex's CIRAM and the Western
// Balkans Risk Analysis Network: per border section and crossing point, for one month, the crossings,
// refusals of entry by ground, detections by kind and alerts by outcome. Aggregates only: every cell
// under the minimum (10) is withheld, with complementary suppression by src/disclosure so that no
// withheld cell can be worked out from a total and the cells shown. Pure, no I/O.
import { ALERT_STATUSES } from "../alerts/lifecycle.js";
import { disclosureControl, type WindowCounts } from "../disclosure/index.js";
import { InvalidError } from "../shared/errors.js";

export const BUNDLE_FORMAT = "limes-regional/1";
export const MIN_CELL = 10;

export const INDICATORS = ["crossings", "refusals", "detections", "alerts"] as const;
export type Indicator = (typeof INDICATORS)[number];

/** What an alert detected: each alert counts once, under the first kind that applies. */
export const DETECTION_KINDS = [
  "listed_person",
  "stolen_document",
  "risk_rule",
  "vessel",
  "aircraft",
  "cargo",
  "vehicle",
  "firearm",
  "cash",
] as const;
export type DetectionKind = (typeof DETECTION_KINDS)[number];

/** Alerts are counted by their status, the lifecycle's own list. */
export const ALERT_OUTCOMES = ALERT_STATUSES;

/** The categories each indicator is broken down by; crossings by crossing point only. */
export const CATEGORIES: Record<Indicator, readonly string[]> = {
  crossings: [],
  refusals: DETECTION_KINDS,
  detections: DETECTION_KINDS,
  alerts: ALERT_OUTCOMES,
};

/** One published figure: null where withheld (under the minimum, or to protect one that is). */
export interface Figure {
  total: number | null;
  byPoint: Record<string, number | null>;
  byCategory: Record<string, number | null>;
}

export interface SectionFigures {
  section: string;
  points: { code: string; name: string; kind: string }[];
  indicators: Record<Indicator, Figure>;
}

export interface RegionalBundle {
  format: typeof BUNDLE_FORMAT;
  nodeId: string;
  /** YYYY-MM. */
  month: string;
  generatedAt: string;
  minCell: number;
  sections: SectionFigures[];
}

export interface PointInfo {
  id: string;
  code: string;
  name: string;
  kind: string;
  section: string | null;
}

/** One counted event: where, which indicator, which category (empty for crossings), how many. */
export interface Count {
  pointId: string;
  indicator: Indicator;
  category: string;
  n: number;
}

/** Points not yet placed in a section are counted under this one, so the figures stay complete. */
export const UNASSIGNED = "unassigned";

/** The kind of detection of an alert, from its subject and its reasons (matches, document hits, rules). */
export function detectionKind(subjectKind: string, reasons: unknown): DetectionKind {
  if (subjectKind === "consignment") return "cargo";
  if (subjectKind !== "person")
    return (DETECTION_KINDS as readonly string[]).includes(subjectKind)
      ? (subjectKind as DetectionKind)
      : "risk_rule";
  const r = (reasons ?? {}) as { matches?: { decision?: string }[]; documentHits?: unknown[] };
  if (r.matches?.some((m) => m.decision === "refer")) return "listed_person";
  if (r.documentHits?.length) return "stolen_document";
  return "risk_rule";
}

function figure(indicator: Indicator, points: PointInfo[], counts: Count[]): Figure {
  const byPoint = new Map(points.map((p) => [p.code, 0]));
  const byCategory = new Map(CATEGORIES[indicator].map((c) => [c, 0]));
  const code = new Map(points.map((p) => [p.id, p.code]));
  let total = 0;
  for (const c of counts) {
    const point = code.get(c.pointId);
    if (!point || c.indicator !== indicator) continue;
    total += c.n;
    byPoint.set(point, (byPoint.get(point) ?? 0) + c.n);
    if (byCategory.has(c.category)) byCategory.set(c.category, byCategory.get(c.category)! + c.n);
  }
  const none = (m: Map<string, number>) => Object.fromEntries([...m.keys()].map((k) => [k, null]));
  if (total < MIN_CELL) return { total: null, byPoint: none(byPoint), byCategory: none(byCategory) };
  // One window; each indicator a table of its own with two margins. The module reasons about counts
  // and hits: here every counted event is its own "hit", so both carry the same figures. Empty cells
  // are published as 0 and left out of the control: they count nobody, and treating them as small
  // would withhold nearly every breakdown of a month.
  const group = (m: Map<string, number>) =>
    Object.fromEntries([...m].filter(([, n]) => n > 0).map(([k, n]) => [k, { population: n, hits: n }]));
  const window: WindowCounts = {
    total: { population: total, hits: total },
    dimensions: {
      point: group(byPoint),
      ...(byCategory.size ? { category: group(byCategory) } : {}),
    },
  };
  const d = disclosureControl([window], { minCell: MIN_CELL });
  const shown = (m: Map<string, number>, dim: string) =>
    Object.fromEntries([...m].map(([k, n]) => [k, d.withheld[dim]?.includes(k) ? null : n]));
  return { total, byPoint: shown(byPoint, "point"), byCategory: shown(byCategory, "category") };
}

/** The bundle of one month from the points and the counted events, suppression applied. */
export function buildBundle(
  nodeId: string,
  month: string,
  points: PointInfo[],
  counts: Count[],
  now: Date,
): RegionalBundle {
  const sections = new Map<string, PointInfo[]>();
  for (const p of points) {
    const s = p.section ?? UNASSIGNED;
    sections.set(s, [...(sections.get(s) ?? []), p]);
  }
  return {
    format: BUNDLE_FORMAT,
    nodeId,
    month,
    generatedAt: now.toISOString(),
    minCell: MIN_CELL,
    sections: [...sections]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([section, members]) => ({
        section,
        points: members.map(({ code, name, kind }) => ({ code, name, kind })),
        indicators: Object.fromEntries(INDICATORS.map((i) => [i, figure(i, members, counts)])) as Record<
          Indicator,
          Figure
        >,
      })),
  };
}

/** Every published cell, for the check that nothing under the minimum is shown (0 aside). */
export function cellsOf(b: RegionalBundle): number[] {
  return b.sections
    .flatMap((s) =>
      Object.values(s.indicators).flatMap((f) => [
        f.total,
        ...Object.values(f.byPoint),
        ...Object.values(f.byCategory),
      ]),
    )
    .filter((n): n is number => n !== null);
}

/** A month as YYYY-MM and its bounds as ISO timestamps (UTC). */
export function monthBounds(month: string): { from: string; to: string } {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!m) throw new InvalidError("month: YYYY-MM, e.g. 2026-11");
  const start = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, 1));
  const end = new Date(Date.UTC(Number(m[1]), Number(m[2]), 1));
  return { from: start.toISOString(), to: end.toISOString() };
}

/** The month before the one `now` falls in (UTC), as YYYY-MM: the month a monthly run publishes. */
export function previousMonth(now: Date): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

/** Whether a published cell may be shown: empty, or at least the minimum. */
export const publishable = (n: number) => n === 0 || n >= MIN_CELL;
