// An officer's manual entry at a land crossing point, as it arrives from the API: checked field by field.
import { InvalidError } from "../shared/errors.js";
import { isoDate } from "./dates.js";
import {
  countryOrText,
  type Gender,
  type ManualEntry,
  type TravelDocument,
  type Traveller,
  type TravellerRole,
} from "./model.js";

// Unknown fields are refused rather than dropped: a misspelt `dateOfBirth` would otherwise screen the person
// without a birth date and nobody would notice.
const ENTRY_FIELDS = ["person", "document", "vehiclePlate", "direction", "crossingPointId"];
const PERSON_FIELDS = [
  "surname",
  "givenNames",
  "gender",
  "birthDate",
  "nationality",
  "placeOfBirth",
  "residence",
  "role",
];
const DOCUMENT_FIELDS = ["number", "type", "issuingCountry", "expiry"];
const GENDERS = new Set<string>(["male", "female", "other"]);
const ROLES = new Set<string>(["passenger", "crew", "transit"]);

/**
 * Validates `{ person: { surname, givenNames?, gender?, birthDate?, nationality?, placeOfBirth?, residence?,
 * role? }, document?: { number, type?, issuingCountry?, expiry? }, vehiclePlate?, direction, crossingPointId }`.
 * Throws InvalidError naming every problem (`details.problems`), so the form can mark all fields at once.
 */
export function parseManualEntry(input: unknown): ManualEntry {
  const problems: string[] = [];
  if (!isObject(input))
    throw new InvalidError("manual entry must be an object", undefined, "manual_not_object");
  unknownFields(input, ENTRY_FIELDS, "", problems);
  const text = (
    obj: Record<string, unknown>,
    key: string,
    path: string,
    required = false,
  ): string | undefined => {
    const v = obj[key];
    if (v === undefined || v === null || v === "") {
      if (required) problems.push(`${path} is required`);
      return undefined;
    }
    if (typeof v !== "string") {
      problems.push(`${path} must be text`);
      return undefined;
    }
    const trimmed = v.trim();
    if (!trimmed && required) problems.push(`${path} is required`);
    return trimmed || undefined;
  };

  let person: Traveller | undefined;
  if (!isObject(input.person)) problems.push("person is required");
  else person = readPerson(input.person, text, problems);

  let document: TravelDocument | undefined;
  if (input.document !== undefined && input.document !== null) {
    if (!isObject(input.document)) problems.push("document must be an object");
    else document = readDocument(input.document, text, problems);
  }
  const direction = text(input, "direction", "direction", true);
  if (direction && direction !== "entry" && direction !== "exit") {
    problems.push(`direction must be "entry" or "exit", got "${direction}"`);
  }
  const crossingPointId = text(input, "crossingPointId", "crossingPointId", true);
  const plate = text(input, "vehiclePlate", "vehiclePlate");
  // Plates are compared across entries, so blanks and dashes (written inconsistently) are dropped.
  const plateKey = plate?.toUpperCase().replace(/[\s-]+/g, "");
  if (plateKey !== undefined && !/^[\p{L}\p{N}]{1,15}$/u.test(plateKey)) {
    problems.push(`vehiclePlate "${plate}" must be 1 to 15 letters and digits (blanks and dashes allowed)`);
  }

  if (problems.length > 0 || !person || !crossingPointId) {
    throw new InvalidError(`manual entry: ${problems.join("; ")}`, { problems }, "manual_invalid", {
      problems: problems.join("; "),
    });
  }
  if (document) person.documents.push(document);
  const entry: ManualEntry = { person, direction: direction as ManualEntry["direction"], crossingPointId };
  if (document) entry.document = document;
  if (plateKey) entry.vehiclePlate = plateKey;
  return entry;
}

type TextField = (
  obj: Record<string, unknown>,
  key: string,
  path: string,
  required?: boolean,
) => string | undefined;

function readPerson(p: Record<string, unknown>, text: TextField, problems: string[]): Traveller {
  unknownFields(p, PERSON_FIELDS, "person.", problems);
  const person: Traveller = {
    surname: text(p, "surname", "person.surname", true) ?? "",
    givenNames: (text(p, "givenNames", "person.givenNames") ?? "").split(/\s+/).filter(Boolean).join(" "),
    role: "passenger",
    documents: [],
  };
  const gender = text(p, "gender", "person.gender");
  if (gender && !GENDERS.has(gender))
    problems.push(`person.gender must be male, female or other, got "${gender}"`);
  else if (gender) person.gender = gender as Gender;
  const role = text(p, "role", "person.role");
  if (role && !ROLES.has(role))
    problems.push(`person.role must be passenger, crew or transit, got "${role}"`);
  else if (role) person.role = role as TravellerRole;
  const birth = text(p, "birthDate", "person.birthDate");
  if (birth) {
    const date = isoDate(birth, true);
    if (date) person.birthDate = date;
    else problems.push(`person.birthDate "${birth}" is not YYYY-MM-DD, YYYY-MM or YYYY`);
  }
  const nationality = countryOrText(text(p, "nationality", "person.nationality"));
  if (nationality) person.nationality = nationality;
  const residence = countryOrText(text(p, "residence", "person.residence"));
  if (residence) person.residence = residence;
  const pob = text(p, "placeOfBirth", "person.placeOfBirth");
  if (pob) person.placeOfBirth = pob;
  return person;
}

function readDocument(d: Record<string, unknown>, text: TextField, problems: string[]): TravelDocument {
  unknownFields(d, DOCUMENT_FIELDS, "document.", problems);
  const document: TravelDocument = { number: text(d, "number", "document.number", true) ?? "" };
  const type = text(d, "type", "document.type");
  if (type) document.type = type;
  const issuing = countryOrText(text(d, "issuingCountry", "document.issuingCountry"));
  if (issuing) document.issuingCountry = issuing;
  const expiry = text(d, "expiry", "document.expiry");
  if (expiry) {
    const date = isoDate(expiry, false);
    if (date) document.expiry = date;
    else problems.push(`document.expiry "${expiry}" is not YYYY-MM-DD`);
  }
  return document;
}

function unknownFields(
  obj: Record<string, unknown>,
  known: string[],
  prefix: string,
  problems: string[],
): void {
  for (const key of Object.keys(obj)) {
    if (!known.includes(key)) problems.push(`${prefix}${key} is not a known field (${known.join(", ")})`);
  }
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
