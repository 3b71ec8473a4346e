import { describe, expect, it } from "vitest";
import { evaluateGoodsRules, type GoodsRule, nonGoodsFields } from "./goods.js";

const rule = (condition: GoodsRule["condition"], reviewDate = "2027-01-01"): GoodsRule => ({
  id: "r",
  version: 1,
  name: "r",
  justification: "j",
  reviewDate,
  priority: "high",
  action: "refer",
  condition,
});

describe("goods rules", () => {
  it("fire on goods facts with the common operators", () => {
    const arms = rule({
      all: [
        { field: "goods.hsChapters", op: "contains", value: "93" },
        { field: "container.invalidCount", op: "gte", value: 1 },
      ],
    });
    expect(
      evaluateGoodsRules([arms], { "goods.hsChapters": ["93"], "container.invalidCount": 1 }, "2026-12-01"),
    ).toHaveLength(1);
    expect(
      evaluateGoodsRules([arms], { "goods.hsChapters": ["94"], "container.invalidCount": 1 }, "2026-12-01"),
    ).toHaveLength(0);
    // A missing fact never matches, and an expired rule never fires.
    expect(evaluateGoodsRules([arms], { "goods.hsChapters": ["93"] }, "2026-12-01")).toHaveLength(0);
    expect(
      evaluateGoodsRules(
        [rule(arms.condition, "2026-01-01")],
        { "goods.hsChapters": ["93"], "container.invalidCount": 1 },
        "2026-12-01",
      ),
    ).toHaveLength(0);
  });

  it("cannot test a fact about a person: such a rule is named and never fires", () => {
    const mixed = rule({
      any: [
        { field: "goods.precursor", op: "eq", value: true },
        { field: "traveller.nationality", op: "eq", value: "XX" },
      ],
    });
    expect(nonGoodsFields(mixed)).toEqual(["traveller.nationality"]);
    expect(evaluateGoodsRules([mixed], { "goods.precursor": true }, "2026-12-01")).toEqual([]);
  });
});
