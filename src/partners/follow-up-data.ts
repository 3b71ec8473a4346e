// What a follow-up returns, category by category, from the matched list entries only. Pure. The only
// input is the list entity: protection records, crossings and booth screenings are never read here, so
// they cannot cross whatever a request or an agreement names.
import type { Entity } from "../watchlists/index.js";
import { CATEGORIES, type Category } from "./model.js";

export type FollowUpRecord = Partial<Record<Category, Record<string, unknown>>>;

const EXTRACT: Record<Category, (e: Entity) => Record<string, unknown>> = {
  identity: (e) => ({ name: e.name, aliases: e.aliases.map((a) => a.name) }),
  birth: (e) => ({ birthDates: e.birthDates, placesOfBirth: e.placesOfBirth }),
  nationality: (e) => ({ nationalities: e.nationalities }),
  documents: (e) => ({
    documents: e.documents.map((d) => ({ type: d.type, number: d.number, country: d.country ?? null })),
  }),
  listing: (e) => ({ programmes: e.programmes, listedOn: e.listedOn ?? null }),
};

export function isCategory(c: string): c is Category {
  return (CATEGORIES as readonly string[]).includes(c);
}

/** One record per entity with exactly the categories given, in the order CATEGORIES names them. */
export function followUpData(entities: readonly Entity[], categories: readonly Category[]): FollowUpRecord[] {
  const wanted = CATEGORIES.filter((c) => categories.includes(c));
  return entities.map((e) => Object.fromEntries(wanted.map((c) => [c, EXTRACT[c](e)])) as FollowUpRecord);
}

/** On the receiving side: keeps only the categories both asked for and allowed; drops anything else. */
export function keepCategories(data: unknown, allowed: readonly Category[]): FollowUpRecord[] {
  if (!Array.isArray(data)) return [];
  return data.slice(0, 50).map((record) => {
    const r = (record ?? {}) as Record<string, unknown>;
    return Object.fromEntries(
      allowed.filter((c) => typeof r[c] === "object" && r[c] !== null).map((c) => [c, r[c]]),
    ) as FollowUpRecord;
  });
}
