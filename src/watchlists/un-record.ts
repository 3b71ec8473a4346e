// One record of the UN consolidated list (an INDIVIDUAL or ENTITY element, already parsed into a tree)
// mapped to an Entity: names and aliases, dates of birth, nationalities, documents.
import { countryCode } from "../shared/countries.js";
import { detectScript } from "../shared/script.js";
import { uniqueValues } from "./import-support.js";
import type { Alias, BirthDate, Entity, IdentityDocument, ImportIssue } from "./model.js";
import { partialDate } from "./partial-date.js";
import { birthDate } from "./un-dates.js";

export /** A parsed XML element: its text and its child elements in order. */
interface Node {
  name: string;
  text: string;
  children: Node[];
}

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

export interface Mapped {
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

function dedupeDates(dates: BirthDate[]): BirthDate[] {
  const seen = new Set<string>();
  return dates.filter((d) => {
    const key = JSON.stringify(d);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function recordName(n: Node) {
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
  return { nameParts, name };
}

/** The aliases of a record (the name in its original script last), and birth dates given with them. */
function recordAliases(n: Node, path: string, ref: string, name: string, issues: ImportIssue[]) {
  const aliasTag = n.name === "INDIVIDUAL" ? "INDIVIDUAL_ALIAS" : "ENTITY_ALIAS";
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
  return { aliases, birthDates };
}

function recordBirthDates(n: Node, path: string, ref: string, issues: ImportIssue[]): BirthDate[] {
  const listedYear = Number(text(n, "LISTED_ON").slice(0, 4)) || undefined;
  return children(n, "INDIVIDUAL_DATE_OF_BIRTH").flatMap((d, i) => {
    const fields = {
      type: text(d, "TYPE_OF_DATE"),
      date: text(d, "DATE"),
      year: text(d, "YEAR"),
      from: text(d, "FROM_YEAR"),
      to: text(d, "TO_YEAR"),
      note: text(d, "NOTE"),
    };
    const b = birthDate(fields, `${path}/INDIVIDUAL_DATE_OF_BIRTH[${i + 1}]`, ref, issues, listedYear);
    return b ? [b] : [];
  });
}

function recordNationalities(n: Node, path: string, ref: string, issues: ImportIssue[]) {
  const nationalities: string[] = [];
  const nationalitiesText: string[] = [];
  for (const v of children(child(n, "NATIONALITY") ?? { name: "", text: "", children: [] }, "VALUE")) {
    const t = text(v);
    if (!t) continue;
    const code = mapCountry(t, `${path}/NATIONALITY`, ref, issues);
    if (code) {
      if (!nationalities.includes(code)) nationalities.push(code);
    } else nationalitiesText.push(t);
  }
  return { nationalities, nationalitiesText };
}

/** The documents of a record, and how many of their countries stayed text (one warning each). */
function recordDocuments(n: Node, path: string, ref: string, issues: ImportIssue[]) {
  const documents: IdentityDocument[] = [];
  let unmapped = 0;
  children(n, "INDIVIDUAL_DOCUMENT").forEach((d, i) => {
    const before = issues.length;
    const doc = document(d, `${path}/INDIVIDUAL_DOCUMENT[${i + 1}]`, ref, issues);
    unmapped += issues.length - before;
    if (doc) documents.push(doc);
  });
  return { documents, unmapped };
}

/** One INDIVIDUAL or ENTITY as an Entity, with every issue found in it. */
export function mapRecord(n: Node, path: string, list: string): Mapped {
  const issues: ImportIssue[] = [];
  const ref = text(n, "REFERENCE_NUMBER");
  const { nameParts, name } = recordName(n);
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
  const { aliases, birthDates } = recordAliases(n, path, ref, name, issues);
  birthDates.push(...recordBirthDates(n, path, ref, issues));
  const { nationalities, nationalitiesText } = recordNationalities(n, path, ref, issues);
  const { documents, unmapped } = recordDocuments(n, path, ref, issues);
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
  return { entity, issues, unmapped: nationalitiesText.length + unmapped };
}
