// A candidate's evidence beyond retrieval: the name's similarity, then birth date, nationality, gender and
// documents, each contribution recorded for the explanation. Pure.
import { countryCode } from "../shared/countries.js";
import { round } from "./compare.js";
import type { Entity } from "./entity.js";
import {
  compareBirthDate,
  compareDocuments,
  compareGender,
  compareNationality,
  DOCUMENT_MATCH_FLOOR,
  type QueryDocument,
} from "./features.js";
import type { FeatureContribution, ScreeningQuery } from "./types.js";

/** A weak (low-quality) alias alone is thin evidence: lists mark them so for a reason. */
const WEAK_ALIAS_PENALTY = 0.08;

export function queryNationalities(q: ScreeningQuery): string[] {
  const out = new Set<string>();
  for (const n of q.nationalities ?? []) {
    const code = countryCode(n);
    if (code) out.add(code);
  }
  return [...out];
}

export function queryDocuments(q: ScreeningQuery): QueryDocument[] {
  return (q.documents ?? []).map((d) => {
    const doc: QueryDocument = { number: d.number };
    const c = d.country ? countryCode(d.country) : undefined;
    if (c) doc.country = c;
    return doc;
  });
}

/** The name's similarity plus every other feature's contribution, each recorded for the explanation. */
export function weighEvidence(
  entity: Entity,
  nameScore: number,
  weakAlias: boolean,
  query: ScreeningQuery,
  nationalities: string[],
  documents: QueryDocument[],
): { score: number; raw: number; features: FeatureContribution[] } {
  const features: FeatureContribution[] = [];
  const add = (
    feature: FeatureContribution["feature"],
    v: { outcome: FeatureContribution["outcome"]; contribution: number; detail: string },
  ) => {
    features.push({ feature, outcome: v.outcome, contribution: round(v.contribution), detail: v.detail });
    return v.contribution;
  };
  let raw = nameScore;
  add("name", {
    outcome: nameScore > 0 ? "match" : "missing",
    contribution: nameScore,
    detail: `name similarity ${round(nameScore)}`,
  });
  if (weakAlias) {
    raw += add("name", {
      outcome: "partial",
      contribution: -WEAK_ALIAS_PENALTY,
      detail: "matched a weak (low-quality) alias",
    });
  }
  raw += add("birthDate", compareBirthDate(query.birthDate, entity.birthDates));
  raw += add("nationality", compareNationality(nationalities, entity.nationalities));
  raw += add("gender", compareGender(query.gender, entity.gender));
  const doc = compareDocuments(documents, entity.documents);
  raw += add("document", doc);
  if (doc.conclusive) raw = Math.max(raw, DOCUMENT_MATCH_FLOOR);
  return { score: Math.max(0, Math.min(1, raw)), raw, features };
}
