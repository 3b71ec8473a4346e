// Which listed names a query aligns in full: the postings of the query's similar parts, pruned by the
// documented upper bound of bench/README.md ("Why candidate generation is safe to prune") with each
// query part weighted by how common it is (document frequency).
import { CONFLICT_PENALTY, type TokenSim } from "./compare.js";
import {
  CANDIDATE_KINDS,
  compoundVocab,
  dfWeight,
  GUARANTEED,
  type Index,
  postingCount,
} from "./name-index.js";
import type { NameToken } from "./tokens.js";

/** Postings longer than this are not walked only to refine partial scores. */
const COMMON_POSTINGS = 5_000;
/** Candidates aligned per query beyond the all-parts matches; ranked by the partial score. */
export const MAX_CANDIDATES = 100;
/**
 * Share of the query's identifying weight a name must match to reach `refer`. With the scoring of
 * compare.ts, a name matching weight m of the query's W scores at most m / (m + 0.35 (W - m)), which
 * is below 0.75 when m < 0.51 W. Query tokens are visited rarest first; once the unvisited tokens weigh
 * less than this share, a name that matched none of the visited ones cannot qualify.
 */
const MIN_QUERY_SHARE = 0.5;
/** The most that birth date and nationality together can add to a name score. */
const MAX_FEATURE_BONUS = 0.11;
/** Particles and titles matched on both sides raise a score a little above the bound's estimate. */
const BOUND_SLACK = 0.05;
const EPS = 1e-9;

/** Per-name accumulators, reused from query to query (an epoch stamp marks which are current). */
export class CandidateScratch {
  /** partial score for ranking, weighted by how rare each matched part is */
  readonly acc: Float64Array;
  /** query weight (document-frequency weighted) the name can still match at most, for the bound */
  readonly reach: Float64Array;
  /** the name's own weight (document-frequency weighted) that some query part matched, however weakly */
  readonly cover: Float64Array;
  /** bit i: query token i matched some part of the name */
  readonly mask: Uint32Array;
  readonly stamp: Int32Array;
  epoch = 0;
  touched: number[] = [];

  constructor(names: number) {
    this.acc = new Float64Array(names);
    this.reach = new Float64Array(names);
    this.cover = new Float64Array(names);
    this.mask = new Uint32Array(names);
    this.stamp = new Int32Array(names);
  }

  next(): void {
    this.epoch++;
    this.touched = [];
  }
}

interface QueryPart {
  i: number;
  /** the part's weight in the bound: its token weight times its document-frequency weight */
  w: number;
  size: number;
}

/**
 * The query's candidate parts, rarest first (shortest postings, so common names such as Mohammed or Ali
 * rarely widen the net), with their weights in the bound.
 */
function queryParts(
  index: Index,
  qTokens: readonly NameToken[],
  perToken: readonly ReadonlyMap<number, TokenSim>[],
) {
  const names = index.names.count;
  const parts: QueryPart[] = [];
  let totalWeight = 0;
  let assumed = 0;
  let assumedOwn = 0;
  let allMask = 0;
  for (let i = 0; i < qTokens.length; i++) {
    const t = qTokens[i]!;
    if (!CANDIDATE_KINDS.has(t.kind)) continue;
    let size = 0;
    for (const id of perToken[i]!.keys()) size += postingCount(index, id);
    const w = t.weight * dfWeight(size, names);
    totalWeight += w;
    if (i < 32) allMask |= 1 << i;
    // A part the index found nothing for may still align by a heavier typo or as part of a split word,
    // which only the full alignment sees: the bound assumes it matches.
    if (size === 0) {
      assumed += w;
      assumedOwn += w;
    } else parts.push({ i, w, size });
  }
  parts.sort((a, b) => a.size - b.size);
  return { parts, totalWeight, assumed, assumedOwn, allMask };
}

/** Walks the postings of every similar part, rarest part first, into `scratch`. */
function walkPostings(
  index: Index,
  scratch: CandidateScratch,
  qTokens: readonly NameToken[],
  perToken: readonly ReadonlyMap<number, TokenSim>[],
): { totalWeight: number; assumed: number; assumedOwn: number; allMask: number; skippedMask: number } {
  const names = index.names.count;
  const q = queryParts(index, qTokens, perToken);
  const { parts, totalWeight, allMask } = q;
  let { assumed, assumedOwn } = q;
  // A part the index found nothing for may still match a name not yet seen, so it counts as remaining.
  let remaining = parts.reduce((s, x) => s + x.w, assumed);
  let skippedMask = 0;
  const { acc, reach, cover, mask, stamp, touched } = scratch;
  const epoch = scratch.epoch;
  for (const { i, w, size } of parts) {
    // Once the parts left weigh less than the share a name must match, a name that matched none of
    // the parts visited so far cannot qualify: the rest only add to names already found. A very
    // common part (Maria, Mohammed in a million-name list) is not walked for that: the bound assumes
    // it matches, and so does the all-parts test below.
    const allowNew = remaining >= MIN_QUERY_SHARE * totalWeight - EPS;
    remaining -= w;
    if (!allowNew && size > COMMON_POSTINGS) {
      assumed += w;
      // The name's part it would match weighs at most its heaviest similar part, which may be rarer
      // than the query part's whole similar set: else a skipped part would keep a name from counting
      // as an all-parts match.
      let heaviest = 0;
      for (const id of perToken[i]!.keys()) heaviest = Math.max(heaviest, index.boundWeight[id]!);
      assumedOwn += heaviest;
      if (i < 32) skippedMask |= 1 << i;
      continue;
    }
    const bit = i < 32 ? 1 << i : 0;
    for (const [id, s] of perToken[i]!) {
      // A part found only by the guarantee may still align (a compound, a heavier typo): the bound
      // lets it match in full, the ranking counts what it scores.
      const r = (s.method === GUARANTEED ? 1 : s.sim) * w;
      const from = index.postingStart[id]!;
      const to = index.postingStart[id + 1]!;
      const rank = s.sim * w * Math.log(1 + names / (to - from));
      const own = index.boundWeight[id]!;
      for (let p = from; p < to; p++) {
        const n = index.postings[p]!;
        if (stamp[n] !== epoch) {
          if (!allowNew) continue;
          stamp[n] = epoch;
          acc[n] = 0;
          reach[n] = 0;
          cover[n] = 0;
          mask[n] = 0;
          touched.push(n);
        }
        acc[n] = acc[n]! + rank;
        reach[n] = reach[n]! + r;
        cover[n] = cover[n]! + own;
        mask[n] = mask[n]! | bit;
      }
    }
  }
  return { totalWeight, assumed, assumedOwn, allMask, skippedMask };
}

/**
 * The names to align for one query name: compound spellings and the postings of the query's similar
 * parts, less the names whose bound (plus the most birth date and nationality can add) is below
 * `refer`. Names that match every part of the query and whose own parts are all matched are always
 * kept; of the others, the best `MAX_CANDIDATES` by partial score.
 */
export function findCandidates(
  index: Index,
  scratch: CandidateScratch,
  qTokens: readonly NameToken[],
  perToken: readonly ReadonlyMap<number, TokenSim>[],
  schema: string,
  refer: number,
  extraPenalty: number,
): number[] {
  scratch.next();
  const walked = walkPostings(index, scratch, qTokens, perToken);
  const { acc, reach, cover, mask, stamp, touched } = scratch;
  const names = index.names.count;
  for (const id of compoundVocab(index, qTokens)) {
    const rank = 0.5 * Math.log(1 + names / postingCount(index, id));
    for (let p = index.postingStart[id]!; p < index.postingStart[id + 1]!; p++) {
      const n = index.postings[p]!;
      if (stamp[n] !== scratch.epoch) {
        stamp[n] = scratch.epoch;
        acc[n] = reach[n] = cover[n] = mask[n] = 0;
        touched.push(n);
      }
      acc[n] = acc[n]! + rank;
      reach[n] = reach[n]! + 0.5;
      cover[n] = cover[n]! + 0.5;
    }
  }
  const { totalWeight, assumed, assumedOwn, allMask, skippedMask } = walked;
  const floor = refer - MAX_FEATURE_BONUS - BOUND_SLACK;
  const full: number[] = [];
  let rest: number[] = [];
  for (const n of touched) {
    if (index.entities[index.names.entity[n]!]!.schema !== schema) continue;
    const nameWeight = index.names.weight[n]!;
    const unmatchedOwn = Math.max(0, nameWeight - cover[n]! - assumedOwn);
    if (nameScoreBound(reach[n]! + assumed, totalWeight, unmatchedOwn, extraPenalty) < floor) continue;
    if (((mask[n]! | skippedMask) & allMask) === allMask && unmatchedOwn <= EPS) full.push(n);
    else rest.push(n);
  }
  const room = Math.max(0, MAX_CANDIDATES - full.length);
  if (rest.length > room) {
    // Keep the best by partial score. A numeric sort of the scores alone finds the cut-off fast even
    // when a common name (Maria, Mohammed) brings tens of thousands of candidates.
    const scores = Float64Array.from(rest, (n) => acc[n]!).sort();
    const cut = room > 0 ? scores[scores.length - room]! : Number.POSITIVE_INFINITY;
    const above = rest.filter((n) => acc[n]! > cut);
    const at = rest.filter((n) => acc[n] === cut);
    rest = [...above, ...at.slice(0, room - above.length)];
  }
  return full.length > 0 ? full.concat(rest) : rest;
}

/**
 * Upper bound of a name's alignment score, in the query's document-frequency weights: the query keeps
 * at least its unmatched remainder (`queryWeight - matchable`), the name the part of its own weight no
 * query part matched, scored as in `alignNames`. A name that matches every part both ways scores 1.
 */
function nameScoreBound(
  matchable: number,
  queryWeight: number,
  unmatchedOwn: number,
  extraPenalty: number,
): number {
  const m = Math.min(matchable, queryWeight);
  if (m <= 0) return 0;
  const uq = queryWeight - m;
  const conflict = Math.min(uq, unmatchedOwn);
  return m / (m + CONFLICT_PENALTY * conflict + extraPenalty * (uq + unmatchedOwn - 2 * conflict));
}
