// Baseline (b): brute-force best-pairs Jaro-Winkler over every name and alias, the approach of
// moov-io watchman (internal/stringscore): tokenise, score each query token against each name token,
// keep the best one-to-one pairs, average weighted by length, penalise unmatched name tokens. Every name
// is scored for every query: there is no index.
import type { Entity } from "../../src/watchlists/model.js";
import { queryName } from "../data.js";
import { allNames, bestPerEntity, type Hit, type ScreeningSystem } from "../systems.js";

/** watchman's parameters: smetrics boost threshold 0.7 and prefix 4, and its three custom penalties. */
const BOOST_THRESHOLD = 0.7;
const PREFIX_SIZE = 4;
const LENGTH_CUTOFF = 0.9;
const LENGTH_PENALTY_WEIGHT = 0.3;
const DIFFERENT_FIRST_LETTER_PENALTY = 0.9;
const UNMATCHED_INDEX_PENALTY_WEIGHT = 0.15;
/** No single documented default exists in watchman; 0.88 is the `min-match` default of its Java port. */
export const JW_REFER_THRESHOLD = 0.88;

let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

export function jaro(a: string, b: string): number {
  if (a === b) return 1;
  const la = a.length;
  const lb = b.length;
  if (la === 0 || lb === 0) return 0;
  if (flagsA.length < la) flagsA = new Uint8Array(la * 2);
  if (flagsB.length < lb) flagsB = new Uint8Array(lb * 2);
  flagsA.fill(0, 0, la);
  flagsB.fill(0, 0, lb);
  const window = Math.max(0, Math.floor(Math.max(la, lb) / 2) - 1);
  let matches = 0;
  for (let i = 0; i < la; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(lb - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!flagsB[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        flagsA[i] = 1;
        flagsB[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < la; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  return (matches / la + matches / lb + (matches - transpositions / 2) / matches) / 3;
}

export function jaroWinkler(a: string, b: string): number {
  const j = jaro(a, b);
  if (j <= BOOST_THRESHOLD) return j;
  const limit = Math.min(PREFIX_SIZE, a.length, b.length);
  let prefix = 0;
  while (prefix < limit && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return j + 0.1 * prefix * (1 - j);
}

const scaling = (metric: number, weight: number) => 1 - (1 - metric) * weight;

function tokenScore(indexed: string, search: string): number {
  let score = jaroWinkler(indexed, search);
  const lengthRatio = Math.min(indexed.length, search.length) / Math.max(indexed.length, search.length);
  if (lengthRatio < LENGTH_CUTOFF) score *= scaling(lengthRatio, LENGTH_PENALTY_WEIGHT);
  if (indexed[0] !== search[0]) score *= DIFFERENT_FIRST_LETTER_PENALTY;
  return score;
}

const SOUNDEX: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  1: "bfpv",
  2: "cgjkqsxz",
  3: "dt",
  4: "l",
  5: "mn",
  6: "r",
})) {
  for (const l of letters) SOUNDEX[l] = digit;
}
/** watchman's cheap pre-filter: only tokens whose first letters share a Soundex class are compared. */
const firstClass = (token: string) => SOUNDEX[token[0]!] ?? token[0]!;

/** Lower case, no accents, punctuation as spaces; "LAST, First" turned around as watchman does for SDN names. */
export function prepareName(name: string): string[] {
  const comma = name.indexOf(",");
  const ordered =
    comma > 0 && name.indexOf(",", comma + 1) < 0 ? `${name.slice(comma + 1)} ${name.slice(0, comma)}` : name;
  return ordered
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
}

interface PreparedName {
  entityId: string;
  tokens: string[];
  classes: string[];
  length: number;
}

/** Best one-to-one token pairs, greedily from the highest pair score; see the file comment. */
export function bestPairs(
  search: readonly string[],
  searchClasses: readonly string[],
  indexed: PreparedName,
): number {
  const pairs: { score: number; s: number; i: number }[] = [];
  for (let s = 0; s < search.length; s++) {
    for (let i = 0; i < indexed.tokens.length; i++) {
      if (searchClasses[s] === indexed.classes[i])
        pairs.push({ score: tokenScore(indexed.tokens[i]!, search[s]!), s, i });
    }
  }
  if (pairs.length === 0) return 0;
  pairs.sort((x, y) => y.score - x.score);
  const usedS = new Uint8Array(search.length);
  const usedI = new Uint8Array(indexed.tokens.length);
  let weighted = 0;
  let matchedIndexLength = 0;
  for (const p of pairs) {
    if (usedS[p.s] || usedI[p.i]) continue;
    usedS[p.s] = 1;
    usedI[p.i] = 1;
    const it = indexed.tokens[p.i]!;
    weighted += p.score * (search[p.s]!.length + it.length);
    matchedIndexLength += it.length;
  }
  const searchLength = search.reduce((n, t) => n + t.length, 0);
  const average = weighted / (searchLength + matchedIndexLength);
  return average * scaling(matchedIndexLength / indexed.length, UNMATCHED_INDEX_PENALTY_WEIGHT);
}

export function jaroWinklerBaseline(entities: readonly Entity[]): ScreeningSystem {
  const names: PreparedName[] = allNames(entities)
    .map(({ entityId, name }) => {
      const tokens = prepareName(name);
      return {
        entityId,
        tokens,
        classes: tokens.map(firstClass),
        length: tokens.reduce((n, t) => n + t.length, 0),
      };
    })
    .filter((n) => n.tokens.length > 0);
  return {
    name: "JW brute force",
    referRule: `best-pairs Jaro-Winkler ≥ ${JW_REFER_THRESHOLD} (watchman parameters)`,
    screen(q) {
      const search = prepareName(queryName(q));
      const classes = search.map(firstClass);
      const hits: Hit[] = [];
      for (const n of names) {
        const score = bestPairs(search, classes, n);
        if (score >= 0.7) hits.push({ entityId: n.entityId, score, refer: score >= JW_REFER_THRESHOLD });
      }
      return bestPerEntity(hits).slice(0, 10);
    },
  };
}
