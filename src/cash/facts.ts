// The goods facts of a cash record, for risk rules (src/rules/goods.ts): sums and kinds, never the
// carrier or the owner, who are persons. Pure.
import type { GoodsFacts } from "../rules/index.js";
import type { DetectionFinding, Priced } from "./declaration.js";

export function cashFacts(
  kind: "declaration" | "detection",
  priced: Priced,
  finding: DetectionFinding | null,
) {
  const facts: GoodsFacts = {
    "cash.totalEur": priced.totalEurCents / 100,
    "cash.declared": kind === "declaration",
    "cash.undeclared": finding === "undeclared" || finding === "incomplete",
    "cash.reachesThreshold": priced.reachesThreshold,
    "cash.kinds": [...new Set(priced.items.map((i) => i.kind))],
    "cash.currencies": [...new Set(priced.items.map((i) => i.currency))],
  };
  if (finding) facts["cash.finding"] = finding;
  return facts;
}
