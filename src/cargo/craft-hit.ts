// A listed craft as a reason on an alert, for the side-by-side view: the basis and strength of the hit,
// the declared identifier beside the listed one, and any data issue of the listed identifier.
import type { SubjectHit } from "../alerts/index.js";
import type { CraftHit } from "../vessels/index.js";

export function craftHit(kind: "vessel" | "aircraft", h: CraftHit): SubjectHit {
  return {
    kind:
      kind === "vessel" ? "listed_vessel" : h.basis === "operator" ? "listed_operator" : "listed_aircraft",
    // An exact identifier is near-conclusive; a fuzzy name alone asks for a look, no more.
    priority: h.strength === "weak" ? "standard" : "high",
    list: h.list,
    entityId: h.entityId,
    score: h.score,
    requestedAction:
      h.strength === "weak"
        ? `compare the ${kind}'s identifiers with the listed ${kind}`
        : kind === "vessel"
          ? "hold the vessel's cargo for review"
          : "hold the aircraft and its cargo for review",
    evidence: {
      basis: h.basis,
      strength: h.strength,
      declared: h.declared,
      listed: h.listed,
      listedName: h.listedName,
      ...(h.dataIssue ? { dataIssue: h.dataIssue } : {}),
    },
  };
}
