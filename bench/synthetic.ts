// A deterministic synthetic watchlist for the scale benchmark: person entities recombined from the name
// parts of the real lists and of the negatives, so that token frequencies look like real traffic.
import type { ScreeningQuery } from "../src/screening/index.js";
import type { Entity, NameParts } from "../src/watchlists/model.js";
import { prng } from "../test/support/prng.js";
import type { PersonRow } from "./data.js";

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

/** Name-part pools with repeats kept, so drawing from them follows the source frequencies. */
export interface NamePools {
  first: string[];
  middle: string[];
  last: string[];
  /** Share of source persons that have a middle name. */
  middleShare: number;
  nationalities: string[];
}

function partsOf(e: Entity): { first?: string; middle: string[]; last?: string } {
  const p: NameParts = e.nameParts ?? {};
  const given = p.given ?? [p.first, p.second, p.third, p.fourth].filter(Boolean).slice(0, -1).join(" ");
  const family = p.family ?? [p.first, p.second, p.third, p.fourth].filter(Boolean).at(-1);
  const tokens = (given && family ? `${given} ${family}` : e.name.replace(/,/g, " "))
    .split(/\s+/)
    .filter(Boolean);
  if (tokens.length < 2) return { middle: [] };
  return { first: tokens[0]!, middle: tokens.slice(1, -1), last: tokens.at(-1)! };
}

export function namePools(listed: readonly Entity[], negatives: readonly PersonRow[]): NamePools {
  const pools: NamePools = { first: [], middle: [], last: [], middleShare: 0, nationalities: [] };
  let withMiddle = 0;
  let persons = 0;
  for (const e of listed) {
    if (e.schema !== "person") continue;
    const { first, middle, last } = partsOf(e);
    if (!first || !last) continue;
    persons++;
    pools.first.push(first);
    pools.last.push(last);
    if (middle.length > 0) {
      withMiddle++;
      pools.middle.push(middle.join(" "));
    }
    pools.nationalities.push(...e.nationalities);
  }
  for (const r of negatives) {
    persons++;
    pools.first.push(r.first_name);
    pools.last.push(r.last_name);
    if (r.middle_name) {
      withMiddle++;
      pools.middle.push(r.middle_name);
    }
  }
  pools.middleShare = withMiddle / persons;
  return pools;
}

const pad = (n: number) => String(n).padStart(2, "0");

/** `count` person entities; the same seed and pools always give the same list. */
export function syntheticWatchlist(pools: NamePools, count: number, seed = 20260227): Entity[] {
  const rand = prng(seed);
  const out: Entity[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const first = pick(rand, pools.first);
    const last = pick(rand, pools.last);
    const middle =
      pools.middle.length > 0 && rand() < pools.middleShare ? pick(rand, pools.middle) : undefined;
    const name = [first, middle, last].filter(Boolean).join(" ");
    const year = 1930 + Math.floor(rand() * 76);
    // A fifth of lists know only the birth year.
    const date =
      rand() < 0.2
        ? String(year)
        : `${year}-${pad(1 + Math.floor(rand() * 12))}-${pad(1 + Math.floor(rand() * 28))}`;
    const nationality =
      rand() < 0.9 && pools.nationalities.length > 0 ? [pick(rand, pools.nationalities)] : [];
    // A quarter carry an alias in list order ("LAST, First"), the commonest variant on real lists.
    const aliases =
      rand() < 0.25 ? [{ name: `${last.toUpperCase()}, ${first}`, quality: "strong" as const }] : [];
    out[i] = {
      id: `synthetic:S${i}`,
      list: "synthetic",
      sourceRef: `S${i}`,
      schema: "person",
      name,
      nameParts: { given: [first, middle].filter(Boolean).join(" "), family: last },
      aliases,
      birthDates: [{ kind: "date", date }],
      placesOfBirth: [],
      nationalities: nationality,
      gender: rand() < 0.5 ? "male" : "female",
      documents: [],
      programmes: [],
    };
  }
  return out;
}

const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** One keyboard-style slip (substitution, deletion, insertion or transposition) in a token of 4+ letters. */
export function typo(rand: () => number, name: string): string {
  const tokens = name.split(" ");
  const candidates = tokens.map((t, i) => (t.length >= 4 ? i : -1)).filter((i) => i >= 0);
  if (candidates.length === 0) return name;
  const ti = pick(rand, candidates);
  const t = tokens[ti]!;
  const at = 1 + Math.floor(rand() * (t.length - 2));
  const letter = pick(rand, [...LETTERS]);
  const kind = Math.floor(rand() * 4);
  tokens[ti] =
    kind === 0
      ? t.slice(0, at) + letter + t.slice(at + 1)
      : kind === 1
        ? t.slice(0, at) + t.slice(at + 1)
        : kind === 2
          ? t.slice(0, at) + letter + t.slice(at)
          : t.slice(0, at) + t[at + 1]! + t[at]! + t.slice(at + 2);
  return tokens.join(" ");
}

/** Persons drawn from the synthetic list, each name with one typo, birth date and nationality kept. */
export function listedQueries(
  entities: readonly Entity[],
  count: number,
  seed = 7,
): { query: ScreeningQuery; entityId: string }[] {
  const rand = prng(seed);
  return Array.from({ length: count }, () => {
    const e = pick(rand, entities);
    const date = e.birthDates[0];
    const query: ScreeningQuery = {
      name: typo(rand, e.name),
      ...(date?.kind === "date" ? { birthDate: date.date } : {}),
      ...(e.nationalities.length > 0 ? { nationalities: [...e.nationalities] } : {}),
      ...(e.gender ? { gender: e.gender } : {}),
    };
    return { query, entityId: e.id };
  });
}
