// FollowTheMoney in and out, for the yente-compatible API: an FtM example (schema + properties, every
// value a list) becomes the Limes screening query, and a watchlist entity becomes an FtM entity as yente
// returns it. Pure: no I/O.
import type { Match, ScreeningQuery } from "../screening/index.js";
import { InvalidError } from "../shared/errors.js";
import type { Entity, Schema } from "../watchlists/index.js";

/** yente's EntityExample: what a client sends to be matched. */
export interface FtmExample {
  id?: string;
  schema: string;
  properties: Record<string, string | unknown[]>;
}

/** yente's EntityResponse. */
export interface FtmEntity {
  id: string;
  caption: string;
  schema: string;
  properties: Record<string, string[]>;
  datasets: string[];
  referents: string[];
  target: boolean;
}

/** FtM schemata a query may use, and the Limes schema each screens as. */
export const QUERY_SCHEMAS: Record<string, Schema> = {
  Person: "person",
  LegalEntity: "organization",
  Organization: "organization",
  Company: "organization",
  PublicBody: "organization",
  Vessel: "vessel",
  Airplane: "aircraft",
};

const OUT_SCHEMA: Record<Schema, string> = {
  person: "Person",
  organization: "Organization",
  vessel: "Vessel",
  aircraft: "Airplane",
};

/** FtM's country properties, per schema, read as the query's nationalities. */
const COUNTRY_PROPS = ["nationality", "citizenship", "country", "jurisdiction", "flag"];
const DOCUMENT_PROPS: Record<string, string> = {
  passportNumber: "Passport",
  idNumber: "Identification Number",
  registrationNumber: "Registration Number",
  imoNumber: "IMO Number",
};
/** Every other name an example may carry, screened as the query's other names. */
const OTHER_NAME_PROPS = ["alias", "weakAlias", "previousName"];

function texts(props: FtmExample["properties"], key: string): string[] {
  const v = props[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return list
    .filter((x): x is string => typeof x === "string")
    .map((x) => x.trim())
    .filter((x) => x !== "");
}

/** FtM dates may carry a time; Limes compares the date part at its own precision. */
function birthDateOf(values: string[]): string | undefined {
  const v = values[0];
  if (v === undefined) return undefined;
  const date = v.length > 10 && v[10] === "T" ? v.slice(0, 10) : v;
  if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date))
    throw new InvalidError(`birthDate: "${v}" is not YYYY, YYYY-MM or YYYY-MM-DD`, { value: v });
  return date;
}

const GENDERS: Record<string, ScreeningQuery["gender"]> = { male: "male", female: "female", other: "other" };

/** The screening query of an example; an unknown schema or a nameless example is refused. */
export function exampleToQuery(example: FtmExample): ScreeningQuery {
  const schema = QUERY_SCHEMAS[example.schema];
  if (!schema)
    throw new InvalidError(`schema: "${example.schema}" cannot be screened`, {
      schemas: Object.keys(QUERY_SCHEMAS),
    });
  const p = example.properties;
  const q: ScreeningQuery = { schema };
  const [name, ...moreNames] = texts(p, "name");
  const set = <K extends keyof ScreeningQuery>(k: K, v: ScreeningQuery[K] | undefined) => {
    if (v !== undefined) q[k] = v;
  };
  set("name", name);
  set("firstName", texts(p, "firstName")[0]);
  set("middleName", texts(p, "middleName")[0]);
  set("lastName", texts(p, "lastName")[0]);
  const others = [...moreNames, ...OTHER_NAME_PROPS.flatMap((k) => texts(p, k))];
  if (others.length > 0) q.otherNames = others.slice(0, 20);
  set("gender", GENDERS[texts(p, "gender")[0]?.toLowerCase() ?? ""]);
  set("birthDate", birthDateOf(texts(p, "birthDate")));
  const countries = COUNTRY_PROPS.flatMap((k) => texts(p, k));
  if (countries.length > 0) q.nationalities = countries.slice(0, 10);
  set("placeOfBirth", texts(p, "birthPlace")[0]);
  const documents = Object.entries(DOCUMENT_PROPS).flatMap(([k, type]) =>
    texts(p, k).map((number) => ({ number, type })),
  );
  if (documents.length > 0) q.documents = documents.slice(0, 10);
  if (!q.name && !q.firstName && !q.lastName) throw new InvalidError("properties.name: required");
  return q;
}

/** The example echoed back as yente does: every property a list of strings. */
export function normaliseExample(example: FtmExample): FtmExample {
  const properties: Record<string, string[]> = {};
  for (const key of Object.keys(example.properties)) {
    const values = texts(example.properties, key);
    if (values.length > 0) properties[key] = values;
  }
  return { ...(example.id ? { id: example.id } : {}), schema: example.schema, properties };
}

function put(props: Record<string, string[]>, key: string, values: (string | undefined)[]): void {
  const kept = [...new Set(values.filter((v): v is string => !!v && v.trim() !== ""))];
  if (kept.length > 0) props[key] = [...(props[key] ?? []), ...kept];
}

/** The watchlist entity as an FtM entity of the schema it is listed as. */
export function entityToFtm(e: Entity): FtmEntity {
  const props: Record<string, string[]> = {};
  put(props, "name", [e.name]);
  put(
    props,
    "alias",
    e.aliases.filter((a) => a.quality === "strong").map((a) => a.name),
  );
  put(
    props,
    "weakAlias",
    e.aliases.filter((a) => a.quality === "weak").map((a) => a.name),
  );
  if (e.schema === "person") {
    put(props, "firstName", [e.nameParts?.given ?? e.nameParts?.first]);
    put(props, "lastName", [e.nameParts?.family]);
    put(
      props,
      "birthDate",
      e.birthDates.map((b) => (b.kind === "date" ? b.date : b.from)),
    );
    put(props, "birthPlace", e.placesOfBirth);
    put(props, "gender", [e.gender]);
    put(
      props,
      "nationality",
      e.nationalities.map((n) => n.toLowerCase()),
    );
  } else {
    put(
      props,
      e.schema === "vessel" ? "flag" : "country",
      e.nationalities.map((n) => n.toLowerCase()),
    );
  }
  for (const d of e.documents) {
    const key = /passport/i.test(d.type)
      ? "passportNumber"
      : e.schema === "person"
        ? "idNumber"
        : "registrationNumber";
    put(props, key, [d.number]);
  }
  put(props, "program", e.programmes);
  put(props, "notes", [e.remarks]);
  put(props, "topics", ["sanction"]);
  return {
    id: e.id,
    caption: e.name,
    schema: OUT_SCHEMA[e.schema],
    properties: props,
    datasets: [e.list],
    referents: [e.sourceRef],
    target: true,
  };
}

/** yente's features: one number per feature; Limes gives the name similarity and each feature's signed part. */
export function featuresOf(m: Match): Record<string, number> {
  const out: Record<string, number> = { name_similarity: m.explanation.nameScore };
  for (const f of m.explanation.features) out[f.feature] = (out[f.feature] ?? 0) + f.contribution;
  return out;
}
