// Turns a match explanation into what the reviewer sees: each name token with the alignment it belongs
// to (same colour on both sides), and each comparison as a traffic light.
import type { Schemas } from "./api";

type Explanation = Schemas["Match"]["explanation"];
export type TokenAlignment = Explanation["alignment"][number];
export type FeatureContribution = Explanation["features"][number];

export interface NameToken {
  text: string;
  /** Index into the alignment, or undefined when the token found no partner. */
  pair?: number;
}

const fold = (s: string) =>
  s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLocaleLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Splits a name as written into tokens and marks which alignment pair each belongs to. An aligned side
 * may itself hold several words (a compound such as "Abd al Rahman"): each of its words is marked.
 */
export function alignTokens(
  name: string,
  alignment: readonly TokenAlignment[],
  side: "query" | "candidate",
): NameToken[] {
  const used = new Set<number>();
  const words = alignment.map((a) =>
    a[side]
      .split(/[\s-]+/)
      .map(fold)
      .filter(Boolean),
  );
  return name
    .split(/\s+/)
    .filter(Boolean)
    .map((text) => {
      const key = fold(text);
      let pair = words.findIndex((w, i) => !used.has(i) && w.length === 1 && w[0] === key);
      if (pair < 0) pair = words.findIndex((w) => w.includes(key));
      // A hyphenated word the engine read as two ("al-Haddad" ↔ الحداد comes back as "al Haddad").
      if (pair < 0) pair = words.findIndex((w) => w.length > 1 && w.join("") === key);
      if (pair < 0 || !key) return { text };
      if (words[pair]!.length === 1) used.add(pair);
      return { text, pair };
    });
}

export type Light = "green" | "amber" | "red" | "grey";

export function lightOf(outcome: FeatureContribution["outcome"] | undefined): Light {
  switch (outcome) {
    case "match":
      return "green";
    case "partial":
      return "amber";
    case "mismatch":
      return "red";
    default:
      return "grey";
  }
}

export function featureOf(
  features: readonly FeatureContribution[],
  feature: string,
): FeatureContribution | undefined {
  return features.find((f) => f.feature === feature);
}

export function birthDateText(b: Schemas["BirthDate"]): string {
  const core = b.kind === "range" ? `${b.from}–${b.to}` : b.date;
  return b.approximate ? `~${core}` : core;
}
