import { MIN_PAIR_SIMILARITY, type TokenSim, tokenSimilarity } from "./compare.js";
import type { Entity } from "./entity.js";
import { normaliseDocumentNumber } from "./features.js";
import { DeletionIndex, guaranteedEdits } from "./neighbours.js";
import { editDistance } from "./similarity.js";
import { type NameToken, tokenizeName } from "./tokens.js";
import type { Explanation } from "./types.js";

export type NameKind = Explanation["matchedNameKind"];

export const NAME_KINDS: readonly NameKind[] = ["primary", "strong-alias", "weak-alias", "original-script"];

/**
 * The listed names, one row per name across flat typed arrays rather than one object (and one small
 * typed array) per name: a million-person list has over a million names, and per-name objects cost
 * several hundred bytes each in headers alone.
 */
export interface NameTable {
  count: number;
  entity: Int32Array;
  /** index into NAME_KINDS */
  kind: Uint8Array;
  text: string[];
  /**
   * Weight of the name's identifying tokens (names and numbers) for the score bound, each times its
   * document-frequency weight (`dfWeight`).
   */
  weight: Float64Array;
  /** Name i's tokens, as vocabulary ids, are tokens[tokenStart[i] .. tokenStart[i + 1]). */
  tokenStart: Int32Array;
  tokens: Int32Array;
}

export interface Index {
  entities: readonly Entity[];
  names: NameTable;
  vocab: NameToken[];
  /** Vocabulary id v: its token weight times its document-frequency weight, for the score bound. */
  boundWeight: Float64Array;
  /** Vocabulary id v is in the names postings[postingStart[v] .. postingStart[v + 1]), ascending. */
  postingStart: Int32Array;
  postings: Int32Array;
  /** lookup key → vocab ids */
  keys: Map<string, Int32Array>;
  /** symmetric-deletion keys of the name parts: the retrieval guarantee (neighbours.ts) */
  deletions: DeletionIndex;
  /** normalised document number → entity ids */
  documents: Map<string, number[]>;
  /** query token → similar vocabulary tokens; per index, so a new list version starts afresh */
  similarCache: Map<string, Map<number, TokenSim>>;
  /** Similar tokens held in `similarCache` in all, against its budget. */
  similarCached: number;
}

/**
 * A part found in at most this share of the listed names counts in full in the score bound; a more
 * common one counts as log(1 + names / df) / log(1 + 1 / RARE_SHARE): about 0.67 for a part in 1% of
 * the names, 0.35 in 10%.
 */
const RARE_SHARE = 0.001;

/** The bound's weight of a part that `df` of the index's `names` contain (an unknown part: 1). */
export function dfWeight(df: number, names: number): number {
  if (df <= 0) return 1;
  return Math.min(1, Math.log(1 + names / df) / Math.log(1 + 1 / RARE_SHARE));
}

/** Number of names that contain vocabulary id `v`. */
export function postingCount(index: Index, v: number): number {
  return index.postingStart[v + 1]! - index.postingStart[v]!;
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

/** A typed array that doubles as it fills, for the build's flat columns. */
class Growable<T extends Int32Array | Float64Array | Uint8Array> {
  length = 0;
  constructor(
    public data: T,
    private readonly make: (n: number) => T,
  ) {}
  push(v: number): void {
    if (this.length === this.data.length) {
      const grown = this.make(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = v;
  }
  done(): T {
    return this.data.slice(0, this.length) as T;
  }
}

const int32s = (n: number) => new Int32Array(n);

export function buildIndex(entities: readonly Entity[]): Index {
  const vocabIds = new Map<string, number>();
  const vocab: NameToken[] = [];
  const entity = new Growable(int32s(1024), int32s);
  const kinds = new Growable(new Uint8Array(1024), (n) => new Uint8Array(n));
  const tokenStart = new Growable(int32s(1024), int32s);
  const tokens = new Growable(int32s(4096), int32s);
  const text: string[] = [];
  const documents = new Map<string, number[]>();
  entities.forEach((e, ei) => {
    for (const { kind, text: t } of entityNames(e)) {
      tokenStart.push(tokens.length);
      for (const tok of tokenizeName(t, e.schema)) {
        const key = `${tok.norm}|${tok.vowelless ? 1 : 0}|${tok.kind}`;
        let id = vocabIds.get(key);
        if (id === undefined) {
          id = vocab.length;
          vocabIds.set(key, id);
          vocab.push(tok);
        }
        tokens.push(id);
      }
      entity.push(ei);
      kinds.push(NAME_KINDS.indexOf(kind));
      text.push(t);
    }
    for (const d of e.documents) {
      const n = normaliseDocumentNumber(d.number);
      if (n.length < 4) continue;
      const list = documents.get(n) ?? [];
      if (!list.includes(ei)) list.push(ei);
      documents.set(n, list);
    }
  });
  tokenStart.push(tokens.length);
  const names: NameTable = {
    count: text.length,
    entity: entity.done(),
    kind: kinds.done(),
    text,
    weight: new Float64Array(text.length),
    tokenStart: tokenStart.done(),
    tokens: tokens.done(),
  };
  const inverted = invertNames(names, vocab.length);
  const boundWeight = Float64Array.from(vocab, (t, v) =>
    CANDIDATE_KINDS.has(t.kind)
      ? t.weight * dfWeight(inverted.postingStart[v + 1]! - inverted.postingStart[v]!, names.count)
      : 0,
  );
  for (let n = 0; n < names.count; n++) {
    for (let k = names.tokenStart[n]!; k < names.tokenStart[n + 1]!; k++)
      names.weight[n] = names.weight[n]! + boundWeight[names.tokens[k]!]!;
  }
  return {
    entities,
    names,
    vocab,
    boundWeight,
    ...inverted,
    keys: lookupKeys(vocab),
    deletions: DeletionIndex.build(vocab.map((t) => (t.kind === "name" ? t.norm : undefined))),
    documents,
    similarCache: new Map(),
    similarCached: 0,
  };
}

/** Postings in two flat arrays: count each token's names, then fill in name order (ascending). */
function invertNames(
  names: NameTable,
  vocabSize: number,
): { postingStart: Int32Array; postings: Int32Array } {
  const { tokenStart, tokens } = names;
  // A name that repeats a part (Mohamed bin Mohamed) is posted once under it.
  const last = new Int32Array(vocabSize).fill(-1);
  const postingStart = new Int32Array(vocabSize + 1);
  for (let n = 0; n < names.count; n++) {
    for (let k = tokenStart[n]!; k < tokenStart[n + 1]!; k++) {
      const v = tokens[k]!;
      if (last[v] === n) continue;
      last[v] = n;
      postingStart[v + 1] = postingStart[v + 1]! + 1;
    }
  }
  for (let v = 0; v < vocabSize; v++) postingStart[v + 1] = postingStart[v + 1]! + postingStart[v]!;
  const fill = postingStart.slice(0, vocabSize);
  const postings = new Int32Array(postingStart[vocabSize]!);
  last.fill(-1);
  for (let n = 0; n < names.count; n++) {
    for (let k = tokenStart[n]!; k < tokenStart[n + 1]!; k++) {
      const v = tokens[k]!;
      if (last[v] === n) continue;
      last[v] = n;
      postings[fill[v]!] = n;
      fill[v] = fill[v]! + 1;
    }
  }
  return { postingStart, postings };
}

function lookupKeys(vocab: readonly NameToken[]): Map<string, Int32Array> {
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
  return keys;
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
  // Names repeat (Maria, Hans, Mohammed): each distinct query token is looked up once per index. The
  // budget counts what the cache holds, not its keys: a stream of new surnames (a busy crossing point)
  // held 2.5 MB per 1,000 keys, so a key count let a long-running server grow by hundreds of MB
  // before the cache emptied. Emptying it at the budget keeps memory flat and costs one lookup per token.
  const weight = found.size + 1;
  if (index.similarCached + weight > SIMILAR_CACHE_BUDGET) {
    index.similarCache.clear();
    index.similarCached = 0;
  }
  index.similarCache.set(key, found);
  index.similarCached += weight;
  return found;
}

/** Similar tokens (plus one per key) the cache may hold: about 20 MB of heap. */
const SIMILAR_CACHE_BUDGET = 200_000;

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
