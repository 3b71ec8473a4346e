// UN Security Council consolidated list (https://www.un.org/sc/resources/sc-sanctions.xsd), streamed with
// saxes: the file is read chunk by chunk and each INDIVIDUAL/ENTITY becomes an Entity as soon as it closes.
import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";
import { countryCode } from "../shared/countries.js";
import { ImportError } from "../shared/errors.js";
import { detectScript } from "../shared/script.js";
import { type Collected, finishImport, uniqueValues, watchlistFileSize } from "./import-support.js";
import type {
  Alias,
  BirthDate,
  Entity,
  IdentityDocument,
  ImportIssue,
  ImportOptions,
  ImportResult,
} from "./model.js";
import { partialDate } from "./partial-date.js";

/** A parsed XML element: its text and its child elements in order. */
interface Node {
  name: string;
  text: string;
  children: Node[];
}

const RECORDS = new Set(["INDIVIDUAL", "ENTITY"]);
/** The root's record containers: a file with both and no record in them is explicitly empty. */
const CONTAINERS = new Set(["INDIVIDUALS", "ENTITIES"]);
/** The record that belongs in each list element. */
const RECORD_LISTS = new Map([
  ["INDIVIDUALS", "INDIVIDUAL"],
  ["ENTITIES", "ENTITY"],
]);

function child(n: Node, name: string): Node | undefined {
  return n.children.find((c) => c.name === name);
}
function children(n: Node, name: string): Node[] {
  return n.children.filter((c) => c.name === name);
}
function text(n: Node | undefined, name?: string): string {
  const target = name && n ? child(n, name) : n;
  return target?.text.replace(/\s+/g, " ").trim() ?? "";
}

/**
 * Alias qualities: "Good" and "a.k.a." are names the person is known by; "f.k.a." is a former name, still
 * the same person's, so strong too. "Low" marks what the UN itself calls low-quality aliases: weak.
 */
function aliasQuality(q: string): "strong" | "weak" | undefined {
  if (q === "Good" || q === "a.k.a." || q === "f.k.a.") return "strong";
  if (q === "Low") return "weak";
  return undefined;
}

interface Mapped {
  entity?: Entity;
  issues: ImportIssue[];
  unmapped: number;
}

function mapCountry(value: string, path: string, ref: string, issues: ImportIssue[]): string | undefined {
  const code = countryCode(value);
  if (!code)
    issues.push({
      severity: "warning",
      location: path,
      reason: `unmapped country "${value}" kept as text`,
      sourceRef: ref,
    });
  return code;
}

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function monthOf(word: string): string | undefined {
  const i = MONTHS.indexOf(word.slice(0, 3).toLowerCase());
  return i < 0 ? undefined : String(i + 1).padStart(2, "0");
}

/**
 * Tabular Islamic calendar to Gregorian (the arithmetic civil calendar; may differ from the observed
 * calendar by a day, which the screener's date tolerance absorbs).
 */
export function hijriToGregorian(year: number, month: number, day: number): string {
  const jdn =
    day + Math.ceil(29.5 * (month - 1)) + (year - 1) * 354 + Math.floor((3 + 11 * year) / 30) + 1948439 - 1;
  const ms = (jdn - 2440588) * 86_400_000 + 43_200_000;
  return new Date(ms).toISOString().slice(0, 10);
}

/**
 * Birth dates the UN writes only in the NOTE: "Nov. 1973", "Between Aug. and Sep. 1977",
 * "24/06/1402 (Hijri Calendar)", "30-35 years old" (relative to the listing year).
 */
function dateFromNote(note: string, listedYear: number | undefined): BirthDate | undefined {
  const monthYear = /^([A-Za-z]+)\.?\s+(\d{4})$/.exec(note);
  if (monthYear && monthOf(monthYear[1]!))
    return { kind: "date", date: `${monthYear[2]}-${monthOf(monthYear[1]!)}` };
  const between = /^Between [A-Za-z]+\.? and [A-Za-z]+\.? (\d{4})$/i.exec(note);
  if (between) return { kind: "date", date: between[1]! };
  const hijri = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) \(Hijri Calendar\)$/i.exec(note);
  if (hijri)
    return { kind: "date", date: hijriToGregorian(Number(hijri[3]), Number(hijri[2]), Number(hijri[1])) };
  const age = /^(\d{1,2})\s*-\s*(\d{1,2}) years old$/i.exec(note);
  if (age && listedYear) {
    return {
      kind: "range",
      from: String(listedYear - Number(age[2])),
      to: String(listedYear - Number(age[1])),
      approximate: true,
    };
  }
  return undefined;
}

function birthDate(
  n: Node,
  path: string,
  ref: string,
  issues: ImportIssue[],
  listedYear?: number,
): BirthDate | undefined {
  const type = text(n, "TYPE_OF_DATE");
  const date = text(n, "DATE");
  const year = text(n, "YEAR");
  const from = text(n, "FROM_YEAR");
  const to = text(n, "TO_YEAR");
  const note = text(n, "NOTE");
  if (!type && !date && !year && !from && !to && !note) return undefined;
  const approximate = type === "APPROXIMATELY";
  if (type === "EXACT" || type === "APPROXIMATELY") {
    let value = partialDate(date.slice(0, 10)) ?? partialDate(year);
    // "YEAR 1958, NOTE Sep." is September 1958.
    const noteMonth = /^[A-Za-z]+\.?$/.test(note) ? monthOf(note) : undefined;
    if (value && value.length === 4 && noteMonth) value = `${value}-${noteMonth}`;
    if (!value && !date && !year) {
      const fromNote = dateFromNote(note, listedYear);
      if (fromNote) return approximate ? { ...fromNote, approximate: true } : fromNote;
    }
    if (!value) {
      issues.push({
        severity: "error",
        location: path,
        reason: `unknown date of birth format "${date || year || note}" (${type})`,
        sourceRef: ref,
      });
      return undefined;
    }
    return approximate ? { kind: "date", date: value, approximate } : { kind: "date", date: value };
  }
  if (type === "BETWEEN") {
    if (!partialDate(from) || !partialDate(to) || from > to) {
      issues.push({
        severity: "error",
        location: path,
        reason: `unreadable BETWEEN date of birth "${from}".."${to}"`,
        sourceRef: ref,
      });
      return undefined;
    }
    return { kind: "range", from, to };
  }
  issues.push({
    severity: "error",
    location: path,
    reason: `unknown TYPE_OF_DATE "${type}"`,
    sourceRef: ref,
  });
  return undefined;
}

function place(n: Node): string {
  return uniqueValues(["STREET", "CITY", "STATE_PROVINCE", "COUNTRY", "NOTE"].map((k) => text(n, k))).join(
    ", ",
  );
}

function document(n: Node, path: string, ref: string, issues: ImportIssue[]): IdentityDocument | undefined {
  const type = uniqueValues([text(n, "TYPE_OF_DOCUMENT"), text(n, "TYPE_OF_DOCUMENT2")]).join(" / ");
  const number = text(n, "NUMBER");
  const note = text(n, "NOTE");
  // Some entries describe a document without its number ("Passport issued in Kabul"): kept, since a
  // reviewer can use the note; only wholly empty placeholders are skipped.
  if (!type && !number && !note) return undefined;
  const doc: IdentityDocument = { type: type || "Document", number };
  const countryText = text(n, "ISSUING_COUNTRY") || text(n, "COUNTRY_OF_ISSUE");
  if (countryText) {
    doc.countryText = countryText;
    const code = mapCountry(countryText, path, ref, issues);
    if (code) doc.country = code;
  }
  const issued = partialDate(text(n, "DATE_OF_ISSUE").slice(0, 10));
  if (issued) doc.issued = issued;
  const expiry = /Expiration date:\s*(\d{4}-\d{2}-\d{2})/i.exec(note)?.[1];
  if (expiry) doc.expires = expiry;
  const city = text(n, "CITY_OF_ISSUE");
  const fullNote = uniqueValues([city ? `issued in ${city}` : "", note]).join("; ");
  if (fullNote) doc.note = fullNote;
  return doc;
}

function mapRecord(n: Node, path: string, list: string): Mapped {
  const issues: ImportIssue[] = [];
  const ref = text(n, "REFERENCE_NUMBER");
  const nameParts = {
    first: text(n, "FIRST_NAME"),
    second: text(n, "SECOND_NAME"),
    third: text(n, "THIRD_NAME"),
    fourth: text(n, "FOURTH_NAME"),
  };
  // Parts may repeat (Salim Ahmad Salim Hamdan: a father's name equal to the given name): never dedupe.
  const name = [nameParts.first, nameParts.second, nameParts.third, nameParts.fourth]
    .filter(Boolean)
    .join(" ");
  if (!ref) issues.push({ severity: "error", location: path, reason: "missing REFERENCE_NUMBER" });
  if (!name)
    issues.push({
      severity: "error",
      location: path,
      reason: "missing FIRST_NAME",
      sourceRef: ref || undefined,
    });
  if (!ref || !name) return { issues, unmapped: 0 };
  const person = n.name === "INDIVIDUAL";
  const aliasTag = person ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
  const aliases: Alias[] = [];
  const birthDates: BirthDate[] = [];
  const seen = new Set<string>([name.toLowerCase()]);
  children(n, aliasTag).forEach((a, i) => {
    const raw = text(a, "ALIAS_NAME");
    const q = text(a, "QUALITY");
    if (!raw && !q) return; // an empty placeholder element, as the UN writes for "no alias"
    const quality = aliasQuality(q);
    if (!quality) {
      issues.push({
        severity: "error",
        location: `${path}/${aliasTag}[${i + 1}]`,
        reason: `unknown alias QUALITY "${q}"`,
        sourceRef: ref,
      });
      return;
    }
    for (const part of raw.split(";")) {
      const aliasName = part.replace(/\s+/g, " ").trim();
      if (!aliasName || seen.has(aliasName.toLowerCase())) continue;
      seen.add(aliasName.toLowerCase());
      const script = detectScript(aliasName);
      aliases.push(script === "latin" ? { name: aliasName, quality } : { name: aliasName, quality, script });
    }
    // A few aliases carry the birth date used with that identity; it is one of the person's birth dates.
    const dob = partialDate(text(a, "DATE_OF_BIRTH").slice(0, 10));
    if (dob) birthDates.push({ kind: "date", date: dob });
  });
  const original = text(n, "NAME_ORIGINAL_SCRIPT");
  if (original) {
    aliases.push({ name: original, quality: "strong", script: detectScript(original), originalScript: true });
  }
  const listedYear = Number(text(n, "LISTED_ON").slice(0, 4)) || undefined;
  children(n, "INDIVIDUAL_DATE_OF_BIRTH").forEach((d, i) => {
    const b = birthDate(d, `${path}/INDIVIDUAL_DATE_OF_BIRTH[${i + 1}]`, ref, issues, listedYear);
    if (b) birthDates.push(b);
  });
  const nationalities: string[] = [];
  const nationalitiesText: string[] = [];
  let unmapped = 0;
  for (const v of children(child(n, "NATIONALITY") ?? { name: "", text: "", children: [] }, "VALUE")) {
    const t = text(v);
    if (!t) continue;
    const code = mapCountry(t, `${path}/NATIONALITY`, ref, issues);
    if (code) {
      if (!nationalities.includes(code)) nationalities.push(code);
    } else {
      nationalitiesText.push(t);
      unmapped++;
    }
  }
  const documents: IdentityDocument[] = [];
  children(n, "INDIVIDUAL_DOCUMENT").forEach((d, i) => {
    const before = issues.length;
    const doc = document(d, `${path}/INDIVIDUAL_DOCUMENT[${i + 1}]`, ref, issues);
    unmapped += issues.length - before;
    if (doc) documents.push(doc);
  });
  const entity: Entity = {
    id: `${list}:${ref}`,
    list,
    sourceRef: ref,
    schema: person ? "person" : "organization",
    name,
    aliases,
    birthDates: dedupeDates(birthDates),
    placesOfBirth: uniqueValues(children(n, "INDIVIDUAL_PLACE_OF_BIRTH").map(place)),
    nationalities,
    documents,
    programmes: uniqueValues([text(n, "UN_LIST_TYPE")]),
  };
  if (person)
    entity.nameParts = Object.fromEntries(
      Object.entries(nameParts).filter(([, v]) => v),
    ) as Entity["nameParts"];
  if (nationalitiesText.length) entity.nationalitiesText = nationalitiesText;
  const gender = text(n, "GENDER").toLowerCase();
  if (gender === "male" || gender === "female") entity.gender = gender;
  const listed = partialDate(text(n, "LISTED_ON").slice(0, 10));
  if (listed) entity.listedOn = listed;
  const remarks = text(n, "COMMENTS1");
  if (remarks) entity.remarks = remarks;
  return { entity, issues, unmapped };
}

function dedupeDates(dates: BirthDate[]): BirthDate[] {
  const seen = new Set<string>();
  return dates.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Imports the UN consolidated list XML. Default list id `un-sc`. */
export async function importUnXml(path: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const total = await watchlistFileSize(path);
  const list = opts.list ?? "un-sc";
  const collected: Collected = {
    list,
    format: "un-xml",
    path,
    entities: [],
    issues: [],
    meta: {},
    unmappedCountries: 0,
  };
  const parser = new SaxesParser();
  const stack: Node[] = [];
  const counters = new Map<string, number>();
  let recordPath = "";
  let sawRoot = false;
  let records = 0;
  let openRecords = 0;
  const containers = new Set<string>();
  parser.on("opentag", (tag) => {
    if (stack.length === 1 && CONTAINERS.has(tag.name)) containers.add(tag.name);
    if (stack.length === 0) {
      sawRoot = true;
      if (tag.name !== "CONSOLIDATED_LIST")
        throw new Error(`root element is <${tag.name}>, expected <CONSOLIDATED_LIST>`);
      const generated = tag.attributes.dateGenerated;
      if (typeof generated === "string") collected.meta.dateGenerated = generated;
    }
    if (RECORDS.has(tag.name)) {
      records++;
      openRecords++;
      const k = counters.get(tag.name) ?? 0;
      counters.set(tag.name, k + 1);
      recordPath = `CONSOLIDATED_LIST/${tag.name}S/${tag.name}[${k + 1}]`;
    }
    stack.push({ name: tag.name, text: "", children: [] });
  });
  parser.on("text", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("cdata", (t) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  });
  parser.on("closetag", () => {
    const node = stack.pop()!;
    const parent = stack[stack.length - 1];
    if (!RECORDS.has(node.name) && parent && RECORD_LISTS.has(parent.name)) {
      // Something in a record's place that is not a record: an error, never a record quietly skipped.
      collected.issues.push({
        severity: "error",
        location: `CONSOLIDATED_LIST/${parent.name}/${node.name}`,
        reason: `<${node.name}> where an <${RECORD_LISTS.get(parent.name)}> record belongs`,
      });
      return;
    }
    // Only a record's own elements are kept: unknown elements elsewhere cannot make memory grow.
    if (RECORDS.has(node.name)) openRecords--;
    else if (openRecords === 0) return;
    if (RECORDS.has(node.name)) {
      const m = mapRecord(node, recordPath, list);
      collected.issues.push(...m.issues);
      collected.unmappedCountries += m.unmapped;
      if (m.entity && !m.issues.some((i) => i.severity === "error")) collected.entities.push(m.entity);
      return; // records are not kept in the tree: memory stays flat however long the list
    }
    parent?.children.push(node);
  });
  let read = 0;
  try {
    for await (const chunk of createReadStream(path, { encoding: "utf8" })) {
      parser.write(chunk as string);
      read += Buffer.byteLength(chunk as string);
      opts.onProgress?.(read, total);
    }
    parser.close();
  } catch (err) {
    const where = `${path}:${parser.line}:${parser.column}`;
    throw new ImportError(
      `${where}: malformed UN list XML: ${(err as Error).message.replace(/^.*?:\d+:\d+: /, "")}`,
      [{ severity: "error", location: where, reason: (err as Error).message }],
    );
  }
  if (!sawRoot) throw new ImportError(`${path}: empty file, no <CONSOLIDATED_LIST>`, []);
  // An empty list is said with empty <INDIVIDUALS/> and <ENTITIES/>; anything else without a record is
  // not a UN list at all, and must not replace one (it still needs approval if explicitly empty).
  if (records === 0 && containers.size < CONTAINERS.size)
    throw new ImportError(
      `${path}: <CONSOLIDATED_LIST> holds no <INDIVIDUAL> or <ENTITY> record and is not explicitly empty ` +
        "(empty <INDIVIDUALS/> and <ENTITIES/>)",
      [{ severity: "error", location: "CONSOLIDATED_LIST", reason: "no known records" }],
    );
  return finishImport(collected, opts);
}
