// What a follow-up returns, category by category, from the matched list entries only. Pure. The only
// inputs are the list entity and the listed vehicle or firearm: protection records, crossings and booth
// screenings are never read here, so they cannot cross whatever a request or an agreement names.
import type { ListedFirearm } from "../firearms/index.js";
import type { StolenVehicle } from "../vehicles/index.js";
import type { Entity } from "../watchlists/index.js";
import type { GoodsRecord } from "./goods-lookup.js";
import { CATEGORIES, type Category } from "./model.js";

export type FollowUpRecord = Partial<Record<Category, Record<string, unknown>>>;

type Extract<T> = Partial<Record<Category, (x: T) => Record<string, unknown>>>;

const PERSON: Extract<Entity> = {
  identity: (e) => ({ name: e.name, aliases: e.aliases.map((a) => a.name) }),
  birth: (e) => ({ birthDates: e.birthDates, placesOfBirth: e.placesOfBirth }),
  nationality: (e) => ({ nationalities: e.nationalities }),
  documents: (e) => ({
    documents: e.documents.map((d) => ({ type: d.type, number: d.number, country: d.country ?? null })),
  }),
  listing: (e) => ({ programmes: e.programmes, listedOn: e.listedOn ?? null }),
};

/** Who reported a listed object, and when: the reporting authority's country and the report date. */
const report = (r: { reportingCountry: string; reportedDate: string }) => ({
  reportingCountry: r.reportingCountry,
  reportedDate: r.reportedDate,
});

const VEHICLE: Extract<StolenVehicle> = {
  vehicle: (v) => ({ make: v.make, model: v.model, colour: v.colour, status: v.status }),
  report,
};

const FIREARM: Extract<ListedFirearm> = {
  firearm: (f) => ({ make: f.make, model: f.model, calibre: f.calibre, type: f.type, status: f.status }),
  report,
};

/** A matched list entry: a listed person (an entity) or a listed vehicle or firearm. */
export type Matched = { kind: "person"; record: Entity } | GoodsRecord;

function extract(m: Matched, c: Category): Record<string, unknown> | undefined {
  if (m.kind === "vehicle") return VEHICLE[c]?.(m.record);
  if (m.kind === "firearm") return FIREARM[c]?.(m.record);
  return PERSON[c]?.(m.record);
}

export function isCategory(c: string): c is Category {
  return (CATEGORIES as readonly string[]).includes(c);
}

/** One record per matched entry with the categories given that apply to it, in the order of CATEGORIES. */
export function followUpData(matched: readonly Matched[], categories: readonly Category[]): FollowUpRecord[] {
  const wanted = CATEGORIES.filter((c) => categories.includes(c));
  return matched.map((m) => {
    const record: FollowUpRecord = {};
    for (const c of wanted) {
      const data = extract(m, c);
      if (data) record[c] = data;
    }
    return record;
  });
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
