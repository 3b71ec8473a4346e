import { MIN_PAIR_SIMILARITY, type TokenSim, tokenSimilarity } from "./compare.js";
import type { Entity } from "./entity.js";
import { normaliseDocumentNumber } from "./features.js";
import { DeletionIndex, guaranteedEdits } from "./neighbours.js";
import { editDistance } from "./similarity.js";
import { type NameToken, tokenizeName } from "./tokens.js";
import type { Explanation } from "./types.js";

export type NameKind = Explanation["matchedNameKind"];

export interface IndexedName {
  entity: number;
  kind: NameKind;
  text: string;
  /** The name's tokens as ids into the shared vocabulary (no per-occurrence token objects: memory). */
  tokens: Int32Array;
  /** Weight of the name's identifying tokens (names and numbers), for the score bound. */
  weight: number;
}

export interface Index {
  entities: readonly Entity[];
  names: IndexedName[];
  vocab: NameToken[];
  /** vocab id → ids of the names that contain it */
  postings: Int32Array[];
  /** lookup key → vocab ids */
  keys: Map<string, Int32Array>;
  /** symmetric-deletion keys of the name parts: the retrieval guarantee (neighbours.ts) */
  deletions: DeletionIndex;
  /** normalised document number → entity ids */
  documents: Map<string, number[]>;
  /** query token → similar vocabulary tokens; per index, so a new list version starts afresh */
  similarCache: Map<string, Map<number, TokenSim>>;
}

/**
 * Index keys of a vocabulary token. Latin-script skeletons go under `s:`, vowelless (Arabic, Hebrew)
 * ones under `a:`, so that a Latin query meets Arabic spellings by skeleton without also pulling in
 * every Latin name with the same consonants (those meet through the sharper phonetic keys).
 */
function indexKeys(t: NameToken): string[] {
  const keys = [`n:${t.norm}`, ...(t.readings ?? []).flatMap(indexKeys)];
  if (t.kind === "number") return keys;
  if (t.vowelless) {
    if (t.skel.length >= 1) keys.push(`a:${t.skel}`);
    return keys;
  }
  keys.push(`p:${t.phon}`, `v:${t.vkey}`, `d:${t.phon}`);
  if (t.phon.length >= 4) for (const d of deletions(t.phon)) keys.push(`d:${d}`);
  if (t.skel.length >= 1) keys.push(`s:${t.skel}`);
  if (t.groups) for (const g of t.groups) keys.push(`g:${g}`);
  return keys;
}

/** Keys a query token looks up: the same families, with skeletons crossing between scripts only. */
function queryKeys(t: NameToken): string[] {
  const keys = [`n:${t.norm}`, ...(t.readings ?? []).flatMap(queryKeys)];
  if (t.kind === "number") return keys;
  if (t.vowelless) {
    if (t.skel.length >= 1) keys.push(`s:${t.skel}`, `a:${t.skel}`);
    return keys;
  }
  // A one-consonant skeleton (Ali, Isa) reaches Arabic spellings only from a short Latin token: a long
  // one with a single consonant is not a romanised Arabic name.
  if (t.skel.length >= 2 || (t.skel.length === 1 && t.norm.length <= 4)) keys.push(`a:${t.skel}`);
  keys.push(`p:${t.phon}`, `d:${t.phon}`);
  // Short vowel-variant keys ("as" for Ase, Isa, Osa…) match half the vocabulary and add nothing the
  // phonetic and deletion keys do not already find.
  if (t.phon.length >= 4) keys.push(`v:${t.vkey}`);
  if (t.phon.length >= 4) for (const d of deletions(t.phon)) keys.push(`d:${d}`);
  if (t.groups) for (const g of t.groups) keys.push(`g:${g}`);
  return keys;
}

function deletions(s: string): string[] {
  const out = new Set<string>();
  for (let i = 0; i < s.length; i++) out.add(s.slice(0, i) + s.slice(i + 1));
  return [...out];
}

function entityNames(e: Entity): { kind: NameKind; text: string }[] {
  const names: { kind: NameKind; text: string }[] = [{ kind: "primary", text: e.name }];
  for (const a of e.aliases) {
    const kind: NameKind = a.originalScript
      ? "original-script"
      : a.quality === "weak"
        ? "weak-alias"
        : "strong-alias";
    names.push({ kind, text: a.name });
  }
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = n.text.trim().toLowerCase();
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function buildIndex(entities: readonly Entity[]): Index {
  const vocabIds = new Map<string, number>();
  const vocab: NameToken[] = [];
  const postingLists: number[][] = [];
  const names: IndexedName[] = [];
  const documents = new Map<string, number[]>();
  entities.forEach((e, ei) => {
    for (const { kind, text } of entityNames(e)) {
      const nameId = names.length;
      const tokens = tokenizeName(text, e.schema).map((t) => {
        const key = `${t.norm}|${t.vowelless ? 1 : 0}|${t.kind}`;
        let id = vocabIds.get(key);
        if (id === undefined) {
          id = vocab.length;
          vocabIds.set(key, id);
          vocab.push(t);
          postingLists.push([]);
        }
        const list = postingLists[id]!;
        if (list[list.length - 1] !== nameId) list.push(nameId);
        return id;
      });
      const weight = tokens.reduce(
        (w, id) => w + (CANDIDATE_KINDS.has(vocab[id]!.kind) ? vocab[id]!.weight : 0),
        0,
      );
      names.push({ entity: ei, kind, text, tokens: Int32Array.from(tokens), weight });
    }
    for (const d of e.documents) {
      const n = normaliseDocumentNumber(d.number);
      if (n.length < 4) continue;
      const list = documents.get(n) ?? [];
      if (!list.includes(ei)) list.push(ei);
      documents.set(n, list);
    }
  });
  const keyLists = new Map<string, number[]>();
  vocab.forEach((t, id) => {
    for (const k of indexKeys(t)) {
      const list = keyLists.get(k);
      if (list) list.push(id);
      else keyLists.set(k, [id]);
    }
  });
  const keys = new Map<string, Int32Array>();
  for (const [k, list] of keyLists) keys.set(k, Int32Array.from(list));
  return {
    entities,
    names,
    vocab,
    postings: postingLists.map((l) => Int32Array.from(l)),
    keys,
    deletions: DeletionIndex.build(vocab.map((t) => (t.kind === "name" ? t.norm : undefined))),
    documents,
    similarCache: new Map(),
  };
}

export const CANDIDATE_KINDS = new Set(["name", "number"]);

/** Vocabulary tokens similar to a query token, with their similarity. */
export function similarVocab(index: Index, q: NameToken): Map<number, TokenSim> {
  // The frame and other readings come from the written form, which one norm may not tell apart (כהן and
  // קהן are both khn; сёдзи and седзи both sedzi).
  const readings = q.readings?.map((r) => r.norm).join(",") ?? "";
  const key = `${q.norm}|${q.kind}|${q.vowelless ? 1 : 0}|${q.frame ?? ""}|${readings}`;
  const cached = index.similarCache.get(key);
  if (cached) return cached;
  const found = lookupSimilar(index, q);
  // Names repeat (Maria, Hans, Mohammed): each distinct query token is looked up once per index.
  if (index.similarCache.size >= SIMILAR_CACHE_LIMIT) index.similarCache.clear();
  index.similarCache.set(key, found);
  return found;
}

const SIMILAR_CACHE_LIMIT = 100_000;

function lookupSimilar(index: Index, q: NameToken): Map<number, TokenSim> {
  const found = new Map<number, TokenSim>();
  for (const k of queryKeys(q)) {
    const ids = index.keys.get(k);
    if (!ids) continue;
    for (const id of ids) {
      if (found.has(id)) continue;
      const s = tokenSimilarity(q, index.vocab[id]!);
      found.set(id, s);
    }
  }
  for (const [id, s] of found) if (s.sim < MIN_PAIR_SIMILARITY) found.delete(id);
  if (q.kind !== "name") return found;
  // The guarantee: every listed part within the guaranteed edits is a candidate, however its spelling
  // scores; the alignment decides what it is worth.
  for (const id of index.deletions.lookup(q.norm)) {
    if (found.has(id)) continue;
    const v = index.vocab[id]!;
    const allowed = Math.min(guaranteedEdits(q.norm.length), guaranteedEdits(v.norm.length));
    if (editDistance(q.norm, v.norm, allowed) > allowed) continue;
    const s = tokenSimilarity(q, v);
    found.set(id, s.sim >= MIN_PAIR_SIMILARITY ? s : { sim: s.sim, method: GUARANTEED });
  }
  return found;
}

/** Method of a part found only by the retrieval guarantee: a candidate, but too far to align on its own. */
export const GUARANTEED = "within guaranteed edits";

/** Vocabulary ids of single watchlist tokens that equal two adjacent query tokens joined, and vice versa. */
export function compoundVocab(index: Index, tokens: readonly NameToken[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    for (const k of [`n:${a.norm}${b.norm}`, `p:${a.phon}${b.phon}`]) {
      const ids = index.keys.get(k);
      if (ids) out.push(...ids);
    }
  }
  for (const t of tokens) {
    // Only a token the lists do not know as a whole may be two listed tokens written together.
    if (t.norm.length < 6 || t.vowelless || index.keys.has(`n:${t.norm}`)) continue;
    for (let cut = 3; cut <= t.norm.length - 3; cut++) {
      const left = index.keys.get(`n:${t.norm.slice(0, cut)}`);
      const right = index.keys.get(`n:${t.norm.slice(cut)}`);
      if (left && right) out.push(...left, ...right);
    }
  }
  return out;
}
