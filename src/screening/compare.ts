// Token similarity and whole-name alignment. The scoring is order-free (LAST, First; family name first
// or last) and tells a *missing* name part (dropped middle name: mild) from a *different* one (another
// father's name in the same slot: strong evidence of another person).
import { arabicLatinSimilarity } from "./arabic.js";
import { hasLearnedCosts, LEARNED_BEST, LEARNED_SCRIPTS, learnedSimilarity } from "./learned.js";
import { isCompoundElement, isDerivedFrom, isPatronymic, isVowelVariant, stemsDiffer } from "./name-parts.js";
import { crossesRoles, patronymicRoles } from "./name-roles.js";
import { foldLatin } from "./phonetic.js";
import { allowedEdits, editDistance } from "./similarity.js";
import type { NameToken } from "./tokens.js";
import type { TokenAlignment } from "./types.js";

export interface TokenSim {
  sim: number;
  method: string;
}

const NONE: TokenSim = { sim: 0, method: "none" };

/** Pairs below this similarity are not aligned at all. */
export const MIN_PAIR_SIMILARITY = 0.7;

function typoSimilarity(a: string, b: string): number {
  const len = Math.max(a.length, b.length);
  const allowed = allowedEdits(len);
  // Two letters swapped keeps all three letters of a short part (Sok typed Sko): the weakest link.
  if (allowed === 0) return len === 3 && isTransposition(a, b) ? MIN_PAIR_SIMILARITY : 0;
  const d = editDistance(a, b, allowed);
  if (d > allowed) return 0;
  // In a four-letter word one changed letter is a quarter of it: a weak link, whatever the ratio says.
  return len <= 4 ? MIN_PAIR_SIMILARITY : Math.max(MIN_PAIR_SIMILARITY, 1 - d / len);
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const i = [...a].findIndex((ch, k) => ch !== b[k]);
  return i >= 0 && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/**
 * A prefix as written (Abdur, Abdul), which its token folds to abd: a misspelt prefix the tokenizer did
 * not know (Badur) is a misspelling of the written word, not of abd.
 */
function spelt(t: NameToken): string {
  if (t.kind !== "prefix" || t.script !== "latin") return t.norm;
  const written = foldLatin(t.text);
  return written.startsWith(t.norm) && written.length <= t.norm.length + 2 ? written : t.norm;
}

const LEARNED = new Set<string>(LEARNED_SCRIPTS);
/** How far the learned cost may lower a rule's grade to order the spellings it grades alike. */
const TIE_SPREAD = 0.02;
/** Just below `refer` for a name of one part. */
const LEARNED_ARABIC_CAP = 0.74;

/** How alike two tokens are, and why. Symmetric. A token with other readings (tokens.ts) scores its best. */
export function tokenSimilarity(a: NameToken, b: NameToken): TokenSim {
  let best = readingSimilarity(a, b);
  for (const r of a.readings ?? []) best = betterOf(best, readingSimilarity(r, b));
  for (const r of b.readings ?? []) best = betterOf(best, readingSimilarity(a, r));
  return best;
}

const betterOf = (x: TokenSim, y: TokenSim): TokenSim => (y.sim > x.sim ? y : x);

function readingSimilarity(a: NameToken, b: NameToken): TokenSim {
  // The split-off elements of compound names (Nasr-allah, Nur-ad-din) are one fixed word in every
  // spelling the tokenizer knows: only they match each other. Alla or Dina are names of their own.
  if (isCompoundElement(a) !== isCompoundElement(b)) return NONE;
  const rules = ruleSimilarity(a, b);
  if (a.kind !== "name" || b.kind !== "name" || rules.sim >= 0.95) return rules;
  // A native-script part against a Latin one: the costs learned from name pairs may know the
  // spelling better than the hand-written romanisation (Уильямс = Williams, שמעון = Shimon).
  const [native, latin] = a.script === "latin" ? [b, a] : [a, b];
  if (latin.script !== "latin" || !LEARNED.has(native.script)) return rules;
  let learned = learnedSimilarity(native.script, native.norm, latin.norm);
  // The Arabic frame knows long vowels, which a letter-by-letter cost does not weigh (حسين is Husayn, not
  // Hasan): where it rejects the spelling, the learned costs may rank the pair but not refer it alone.
  if (native.frame && rules.sim === 0) learned = Math.min(learned, LEARNED_ARABIC_CAP);
  if (learned > rules.sim) return { sim: learned, method: "learned transliteration" };
  // The rules grade spellings in a few steps (0.93, 0.88, …), so many candidates tie; the learned cost
  // orders them within a step. Only downwards, so that it never brings a pair to `refer` on its own.
  // Nor below the least similarity that aligns: it orders, it does not drop a pair.
  if (rules.sim <= MIN_PAIR_SIMILARITY || !hasLearnedCosts(native.script)) return rules;
  const ordered = rules.sim - TIE_SPREAD * (1 - learned / LEARNED_BEST);
  return { sim: Math.max(MIN_PAIR_SIMILARITY, ordered), method: rules.method };
}

function ruleSimilarity(a: NameToken, b: NameToken): TokenSim {
  if (a.kind === "number" || b.kind === "number") {
    return a.kind === b.kind && a.norm === b.norm ? { sim: 1, method: "exact" } : NONE;
  }
  if (a.norm === b.norm) return { sim: 1, method: "exact" };
  if (a.kind === "initial" || b.kind === "initial") {
    if (a.kind === "initial" && b.kind === "initial") return NONE;
    return a.norm[0] === b.norm[0] ? { sim: 0.85, method: "initial" } : NONE;
  }
  if (!a.vowelless && !b.vowelless && isDerivedFrom(a, b)) return NONE;
  if (a.groups && b.groups && a.groups.some((g) => b.groups!.includes(g)))
    return { sim: 0.92, method: "cognate" };
  if (a.frame || b.frame) {
    if (a.frame && b.frame)
      return editDistance(a.frame, b.frame, 1) <= 1 && a.frame.length >= 4
        ? { sim: 0.8, method: "arabic spelling, one letter" }
        : NONE;
    const [arabic, latin] = a.frame ? [a, b] : [b, a];
    if (latin.vowelless) return NONE;
    const sim = arabicLatinSimilarity(arabic.frame!, latin.norm);
    return sim > 0 ? { sim, method: `${arabic.script} script ↔ latin spelling` } : NONE;
  }
  if (a.vowelless || b.vowelless) {
    // Only the consonants were written: compare skeletons, and trust short ones less.
    if (a.skel.length === 0 || b.skel.length === 0) return NONE;
    if (a.skel === b.skel) {
      const n = a.skel.length;
      return { sim: n >= 3 ? 0.92 : n === 2 ? 0.85 : 0.75, method: "consonant skeleton" };
    }
    const n = Math.min(a.skel.length, b.skel.length);
    if (n >= 4 && editDistance(a.skel, b.skel, 1) <= 1)
      return { sim: 0.78, method: "consonant skeleton, one edit" };
    return NONE;
  }
  const len = Math.max(a.norm.length, b.norm.length);
  if (a.phon === b.phon) return { sim: len >= 4 ? 0.95 : 0.88, method: "phonetic" };
  // The shorter key decides, so that the similarity is the same whichever side is the query.
  if (isVowelVariant(a, b))
    return { sim: Math.min(a.phon.length, b.phon.length) >= 5 ? 0.9 : 0.8, method: "vowel variant" };
  if (stemsDiffer(a.norm, b.norm)) return NONE;
  const typo = Math.max(typoSimilarity(spelt(a), spelt(b)), 0.97 * typoSimilarity(a.phon, b.phon));
  return typo >= MIN_PAIR_SIMILARITY ? { sim: typo, method: "spelling (edit distance)" } : NONE;
}

export interface NameAlignment {
  score: number;
  alignment: TokenAlignment[];
  unmatchedQuery: string[];
  unmatchedCandidate: string[];
}

/** Weight of an unmatched token that has a differing counterpart on the other side (another name). */
export const CONFLICT_PENALTY = 1.5;
/** Weight of an unmatched token with no counterpart (a name part one side simply leaves out). */
const EXTRA_PENALTY = 0.35;

/**
 * People drop middle names and patronymics all the time; companies rarely drop a distinctive word
 * (Deutsche Bank vs Deutsche Bank Trust Company are different legal persons).
 */
export function extraPenaltyFor(schema: string): number {
  return schema === "person" ? EXTRA_PENALTY : 0.6;
}

interface Pair {
  q: number[];
  c: number[];
  sim: number;
  method: string;
}

/**
 * A token with a direct partner this good is not part of a split or joined word: only the others are
 * tried as compounds, which keeps alignment cheap for the usual, well-spelt name.
 */
const SETTLED = 0.9;

/** Longest run of adjacent tokens that may be one word split apart ("Plat Ono Vich" for Platonovich). */
const MAX_SPLIT_PARTS = 3;

/**
 * Adjacent tokens on one side written as one on the other: Abdul Rahman / Abdulrahman, PolPot,
 * Platonovich split by OCR or a careless clerk.
 */
function compoundPairs(
  single: readonly NameToken[],
  split: readonly NameToken[],
  singleIsQuery: boolean,
  singleSettled: Float64Array,
  splitSettled: Float64Array,
): Pair[] {
  const out: Pair[] = [];
  for (let i = 0; i + 1 < split.length; i++) {
    if (splitSettled[i]! >= SETTLED) continue;
    let norm = split[i]!.norm;
    let phon = split[i]!.phon;
    for (let end = i + 1; end < split.length && end - i < MAX_SPLIT_PARTS; end++) {
      if (splitSettled[end]! >= SETTLED) break;
      norm += split[end]!.norm;
      phon += split[end]!.phon;
      const run = Array.from({ length: end - i + 1 }, (_, n) => i + n);
      for (let k = 0; k < single.length; k++) {
        const t = single[k]!;
        if (t.kind === "initial" || t.kind === "number" || singleSettled[k]! >= SETTLED) continue;
        let sim = 0;
        if (t.norm === norm) sim = 0.97;
        else if (t.phon === phon) sim = 0.93;
        else if (
          t.norm[0] === norm[0] &&
          Math.abs(t.norm.length - norm.length) <= allowedEdits(norm.length)
        ) {
          // A misspelt compound still starts with its first letter; checking that first keeps this cheap.
          const typo = typoSimilarity(t.norm, norm);
          if (typo >= 0.85) sim = typo * 0.95;
        }
        if (sim === 0) continue;
        out.push(
          singleIsQuery
            ? { q: [k], c: run, sim, method: "joined/split tokens" }
            : { q: run, c: [k], sim, method: "joined/split tokens" },
        );
      }
    }
  }
  return out;
}

export type SimFn = (q: NameToken, c: NameToken, qi: number, ci: number) => TokenSim;

const directSim: SimFn = (q, c) => tokenSimilarity(q, c);

/**
 * The explanation's rows, one per group of written words, best first. A written word that gave several
 * tokens (الحداد: the article and haddad) would otherwise show once per token, so the pairs that share a
 * written word on either side become one row: its similarity the pairs' weighted mean, its method that of
 * the weightiest pair. Tokens without a word position (built by hand) count as words of their own.
 */
function explainPairs(chosen: readonly Pair[], query: readonly NameToken[], cand: readonly NameToken[]) {
  type Row = { q: Set<number>; c: Set<number>; pairs: Pair[] };
  const wordsOf = (tokens: readonly NameToken[], idx: number[]) => idx.map((i) => tokens[i]!.word ?? -1 - i);
  const rows: Row[] = [];
  for (const p of chosen) {
    const row: Row = { q: new Set(wordsOf(query, p.q)), c: new Set(wordsOf(cand, p.c)), pairs: [p] };
    const shares = (r: Row) => [...row.q].some((w) => r.q.has(w)) || [...row.c].some((w) => r.c.has(w));
    const joined = rows.filter(shares);
    for (const r of joined.reverse()) {
      for (const w of r.q) row.q.add(w);
      for (const w of r.c) row.c.add(w);
      row.pairs.unshift(...r.pairs);
    }
    // The merged row keeps the place of the best row it joins (rows stay best first).
    const at = joined.length ? rows.indexOf(joined[joined.length - 1]!) : rows.length;
    rows.splice(at, 0, row);
    for (const r of joined) rows.splice(rows.indexOf(r), 1);
  }
  const textOf = (tokens: readonly NameToken[], words: Iterable<number>) =>
    [...words].sort((a, b) => a - b).map((w) => tokens.find((t, i) => (t.word ?? -1 - i) === w)!.text);
  // A written word is unmatched when none of its tokens found a partner (an unpaired article is not).
  const unmatched = (tokens: readonly NameToken[], used: Set<number>) =>
    textOf(
      tokens,
      new Set(
        wordsOf(
          tokens,
          tokens.map((_, i) => i),
        ).filter((w) => !used.has(w)),
      ),
    );
  const alignment = rows.map((r): TokenAlignment => {
    const weighted = r.pairs.map((p) => ({
      p,
      w: p.q.reduce((s, i) => s + query[i]!.weight, 0) + p.c.reduce((s, j) => s + cand[j]!.weight, 0),
    }));
    const total = weighted.reduce((s, x) => s + x.w, 0);
    const heaviest = weighted.reduce((a, b) => (b.w > a.w ? b : a));
    return {
      query: textOf(query, r.q).join(" "),
      candidate: textOf(cand, r.c).join(" "),
      similarity: round(weighted.reduce((s, x) => s + x.w * x.p.sim, 0) / total),
      method: heaviest.p.method,
    };
  });
  return {
    alignment,
    unmatchedQuery: unmatched(query, new Set(rows.flatMap((r) => [...r.q]))),
    unmatchedCandidate: unmatched(cand, new Set(rows.flatMap((r) => [...r.c]))),
  };
}

function weightOf(tokens: readonly NameToken[], idx: number[]): number {
  return idx.reduce((w, i) => w + tokens[i]!.weight, 0);
}

/** Every token pair (and joined/split run) similar enough to align, best first. */
function rankedPairs(query: readonly NameToken[], cand: readonly NameToken[], sim: SimFn): Pair[] {
  const pairs: Pair[] = [];
  const bestQ = new Float64Array(query.length);
  const bestC = new Float64Array(cand.length);
  for (let i = 0; i < query.length; i++) {
    for (let j = 0; j < cand.length; j++) {
      const s = sim(query[i]!, cand[j]!, i, j);
      if (s.sim < MIN_PAIR_SIMILARITY) continue;
      pairs.push({ q: [i], c: [j], sim: s.sim, method: s.method });
      if (s.sim > bestQ[i]!) bestQ[i] = s.sim;
      if (s.sim > bestC[j]!) bestC[j] = s.sim;
    }
  }
  if (query.length > 1 || cand.length > 1) {
    pairs.push(
      ...compoundPairs(query, cand, true, bestQ, bestC),
      ...compoundPairs(cand, query, false, bestC, bestQ),
    );
  }
  // Best pairs first; between equals, the heavier (more identifying) pair wins.
  pairs.sort(
    (x, y) =>
      y.sim - x.sim ||
      weightOf(query, y.q) + weightOf(cand, y.c) - weightOf(query, x.q) - weightOf(cand, x.c),
  );
  return pairs;
}

/**
 * Aligns two names token by token (best pairs first) and scores the alignment in 0..1.
 * `sim` lets the screener pass cached token similarities.
 */
export function alignNames(
  query: readonly NameToken[],
  cand: readonly NameToken[],
  sim: SimFn = directSim,
  extraPenalty = EXTRA_PENALTY,
  explain = true,
): NameAlignment {
  const pairs = rankedPairs(query, cand, sim);
  const qRoles = patronymicRoles(query);
  const cRoles = patronymicRoles(cand);
  const usedQ = new Uint8Array(query.length);
  const usedC = new Uint8Array(cand.length);
  const chosen: Pair[] = [];
  let matched = 0;
  let pairWeight = 0;
  let identifying = false;
  for (const p of pairs) {
    if (p.q.some((i) => usedQ[i]) || p.c.some((j) => usedC[j])) continue;
    if (crossesRoles(qRoles, cRoles, p.q, p.c)) continue;
    for (const i of p.q) usedQ[i] = 1;
    for (const j of p.c) usedC[j] = 1;
    const w = (weightOf(query, p.q) + weightOf(cand, p.c)) / 2;
    matched += w * p.sim;
    pairWeight += w;
    if (p.method !== "initial" && p.q.some((i) => isIdentifying(query[i]!))) identifying = true;
    if (explain) chosen.push(p);
  }
  let uq = 0;
  let uc = 0;
  query.forEach((t, i) => {
    if (!usedQ[i]) uq += unmatchedWeight(t);
  });
  cand.forEach((t, j) => {
    if (!usedC[j]) uc += unmatchedWeight(t);
  });
  let conflict = Math.min(uq, uc);
  let extra = uq + uc - 2 * conflict;
  // A patronymic only one side gives weighs as little as a dropped legal form.
  if (conflict === 0) extra -= droppedPatronymics(query, usedQ) + droppedPatronymics(cand, usedC);
  // Two different legal forms (AG vs GmbH) are two different companies, not a dropped suffix.
  const legalQ = query.some((t, i) => !usedQ[i] && t.kind === "legal");
  const legalC = cand.some((t, j) => !usedC[j] && t.kind === "legal");
  if (legalQ && legalC) conflict += 0.5;
  const denominator = pairWeight + CONFLICT_PENALTY * conflict + extraPenalty * extra;
  let score = denominator > 0 ? matched / denominator : 0;
  // Initials, particles and titles alone never identify anyone (N.N. vs Nursultan Nazarbayev).
  if (!identifying) score = Math.min(score, 0.5);
  const explained = explain ? explainPairs(chosen, query, cand) : undefined;
  return {
    score,
    alignment: explained?.alignment ?? [],
    unmatchedQuery: explained?.unmatchedQuery ?? [],
    unmatchedCandidate: explained?.unmatchedCandidate ?? [],
  };
}

function droppedPatronymics(tokens: readonly NameToken[], used: Uint8Array): number {
  let w = 0;
  tokens.forEach((t, i) => {
    if (!used[i] && isPatronymic(t)) w += t.weight / 2;
  });
  return w;
}

/** Legal forms, titles and filler words are routinely left out: missing them says little. */
function unmatchedWeight(t: NameToken): number {
  return t.kind === "legal" || t.kind === "honorific" || t.kind === "stopword" ? t.weight / 2 : t.weight;
}

function isIdentifying(t: NameToken): boolean {
  return t.kind === "name" || t.kind === "number";
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
