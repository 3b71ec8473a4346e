// Importer for FollowTheMoney entity exports (OpenSanctions `entities.ftm.json`): one JSON entity per line.
// Persons, organisations, vessels and aircraft become watchlist entities. Passport/Identification entities
// become documents of their holder and Sanction entities add programmes and listing dates to the entity
// they sanction, because OpenSanctions keeps those facts in separate entities. Every other schema
// (Address, Ownership, ...) is skipped and counted in a warning.
import { createReadStream } from "node:fs";
import { basename } from "node:path";
import { createInterface } from "node:readline";
import { countryCode } from "../shared/countries.js";
import { ImportError } from "../shared/errors.js";
import { alias, finishImport, uniqueValues, watchlistFileSize } from "./import-support.js";
import type {
  Alias,
  BirthDate,
  Entity,
  IdentityDocument,
  ImportIssue,
  ImportOptions,
  ImportResult,
  NameParts,
  Schema,
} from "./model.js";
import { partialDate } from "./partial-date.js";

export const FTM_DEFAULT_LIST = "ftm";

const TARGET_SCHEMAS: Record<string, Schema> = {
  Person: "person",
  Organization: "organization",
  Company: "organization",
  LegalEntity: "organization",
  PublicBody: "organization",
  Vessel: "vessel",
  Airplane: "aircraft",
};

const DOCUMENT_SCHEMAS = new Set(["Passport", "Identification"]);

/** Identifier properties kept as documents, so a number on a travel document or register can match. */
const IDENTIFIER_PROPERTIES: Record<string, string> = {
  passportNumber: "Passport",
  idNumber: "Identification Number",
  registrationNumber: "Registration Number",
  taxNumber: "Tax Number",
  innCode: "INN",
  ogrnCode: "OGRN",
  leiCode: "LEI",
  swiftBic: "SWIFT/BIC",
  imoNumber: "IMO Number",
  mmsi: "MMSI",
  callSign: "Call Sign",
  serialNumber: "Serial Number",
};

/** Where each schema keeps the country that screening compares with a traveller's nationality. */
const COUNTRY_PROPERTIES: Record<Schema, string[]> = {
  person: ["nationality", "citizenship"],
  organization: ["jurisdiction", "country", "mainCountry"],
  vessel: ["flag"],
  aircraft: ["country"],
};

type Properties = Record<string, unknown>;

interface FtmEntity {
  id: string;
  schema: string;
  caption?: string;
  properties: Properties;
  datasets: string[];
  location: string;
}

/** Property values as strings; FtM writes every property as an array, but a lone string is accepted. */
function values(props: Properties, key: string): string[] {
  const v = props[key];
  const list = Array.isArray(v) ? v : v === undefined ? [] : [v];
  return uniqueValues(list.filter((x): x is string => typeof x === "string"));
}

function first(props: Properties, key: string): string | undefined {
  return values(props, key)[0];
}

/** FtM dates may carry a time (`2020-01-01T00:00:00`); the date part at its own precision is what counts. */
function ftmDate(text: string): string | undefined {
  return partialDate(text.length > 10 && text[10] === "T" ? text.slice(0, 10) : text);
}

function parseLine(text: string, location: string): FtmEntity | string {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return `bad JSON: ${(err as Error).message}`;
  }
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return "not a JSON object";
  const o = raw as Record<string, unknown>;
  if (typeof o.id !== "string" || o.id === "") return "missing entity id";
  if (typeof o.schema !== "string" || o.schema === "") return "missing schema";
  const props = o.properties ?? {};
  if (typeof props !== "object" || props === null || Array.isArray(props))
    return "properties is not an object";
  return {
    id: o.id,
    schema: o.schema,
    caption: typeof o.caption === "string" && o.caption.trim() ? o.caption.trim() : undefined,
    properties: props as Properties,
    datasets: Array.isArray(o.datasets) ? o.datasets.filter((d): d is string => typeof d === "string") : [],
    location,
  };
}

/** Normalised document number, so a passport given both as property and as entity is kept once. */
function docKey(number: string): string {
  return number.toUpperCase().replace(/[\s./-]/g, "");
}

class Builder {
  readonly issues: ImportIssue[] = [];
  unmappedCountries = 0;

  constructor(readonly list: string) {}

  warn(location: string, reason: string, sourceRef?: string): void {
    this.issues.push({ severity: "warning", location, reason, ...(sourceRef ? { sourceRef } : {}) });
  }

  error(location: string, reason: string, sourceRef?: string): void {
    this.issues.push({ severity: "error", location, reason, ...(sourceRef ? { sourceRef } : {}) });
  }

  entity(f: FtmEntity, schema: Schema): Entity | undefined {
    const p = f.properties;
    const parts = this.nameParts(p);
    const names = uniqueValues([...values(p, "name"), ...values(p, "alias"), ...values(p, "previousName")]);
    const composed = [parts?.given, parts?.family].filter(Boolean).join(" ");
    const name = f.caption ?? names[0] ?? (composed || undefined);
    if (!name) {
      this.error(f.location, "entity has no name", f.id);
      return undefined;
    }
    const aliases: Alias[] = names.filter((n) => n !== name).map((n) => alias(n, "strong"));
    const strong = new Set([name, ...names]);
    for (const weak of values(p, "weakAlias")) if (!strong.has(weak)) aliases.push(alias(weak, "weak"));

    const e: Entity = {
      id: `${this.list}:${f.id}`,
      list: this.list,
      sourceRef: f.id,
      schema,
      name,
      aliases,
      birthDates: this.birthDates(f),
      placesOfBirth: values(p, "birthPlace"),
      nationalities: [],
      documents: [],
      programmes: uniqueValues([...values(p, "programId"), ...values(p, "program")]),
    };
    if (parts) e.nameParts = parts;
    this.countries(
      e,
      COUNTRY_PROPERTIES[schema].flatMap((k) => values(p, k)),
    );
    const gender = first(p, "gender")?.toLowerCase();
    if (gender === "male" || gender === "female" || gender === "other") e.gender = gender;
    else if (gender) this.warn(f.location, `unknown gender "${gender}" ignored`, f.id);
    for (const [prop, type] of Object.entries(IDENTIFIER_PROPERTIES)) {
      for (const number of values(p, prop)) addDocument(e, { type, number });
    }
    const listed = first(p, "listingDate");
    if (listed) {
      const d = ftmDate(listed);
      if (d) e.listedOn = d;
      else this.warn(f.location, `bad listingDate "${listed}" ignored`, f.id);
    }
    const notes = values(p, "notes");
    if (notes.length > 0) e.remarks = notes.join("; ");
    return e;
  }

  private nameParts(p: Properties): NameParts | undefined {
    const given = [first(p, "firstName"), first(p, "middleName"), first(p, "fatherName")]
      .filter(Boolean)
      .join(" ");
    const family = first(p, "lastName");
    if (!given && !family) return undefined;
    return { ...(given ? { given } : {}), ...(family ? { family } : {}) };
  }

  private birthDates(f: FtmEntity): BirthDate[] {
    const out: BirthDate[] = [];
    for (const text of values(f.properties, "birthDate")) {
      const date = ftmDate(text);
      if (date) out.push({ kind: "date", date });
      else
        this.warn(f.location, `bad birthDate "${text}" ignored: expected YYYY, YYYY-MM or YYYY-MM-DD`, f.id);
    }
    return out;
  }

  private countries(e: Entity, texts: string[]): void {
    const codes = new Set<string>();
    const unmapped: string[] = [];
    for (const text of texts) {
      const code = countryCode(text);
      if (code) codes.add(code);
      else unmapped.push(text);
    }
    e.nationalities = [...codes];
    if (unmapped.length > 0) {
      e.nationalitiesText = unmapped;
      this.unmappedCountries += unmapped.length;
    }
  }

  /** A Passport/Identification entity attached to its holder; the richer entity form wins over a bare number. */
  document(f: FtmEntity, holders: Map<string, Entity>): void {
    const p = f.properties;
    const number = first(p, "number");
    if (!number) {
      this.warn(f.location, `${f.schema} without a number skipped`, f.id);
      return;
    }
    const doc: IdentityDocument = {
      type: first(p, "type") ?? (f.schema === "Passport" ? "Passport" : "Identification"),
      number,
    };
    const countryText = first(p, "country");
    if (countryText) {
      const code = countryCode(countryText);
      if (code) doc.country = code;
      else {
        doc.countryText = countryText;
        this.unmappedCountries++;
      }
    }
    const issued = first(p, "startDate");
    const expires = first(p, "endDate");
    if (issued && ftmDate(issued)) doc.issued = ftmDate(issued);
    if (expires && ftmDate(expires)) doc.expires = ftmDate(expires);
    const holderIds = values(p, "holder");
    const targets = holderIds.map((id) => holders.get(id)).filter((e): e is Entity => e !== undefined);
    if (targets.length === 0) {
      this.warn(
        f.location,
        `${f.schema} holder ${holderIds.join(", ") || "(none)"} is not a listed entity in this file`,
        f.id,
      );
    }
    for (const e of targets) addDocument(e, doc);
  }

  /** A Sanction entity: its programme and listing date belong to the sanctioned entity. */
  sanction(f: FtmEntity, targets: Map<string, Entity>): void {
    const p = f.properties;
    const programmes = values(p, "programId");
    if (programmes.length === 0) programmes.push(...values(p, "program"));
    const listed = [...values(p, "listingDate"), ...values(p, "startDate")]
      .map(ftmDate)
      .filter((d): d is string => d !== undefined)
      .sort()[0];
    for (const id of values(p, "entity")) {
      const e = targets.get(id);
      if (!e) continue;
      e.programmes = uniqueValues([...e.programmes, ...programmes]);
      if (listed && (!e.listedOn || listed < e.listedOn)) e.listedOn = listed;
    }
  }
}

function addDocument(e: Entity, doc: IdentityDocument): void {
  const key = docKey(doc.number);
  const at = e.documents.findIndex((d) => docKey(d.number) === key);
  if (at < 0) e.documents.push(doc);
  else if (Object.keys(doc).length > Object.keys(e.documents[at]!).length) e.documents[at] = doc;
}

/** Reads an FtM JSON-lines export. Locations are `file:line`; sourceRef is the FtM entity id. */
export async function importFtmJsonl(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const total = await watchlistFileSize(path);
  const file = basename(path);
  const list = opts.list ?? FTM_DEFAULT_LIST;
  const b = new Builder(list);
  const entities: Entity[] = [];
  const byFtmId = new Map<string, Entity>();
  const firstSeen = new Map<string, string>();
  const linked: FtmEntity[] = [];
  const skipped = new Map<string, number>();
  const datasets = new Set<string>();

  const input = createReadStream(path, { encoding: "utf8" });
  let done = 0;
  input.on("data", (chunk) => {
    done += Buffer.byteLength(chunk);
    opts.onProgress?.(done, total);
  });
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let lineNo = 0;
  for await (const text of lines) {
    lineNo++;
    if (!text.trim()) continue;
    const location = `${file}:${lineNo}`;
    const parsed = parseLine(text, location);
    if (typeof parsed === "string") {
      b.error(location, parsed);
      continue;
    }
    for (const d of parsed.datasets) datasets.add(d);
    const schema = TARGET_SCHEMAS[parsed.schema];
    if (schema) {
      const seen = firstSeen.get(parsed.id);
      if (seen) {
        b.error(location, `duplicate entity id ${parsed.id} (first at ${seen})`, parsed.id);
        continue;
      }
      firstSeen.set(parsed.id, location);
      const e = b.entity(parsed, schema);
      if (e) {
        entities.push(e);
        byFtmId.set(parsed.id, e);
      }
    } else if (DOCUMENT_SCHEMAS.has(parsed.schema) || parsed.schema === "Sanction") {
      linked.push(parsed);
    } else {
      skipped.set(parsed.schema, (skipped.get(parsed.schema) ?? 0) + 1);
    }
  }
  // Linked entities may come before their holder in the file, so they are resolved once all are read.
  for (const f of linked) {
    if (f.schema === "Sanction") b.sanction(f, byFtmId);
    else b.document(f, byFtmId);
  }
  for (const [schema, n] of [...skipped].sort()) {
    b.warn(file, `skipped ${n} ${schema} entit${n === 1 ? "y" : "ies"}: not a screening target`);
  }
  // Lines of other schemas only are not an empty list but no list at all; an empty file is empty.
  if (entities.length === 0 && linked.length === 0 && skipped.size > 0)
    throw new ImportError(
      `${file}: no screening target (Person, Organization, Vessel, Airplane…) among ${lineNo} lines, and not an empty file`,
      [{ severity: "error", location: file, reason: "no known records" }],
      "ftm_no_targets",
      { file, lines: lineNo },
    );
  const meta: Record<string, string> = { lines: String(lineNo) };
  if (datasets.size > 0) meta.datasets = [...datasets].sort().join(", ");
  return finishImport(
    {
      list,
      format: "ftm-jsonl",
      path,
      entities,
      issues: b.issues,
      meta,
      unmappedCountries: b.unmappedCountries,
    },
    opts,
  );
}
