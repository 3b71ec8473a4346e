import { describe, expect, it } from "vitest";
import { buildBundle, type Count, cellsOf, detectionKind, monthBounds, type PointInfo } from "./model.js";

const points: PointInfo[] = [
  { id: "a", code: "MK-TAB", name: "Tabanovce", kind: "land", section: "MK-RS" },
  { id: "b", code: "MK-PRE", name: "Pelince", kind: "land", section: "MK-RS" },
  { id: "c", code: "MK-LOJ", name: "Lojane", kind: "land", section: "MK-RS" },
  { id: "d", code: "MK-SKP", name: "Skopje airport", kind: "air", section: null },
];
const n = (pointId: string, indicator: Count["indicator"], category: string, count: number): Count => ({
  pointId,
  indicator,
  category,
  n: count,
});

describe("the regional bundle", () => {
  const bundle = buildBundle(
    "MK-BORDER",
    "2026-11",
    points,
    [
      n("a", "crossings", "", 120),
      n("b", "crossings", "", 45),
      n("c", "crossings", "", 4),
      n("d", "crossings", "", 300),
      n("a", "detections", "listed_person", 14),
      n("a", "detections", "stolen_document", 11),
      n("b", "detections", "listed_person", 3),
      n("a", "refusals", "listed_person", 6),
    ],
    new Date("2026-12-01T00:00:00Z"),
  );
  const section = (name: string) => bundle.sections.find((s) => s.section === name)!;

  it("groups points by border section, unplaced points under 'unassigned'", () => {
    expect(bundle.sections.map((s) => s.section)).toEqual(["MK-RS", "unassigned"]);
    expect(section("unassigned").indicators.crossings).toMatchObject({
      total: 300,
      byPoint: { "MK-SKP": 300 },
    });
  });

  it("withholds every cell under 10 and one more, so the small one cannot be subtracted out", () => {
    const crossings = section("MK-RS").indicators.crossings;
    expect(crossings.total).toBe(169);
    expect(crossings.byPoint["MK-LOJ"]).toBeNull();
    // 169 - 120 - 45 would give Lojane's 4: a second point is withheld with it.
    expect(Object.values(crossings.byPoint).filter((v) => v === null).length).toBeGreaterThanOrEqual(2);
    expect(cellsOf(bundle).every((v) => v === 0 || v >= 10)).toBe(true);
  });

  it("withholds a whole indicator whose total is under 10", () => {
    expect(section("MK-RS").indicators.refusals.total).toBeNull();
    expect(Object.values(section("MK-RS").indicators.refusals.byCategory).every((v) => v === null)).toBe(
      true,
    );
    const detections = section("MK-RS").indicators.detections;
    expect(detections.total).toBe(28);
    expect(detections.byPoint["MK-PRE"]).toBeNull();
  });

  it("classifies an alert once: goods by subject, persons by match, then document, then rule", () => {
    expect(detectionKind("consignment", {})).toBe("cargo");
    expect(detectionKind("firearm", {})).toBe("firearm");
    expect(detectionKind("person", { matches: [{ decision: "refer" }], documentHits: [{}] })).toBe(
      "listed_person",
    );
    expect(detectionKind("person", { matches: [{ decision: "clear" }], documentHits: [{}] })).toBe(
      "stolen_document",
    );
    expect(detectionKind("person", { matches: [] })).toBe("risk_rule");
  });

  it("bounds a month in UTC and refuses anything else", () => {
    expect(monthBounds("2026-12")).toEqual({
      from: "2026-12-01T00:00:00.000Z",
      to: "2027-01-01T00:00:00.000Z",
    });
    expect(() => monthBounds("2026-13")).toThrow(/YYYY-MM/);
  });
});
