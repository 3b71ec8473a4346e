// The screening query path. Candidates come from the inverted index of name-index.ts (several keys per
// distinct token); only candidates are scored. The index is immutable: a new list version builds a new
// screener, and the caller swaps the reference while queries run on the old one.
import { CandidateScratch, findCandidates } from "./candidates.js";
import { alignNames, extraPenaltyFor, round, type TokenSim, tokenSimilarity } from "./compare.js";
import type { Entity } from "./entity.js";
import { queryDocuments, queryNationalities, weighEvidence } from "./evidence.js";
import { normaliseDocumentNumber, type QueryDocument } from "./features.js";
import { buildIndex, CANDIDATE_KINDS, type Index, NAME_KINDS, similarVocab } from "./name-index.js";
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

const NO_SIMILAR: ReadonlyMap<number, TokenSim> = new Map();

function queryName(q: ScreeningQuery): string {
  return (q.name ?? [q.firstName, q.middleName, q.lastName].filter(Boolean).join(" ")).trim();
}

class IndexedScreener implements Screener {
  readonly thresholds: Thresholds;
  private readonly limit: number;
  private readonly scratch: CandidateScratch;

  constructor(
    private readonly index: Index,
    options: ScreenerOptions,
  ) {
    this.thresholds = Object.freeze({ ...DEFAULT_THRESHOLDS, ...options.thresholds });
    this.limit = options.limit ?? 10;
    this.scratch = new CandidateScratch(index.names.count);
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
      const weak = hit.nameId >= 0 && NAME_KINDS[this.index.names.kind[hit.nameId]!] === "weak-alias";
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
    const names = this.index.names;
    const text = names.text[hit.nameId]!;
    const a = alignNames(
      tokenizeName(hit.queryName, schema),
      tokenizeName(text, schema),
      undefined,
      extraPenaltyFor(schema),
    );
    return {
      queryName: hit.queryName,
      matchedName: text,
      matchedNameKind: NAME_KINDS[names.kind[hit.nameId]!]!,
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
    const perToken = qTokens.map((t) =>
      CANDIDATE_KINDS.has(t.kind) ? similarVocab(this.index, t) : NO_SIMILAR,
    );
    const extraPenalty = extraPenaltyFor(schema);
    const candidates = findCandidates(
      this.index,
      this.scratch,
      qTokens,
      perToken,
      schema,
      this.thresholds.refer,
      extraPenalty,
    );
    this.alignCandidates(candidates, queryText, qTokens, extraPenalty, best);
  }

  /** Aligns each candidate name in full; an entity keeps its best-scoring name. */
  private alignCandidates(
    candidates: readonly number[],
    queryText: string,
    qTokens: readonly NameToken[],
    extraPenalty: number,
    best: Map<number, NameHit>,
  ): void {
    const { names, vocab } = this.index;
    const caches = qTokens.map(() => new Map<number, TokenSim>());
    let vocabIds = names.tokens;
    // Token similarities repeat across candidates (the same Mohammed in many names): cached per query.
    const sim = (q: NameToken, c: NameToken, qi: number, ci: number): TokenSim => {
      const cache = caches[qi]!;
      const id = vocabIds[ci]!;
      let s = cache.get(id);
      if (!s) {
        s = tokenSimilarity(q, c);
        cache.set(id, s);
      }
      return s;
    };
    for (const nameId of candidates) {
      vocabIds = names.tokens.subarray(names.tokenStart[nameId]!, names.tokenStart[nameId + 1]!);
      const cTokens: NameToken[] = [];
      for (const id of vocabIds) cTokens.push(vocab[id]!);
      const aligned = alignNames(qTokens, cTokens, sim, extraPenalty, false);
      const entity = names.entity[nameId]!;
      const prev = best.get(entity);
      if (prev && prev.score >= aligned.score) continue;
      best.set(entity, { score: aligned.score, queryName: queryText, nameId });
    }
  }
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
