// The screening query path. Candidates come from the inverted index of name-index.ts (several keys per
// distinct token); only candidates are scored. The index is immutable: a new list version builds a new
// screener, and the caller swaps the reference while queries run on the old one.
import {
  alignNames,
  CONFLICT_PENALTY,
  extraPenaltyFor,
  round,
  type TokenSim,
  tokenSimilarity,
} from "./compare.js";
import type { Entity } from "./entity.js";
import { queryDocuments, queryNationalities, weighEvidence } from "./evidence.js";
import { normaliseDocumentNumber, type QueryDocument } from "./features.js";
import {
  buildIndex,
  CANDIDATE_KINDS,
  compoundVocab,
  GUARANTEED,
  type Index,
  similarVocab,
} from "./name-index.js";
import { DEFAULT_THRESHOLDS } from "./thresholds.js";
import { type NameSchema, type NameToken, tokenizeName } from "./tokens.js";
import type {
  Explanation,
  FeatureContribution,
  Match,
  Screener,
  ScreenerOptions,
  ScreeningQuery,
  ScreeningResult,
  Thresholds,
} from "./types.js";

/** Postings longer than this are not walked only to refine partial scores (see scoreCandidates). */
const COMMON_POSTINGS = 5_000;
/** Candidates scored in full per query; ranked by the index's partial score. */
const MAX_CANDIDATES = 100;
/**
 * Share of the query's identifying weight a name must match to reach `refer`. With the scoring of
 * compare.ts, a name matching weight m of the query's W scores at most m / (m + 0.35 (W - m)), which
 * is below 0.75 when m < 0.51 W. Query tokens are visited rarest first; once the unvisited tokens weigh
 * less than this share, a name that matched none of the visited ones cannot qualify.
 */
const MIN_QUERY_SHARE = 0.5;

function queryName(q: ScreeningQuery): string {
  return (q.name ?? [q.firstName, q.middleName, q.lastName].filter(Boolean).join(" ")).trim();
}

class IndexedScreener implements Screener {
  readonly thresholds: Thresholds;
  private readonly limit: number;
  /** Per name: partial score for ranking, weighted by how rare each matched part is. */
  private readonly acc: Float64Array;
  /** Per name: query weight it can still match at most, for the score bound. */
  private readonly reach: Float64Array;
  private readonly stamp: Int32Array;
  private epoch = 0;

  constructor(
    private readonly index: Index,
    options: ScreenerOptions,
  ) {
    this.thresholds = Object.freeze({ ...DEFAULT_THRESHOLDS, ...options.thresholds });
    this.limit = options.limit ?? 10;
    this.acc = new Float64Array(index.names.length);
    this.reach = new Float64Array(index.names.length);
    this.stamp = new Int32Array(index.names.length);
  }

  get size(): number {
    return this.index.entities.length;
  }

  screenBatch(queries: readonly ScreeningQuery[]): ScreeningResult[] {
    return queries.map((q) => this.screen(q));
  }

  screen(query: ScreeningQuery): ScreeningResult {
    const schema: NameSchema = query.schema ?? "person";
    const name = queryName(query);
    const nationalities = queryNationalities(query);
    const documents = queryDocuments(query);
    const scored: Scored[] = [];
    for (const [ei, hit] of this.candidates(query, schema, name, documents)) {
      const weak = hit.nameId >= 0 && this.index.names[hit.nameId]!.kind === "weak-alias";
      const entity = this.index.entities[ei]!;
      const evidence = weighEvidence(entity, hit.score, weak, query, nationalities, documents);
      if (evidence.score >= this.thresholds.report) scored.push({ ei, hit, ...evidence });
    }
    // Equal scores: more evidence first (the unclamped sum), then the order the lists were given in,
    // which is the caller's priority (the same person is often on several lists).
    scored.sort((x, y) => y.score - x.score || y.raw - x.raw || x.ei - y.ei);
    return { matches: scored.slice(0, this.limit).map((s) => this.toMatch(s, schema)) };
  }

  /** The entities whose names come close to any of the query's names, and those its documents name. */
  private candidates(
    query: ScreeningQuery,
    schema: NameSchema,
    name: string,
    documents: readonly QueryDocument[],
  ): Map<number, NameHit> {
    const allNames = [name, ...(query.otherNames ?? [])].filter((n) => n.length > 0);
    const best = new Map<number, NameHit>();
    for (const qn of allNames) {
      const qTokens = tokenizeName(qn, schema);
      if (qTokens.length === 0) continue;
      this.scoreCandidates(qn, qTokens, schema, best);
    }
    // Document hits are candidates whatever the name says: a passport number identifies on its own.
    for (const d of documents) {
      for (const ei of this.index.documents.get(normaliseDocumentNumber(d.number)) ?? []) {
        if (!best.has(ei) && this.index.entities[ei]!.schema === schema)
          best.set(ei, { score: 0, queryName: name, nameId: -1 });
      }
    }
    return best;
  }

  private toMatch({ ei, hit, score, features }: Scored, schema: NameSchema): Match {
    const entity = this.index.entities[ei]!;
    const match = {
      entityId: entity.id,
      sourceRef: entity.sourceRef,
      list: entity.list,
      name: entity.name,
      score: round(score),
      decision: score >= this.thresholds.refer ? "refer" : "clear",
    } as Match;
    // The token-by-token explanation costs a second alignment: it is built when first read (by a
    // reviewer, or when the result is serialised), not for every match a batch screens past.
    let explanation: Explanation | undefined;
    Object.defineProperty(match, "explanation", {
      enumerable: true,
      get: () => {
        explanation ??= { ...this.explainName(hit, schema), features };
        return explanation;
      },
    });
    return match;
  }

  /** Re-aligns the winning name on its own tokens, so the explanation shows the name as listed. */
  private explainName(hit: NameHit, schema: NameSchema): Omit<Explanation, "features"> {
    if (hit.nameId < 0) {
      return {
        queryName: hit.queryName,
        matchedName: "",
        matchedNameKind: "primary",
        nameScore: 0,
        alignment: [],
        unmatchedQuery: [],
        unmatchedCandidate: [],
      };
    }
    const n = this.index.names[hit.nameId]!;
    const a = alignNames(
      tokenizeName(hit.queryName, schema),
      tokenizeName(n.text, schema),
      undefined,
      extraPenaltyFor(schema),
    );
    return {
      queryName: hit.queryName,
      matchedName: n.text,
      matchedNameKind: n.kind,
      nameScore: round(hit.score),
      alignment: a.alignment,
      unmatchedQuery: a.unmatchedQuery,
      unmatchedCandidate: a.unmatchedCandidate,
    };
  }

  private scoreCandidates(
    queryText: string,
    qTokens: readonly NameToken[],
    schema: NameSchema,
    best: Map<number, NameHit>,
  ): void {
    const index = this.index;
    const perToken = qTokens.map((t) =>
      CANDIDATE_KINDS.has(t.kind) ? similarVocab(index, t) : new Map<number, TokenSim>(),
    );
    // Rarest query tokens first (shortest postings), so common names (Mohammed, Ali) rarely widen the net.
    const order = qTokens
      .map((t, i) => ({
        i,
        w: t.weight,
        size: [...perToken[i]!.keys()].reduce((s, id) => s + index.postings[id]!.length, 0),
      }))
      .filter((x) => CANDIDATE_KINDS.has(qTokens[x.i]!.kind) && x.size > 0)
      .sort((a, b) => a.size - b.size);
    const totalWeight = qTokens.reduce((s, t) => s + (CANDIDATE_KINDS.has(t.kind) ? t.weight : 0), 0);
    let remaining = order.reduce((s, x) => s + x.w, 0);
    this.epoch++;
    const epoch = this.epoch;
    const touched: number[] = [];
    const visit = (nameId: number, rank: number, reach: number, allowNew: boolean) => {
      if (this.stamp[nameId] !== epoch) {
        if (!allowNew) return;
        this.stamp[nameId] = epoch;
        this.acc[nameId] = 0;
        this.reach[nameId] = 0;
        touched.push(nameId);
      }
      this.acc[nameId] = this.acc[nameId]! + rank;
      this.reach[nameId] = this.reach[nameId]! + reach;
    };
    // Document frequency: a part shared by many names (Maria, Mohammed) ranks a candidate less than a
    // rare one, so common parts do not crowd the names that also share a rare part out of the cut.
    const rarity = (id: number) => Math.log(1 + index.names.length / index.postings[id]!.length);
    // Weight of tokens whose postings were not walked: the bound must assume they match.
    let skipped = 0;
    for (const { i, w, size } of order) {
      // Once the tokens left weigh less than the share a name must match, a name that matched none of
      // the tokens visited so far cannot qualify: the rest only add to names already found, which makes
      // their partial scores exact and the bound below tight. A very common token (Maria, Mohammed in a
      // million-name list) is not walked for that: it only loosens the bound a little.
      const allowNew = remaining >= MIN_QUERY_SHARE * totalWeight - 1e-9;
      remaining -= w;
      if (!allowNew && size > COMMON_POSTINGS) {
        skipped += w;
        continue;
      }
      for (const [id, s] of perToken[i]!) {
        // A part found only by the guarantee may still align (a compound, a heavier typo): the bound
        // lets it match in full, the ranking counts what it scores.
        const reach = (s.method === GUARANTEED ? 1 : s.sim) * w;
        const rank = s.sim * w * rarity(id);
        for (const nameId of index.postings[id]!) visit(nameId, rank, reach, allowNew);
      }
    }
    for (const id of compoundVocab(index, qTokens)) {
      for (const nameId of index.postings[id]!) visit(nameId, 0.5 * rarity(id), 0.5, true);
    }
    // Query tokens the index found nothing for may still align by a heavier typo or as part of a split
    // word, which only the full alignment sees: the bound assumes they match.
    const unfound = qTokens.reduce(
      (w, t, i) => w + (CANDIDATE_KINDS.has(t.kind) && perToken[i]!.size === 0 ? t.weight : 0),
      0,
    );
    const extraPenalty = extraPenaltyFor(schema);
    const candidates = this.selectCandidates(touched, schema, unfound + skipped, totalWeight, extraPenalty);
    this.alignCandidates(candidates, queryText, qTokens, extraPenalty, best);
  }

  /**
   * Names that cannot reach `refer` whatever their other tokens do are dropped before any alignment;
   * of the rest, the best `MAX_CANDIDATES` by partial score are kept.
   */
  private selectCandidates(
    touched: readonly number[],
    schema: NameSchema,
    assumed: number,
    totalWeight: number,
    extraPenalty: number,
  ): number[] {
    const index = this.index;
    const floor = this.thresholds.refer - MAX_FEATURE_BONUS - BOUND_SLACK;
    let candidates = touched.filter((nameId) => {
      const n = index.names[nameId]!;
      return (
        index.entities[n.entity]!.schema === schema &&
        nameScoreBound(this.reach[nameId]! + assumed, totalWeight, n.weight, extraPenalty) >= floor
      );
    });
    if (candidates.length > MAX_CANDIDATES) {
      // Keep the best by partial score. A numeric sort of the scores alone finds the cut-off fast even
      // when a common name (Maria, Mohammed) brings tens of thousands of candidates.
      const scores = Float64Array.from(candidates, (id) => this.acc[id]!).sort();
      const cut = scores[scores.length - MAX_CANDIDATES]!;
      const above = candidates.filter((id) => this.acc[id]! > cut);
      const at = candidates.filter((id) => this.acc[id] === cut);
      candidates = [...above, ...at.slice(0, MAX_CANDIDATES - above.length)];
    }
    return candidates;
  }

  /** Aligns each candidate name in full; an entity keeps its best-scoring name. */
  private alignCandidates(
    candidates: readonly number[],
    queryText: string,
    qTokens: readonly NameToken[],
    extraPenalty: number,
    best: Map<number, NameHit>,
  ): void {
    const index = this.index;
    const caches = qTokens.map(() => new Map<number, TokenSim>());
    for (const nameId of candidates) {
      const n = index.names[nameId]!;
      const vocabIds = n.tokens;
      const cTokens = Array.from(vocabIds, (id) => index.vocab[id]!);
      const aligned = alignNames(
        qTokens,
        cTokens,
        (q, c, qi, ci) => {
          const cache = caches[qi]!;
          const id = vocabIds[ci]!;
          let s = cache.get(id);
          if (!s) {
            s = tokenSimilarity(q, c);
            cache.set(id, s);
          }
          return s;
        },
        extraPenalty,
        false,
      );
      const prev = best.get(n.entity);
      if (prev && prev.score >= aligned.score) continue;
      best.set(n.entity, { score: aligned.score, queryName: queryText, nameId });
    }
  }
}

/** The most that birth date and nationality together can add to a name score. */
const MAX_FEATURE_BONUS = 0.11;
/** Particles and titles matched on both sides raise a score a little above the bound's estimate. */
const BOUND_SLACK = 0.05;

/**
 * Upper bound of a name's alignment score from the weight its tokens can match at most: the query and
 * the name both keep at least their unmatched remainder, scored as in `alignNames`.
 */
function nameScoreBound(
  matchable: number,
  queryWeight: number,
  nameWeight: number,
  extraPenalty: number,
): number {
  const m = Math.min(matchable, queryWeight, nameWeight);
  if (m <= 0) return 0;
  const uq = queryWeight - m;
  const uc = nameWeight - m;
  const conflict = Math.min(uq, uc);
  return m / (m + CONFLICT_PENALTY * conflict + extraPenalty * (uq + uc - 2 * conflict));
}

interface NameHit {
  score: number;
  queryName: string;
  /** The entity's best-aligned name, or -1 when only a document brought it in. */
  nameId: number;
}

/** A candidate past the report threshold, with the evidence for it. */
interface Scored {
  ei: number;
  hit: NameHit;
  score: number;
  raw: number;
  features: FeatureContribution[];
}

/** Builds an immutable screening index over the entities. */
export function createScreener(entities: readonly Entity[], options: ScreenerOptions = {}): Screener {
  return new IndexedScreener(buildIndex(entities), options);
}
