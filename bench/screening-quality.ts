// Screening quality against UN + OFAC: recall on the UN positives, false-positive rate on the negatives.
// The positives files carry no entity ids, so the right UN entity of each row is derived from the list.
import type { ScreeningQuery } from "../src/screening/index.js";
import type { BirthDate, Entity } from "../src/watchlists/model.js";
import type { PersonRow } from "./data.js";
import { progress } from "./progress.js";
import type { Hit, ScreeningSystem } from "./systems.js";

/** Case, accents, punctuation and spacing folded away: how two spellings of one listed name compare equal. */
export function foldName(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The folded name, and for "LAST, First" also "First LAST". */
export function nameForms(name: string): string[] {
  const forms = [foldName(name)];
  const comma = name.indexOf(",");
  if (comma > 0) forms.push(foldName(`${name.slice(comma + 1)} ${name.slice(0, comma)}`));
  return forms;
}

const tokenSet = (folded: string) => folded.split(" ").sort().join(" ");

function entityNameTexts(e: Entity): string[] {
  const parts = e.nameParts;
  const fromParts = parts
    ? [parts.first, parts.second, parts.third, parts.fourth].filter(Boolean).join(" ")
    : "";
  return [e.name, fromParts, ...e.aliases.map((a) => a.name)].filter((n) => n.trim() !== "");
}

/** Birth date of a row (`YYYY` or `YYYY-MM-DD`) is compatible with a listed one at the coarser precision. */
export function birthDateCompatible(row: string, listed: readonly BirthDate[]): boolean {
  if (!row) return false;
  return listed.some((b) => {
    if (b.kind === "date") return b.date.startsWith(row) || row.startsWith(b.date);
    const y = Number(row.slice(0, 4));
    return y >= Number(b.from.slice(0, 4)) && y <= Number(b.to.slice(0, 4));
  });
}

const nationalityMatches = (row: string, e: Entity) =>
  row !== "" &&
  (e.nationalities.some((n) => n.toLowerCase() === row.toLowerCase()) ||
    (e.nationalitiesText ?? []).some((n) => foldName(n) === foldName(row)));

export type Resolution = "exact" | "token-order" | "spacing";

export interface GroundTruth {
  /** The right UN entities per row (usually one), undefined where none could be derived. */
  ids: (string[] | undefined)[];
  /** How each resolved row was found: folded name equal, same tokens in another order, or equal without spaces. */
  byResolution: Record<Resolution, number>;
  /** Rows where several entries had the name and birth date or nationality picked one. */
  disambiguated: number;
  /**
   * Rows where several UN entries share name, birth date and nationality: one person listed under two
   * regimes (e.g. QDi.042 and SOi.002). Any of them is right.
   */
  listedTwice: { row: number; name: string; refs: string[] }[];
  unresolved: { row: number; name: string; reason: string }[];
}

export function resolveGroundTruth(rows: readonly PersonRow[], unEntities: readonly Entity[]): GroundTruth {
  const indexes: Record<Resolution, Map<string, Set<Entity>>> = {
    exact: new Map(),
    "token-order": new Map(),
    spacing: new Map(),
  };
  const keyOf: Record<Resolution, (folded: string) => string> = {
    exact: (f) => f,
    "token-order": tokenSet,
    spacing: (f) => f.replaceAll(" ", ""),
  };
  const levels = Object.keys(indexes) as Resolution[];
  for (const e of unEntities) {
    for (const text of entityNameTexts(e)) {
      for (const form of nameForms(text)) {
        for (const level of levels) {
          const key = keyOf[level](form);
          const set = indexes[level].get(key) ?? new Set<Entity>();
          set.add(e);
          indexes[level].set(key, set);
        }
      }
    }
  }

  const result: GroundTruth = {
    ids: [],
    byResolution: { exact: 0, "token-order": 0, spacing: 0 },
    disambiguated: 0,
    listedTwice: [],
    unresolved: [],
  };
  rows.forEach((row, i) => {
    let found: { level: Resolution; candidates: Entity[] } | undefined;
    for (const level of levels) {
      const candidates = new Set<Entity>();
      for (const form of nameForms(row.full_name)) {
        for (const e of indexes[level].get(keyOf[level](form)) ?? []) candidates.add(e);
      }
      if (candidates.size > 0) {
        found = { level, candidates: [...candidates] };
        break;
      }
    }
    if (!found) {
      result.ids.push(undefined);
      result.unresolved.push({
        row: i + 1,
        name: row.full_name,
        reason: "no UN name or alias is equal (not on this version of the list?)",
      });
      return;
    }
    let candidates = found.candidates;
    if (candidates.length > 1) {
      // A filter that would leave nobody is ignored: the data, not the filter, is then incomplete.
      const narrow = (keep: (e: Entity) => boolean) => {
        const kept = candidates.filter(keep);
        if (kept.length > 0) candidates = kept;
      };
      narrow((e) => birthDateCompatible(row.date_of_birth, e.birthDates));
      narrow((e) => nationalityMatches(row.nationality, e));
      if (candidates.length === 1) result.disambiguated++;
      else
        result.listedTwice.push({
          row: i + 1,
          name: row.full_name,
          refs: candidates.map((e) => e.sourceRef),
        });
    }
    result.ids.push(candidates.map((e) => e.id));
    result.byResolution[found.level]++;
  });
  return result;
}

const PARTICLES = new Set([
  "al",
  "el",
  "ad",
  "ar",
  "as",
  "ash",
  "at",
  "az",
  "bin",
  "ibn",
  "bint",
  "ben",
  "abu",
  "abou",
]);

/**
 * A consonant skeleton that survives the usual romanisation variants: q → k, ph → f, vowels and
 * h/w/y after the first letter dropped, doubled letters merged (Yaqoub/Yakoob/Yaqub → ykb).
 */
export function skeleton(token: string): string {
  const t = token.replaceAll("q", "k").replaceAll("ph", "f");
  return (t[0]! + t.slice(1).replace(/[aeiouyhw]/g, "")).replace(/(.)\1+/g, "$1");
}

const skeletons = (name: string) =>
  foldName(name)
    .split(" ")
    .filter((t) => t && !PARTICLES.has(t))
    .map(skeleton)
    .filter((k) => k.length >= 2);

function sharedCount(a: readonly string[], b: readonly string[]): number {
  const rest = [...b];
  let n = 0;
  for (const k of a) {
    const at = rest.indexOf(k);
    if (at >= 0) {
      n++;
      rest.splice(at, 1);
    }
  }
  return n;
}

/**
 * Entities of other lists that are the same person as a UN entity. A system that ranks such a twin
 * first has found the right person, so recall counts it; the strict figure does not. A twin is of the
 * same schema, has birth years at most one year apart and a common nationality where both sides give
 * them, and a name that shares with one of the UN entity's names either two rare consonant skeletons,
 * or one rare skeleton and the exact birth date (UN "SUNDUS ABD AL-GHAFUR" is OFAC "Sundus ABD
 * AL-GHAFAR"). Rare: in the names of at most 0.5% of the entities, so Muhammad, Ali or Abdul never
 * make two different people twins.
 */
export function findTwins(truthIds: Iterable<string>, all: readonly Entity[]): Map<string, Set<string>> {
  const byId = new Map(all.map((e) => [e.id, e]));
  const names = new Map<Entity, string[][]>();
  const bySkeleton = new Map<string, Set<Entity>>();
  for (const e of all) {
    const ks = entityNameTexts(e).map(skeletons);
    names.set(e, ks);
    for (const k of ks.flat()) {
      const set = bySkeleton.get(k) ?? new Set<Entity>();
      set.add(e);
      bySkeleton.set(k, set);
    }
  }
  const rareLimit = Math.max(2, all.length * 0.005);
  const rare = (k: string) => (bySkeleton.get(k)?.size ?? 0) <= rareLimit;
  const years = (e: Entity) =>
    e.birthDates.flatMap((b) =>
      b.kind === "date"
        ? [Number(b.date.slice(0, 4))]
        : [Number(b.from.slice(0, 4)), Number(b.to.slice(0, 4))],
    );
  const days = (e: Entity) =>
    e.birthDates.flatMap((b) => (b.kind === "date" && b.date.length === 10 ? [b.date] : []));
  const yearsAgree = (a: Entity, b: Entity) => {
    const ya = years(a);
    const yb = years(b);
    return ya.length === 0 || yb.length === 0 || ya.some((x) => yb.some((y) => Math.abs(x - y) <= 1));
  };
  const nationalitiesAgree = (a: Entity, b: Entity) => {
    const of = (e: Entity) => e.nationalities.map((n) => n.toLowerCase());
    return of(a).length === 0 || of(b).length === 0 || of(a).some((n) => of(b).includes(n));
  };
  const namesAgree = (a: Entity, b: Entity) => {
    const sameDay = days(a).some((d) => days(b).includes(d));
    return names.get(a)!.some((ka) =>
      names.get(b)!.some((kb) => {
        const shared = sharedCount(ka.filter(rare), kb.filter(rare));
        return shared >= 2 || (shared === 1 && sameDay);
      }),
    );
  };
  const twins = new Map<string, Set<string>>();
  for (const id of truthIds) {
    const e = byId.get(id);
    if (!e) continue;
    const candidates = new Set<Entity>();
    for (const k of names.get(e)!.flat())
      if (rare(k)) for (const o of bySkeleton.get(k) ?? []) candidates.add(o);
    const set = new Set<string>();
    for (const o of candidates) {
      if (o.list === e.list || o.schema !== e.schema) continue;
      if (yearsAgree(e, o) && nationalitiesAgree(e, o) && namesAgree(e, o)) set.add(o.id);
    }
    twins.set(id, set);
  }
  return twins;
}

export interface Screened {
  /** Hits per query, in query order. */
  hits: Hit[][];
  latenciesMs: number[];
}

/** Screens every query in this thread, one after another, timing each. */
export async function screenAll(
  system: ScreeningSystem,
  label: string,
  queries: readonly ScreeningQuery[],
): Promise<Screened> {
  const out: Screened = { hits: [], latenciesMs: [] };
  const bar = progress(label, queries.length);
  for (let i = 0; i < queries.length; i++) {
    const t0 = performance.now();
    const r = system.screen(queries[i]!);
    // Only truly asynchronous systems pay for an await inside the timed region.
    out.hits.push(r instanceof Promise ? await r : r);
    out.latenciesMs.push(performance.now() - t0);
    bar.tick(i + 1);
  }
  bar.stop();
  return out;
}

export interface RecallResult {
  n: number;
  /** Rows whose right entity (or its twin on another list) is the top hit and is referred. */
  top: number;
  /** As `top`, but only the UN entity itself counts. */
  topStrict: number;
  /** Rows with the right entity (or twin) anywhere among the referred hits. */
  anywhere: number;
  /** Rows missed (no right entity as referred top hit), for the report. */
  misses: { row: number; name: string; top?: string }[];
}

export function recallOf(
  hits: readonly Hit[][],
  queries: readonly ScreeningQuery[],
  truth: readonly (string[] | undefined)[],
  twins: ReadonlyMap<string, ReadonlySet<string>>,
): RecallResult {
  const r: RecallResult = { n: 0, top: 0, topStrict: 0, anywhere: 0, misses: [] };
  hits.forEach((h, i) => {
    const ids = truth[i];
    if (ids === undefined) return;
    r.n++;
    const right = (x: Hit) =>
      ids.some((id) => x.entityId === id || (twins.get(id)?.has(x.entityId) ?? false));
    const top = h[0];
    if (top?.refer && right(top)) r.top++;
    else r.misses.push({ row: i + 1, name: queries[i]?.name ?? "", ...(top ? { top: top.entityId } : {}) });
    if (top?.refer && ids.includes(top.entityId)) r.topStrict++;
    if (h.some((x) => x.refer && right(x))) r.anywhere++;
  });
  return r;
}

export interface FalsePositiveResult {
  n: number;
  flagged: number;
  rate: number;
}

/** Share of persons with any referred hit. */
export function falsePositivesOf(hits: readonly Hit[][]): FalsePositiveResult {
  const flagged = hits.filter((h) => h.some((x) => x.refer)).length;
  return { n: hits.length, flagged, rate: flagged / hits.length };
}
