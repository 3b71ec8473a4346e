// Importer for OFAC's legacy SDN CSV files: sdn.csv (entries), alt.csv (aliases), add.csv (addresses).
// The files have no header, write empty values as `-0-` and end with a DOS end-of-file byte (0x1A).
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { CsvError, parse } from "csv-parse";
import { countryCode } from "../shared/countries.js";
import { ImportError } from "../shared/errors.js";
import type { Alias, Entity, ImportIssue, ImportOptions, ImportResult, NameParts, Schema } from "./model.js";
import { countEntities } from "./model.js";
import { parseOfacRemarks } from "./ofac-remarks.js";

const SDN_COLUMNS = 12;
const ALT_COLUMNS = 5;
const ADD_COLUMNS = 6;
const DOS_EOF = "\x1a";

const SCHEMAS: Record<string, Schema> = {
  individual: "person",
  vessel: "vessel",
  aircraft: "aircraft",
  "": "organization",
};

const ALIAS_TYPES = new Set(["aka", "fka", "nka"]);

/** OFAC's vessel flag for "no flag known"; it names no country, so it is not reported as unmapped. */
const NO_FLAG = "None Identified";

interface Row {
  line: number;
  fields: string[];
}

/** `-0-` is OFAC's empty value; values carry stray spaces and sometimes doubled inner spaces. */
function clean(value: string): string {
  const v = value.replace(/\s+/g, " ").trim();
  return v === "-0-" ? "" : v;
}

const SUFFIX = /^(jr|sr|ii|iii|iv)\.?$/i;

/**
 * OFAC writes people as "FAMILY, Given" (with an optional ", Jr." part). The model keeps the natural
 * order "Given FAMILY"; a name without a comma is kept as written.
 */
export function personName(source: string): { name: string; nameParts?: NameParts } {
  const pieces = source
    .split(",")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const suffixes = pieces.filter((p) => SUFFIX.test(p));
  const [family, ...givenPieces] = pieces.filter((p) => !SUFFIX.test(p));
  if (family === undefined || givenPieces.length === 0) return { name: source };
  const given = givenPieces.join(" ");
  return { name: [given, family, ...suffixes].join(" "), nameParts: { given, family } };
}

/** Program column: `SDGT] [IFSR` — the file keeps the inner brackets of `[SDGT] [IFSR]`. */
function programmes(text: string): string[] {
  return text
    .replace(/^\[|\]$/g, "")
    .split(/\]\s*\[/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

/**
 * Streams the records of one OFAC CSV file. A record with the wrong number of columns becomes an error
 * issue; a CSV syntax error (such as an unclosed quote) throws ImportError, since nothing after it can be
 * trusted.
 */
async function* readRows(
  path: string,
  columns: number,
  issues: ImportIssue[],
  onBytes: (n: number) => void,
): AsyncGenerator<Row> {
  const file = basename(path);
  const input = createReadStream(path);
  input.on("data", (chunk) => onBytes(chunk.length));
  const parser = input.pipe(parse({ info: true, relax_column_count: true, skip_empty_lines: true }));
  let lastLine = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: string[];
      info: { lines: number };
    }>) {
      const line = info.lines;
      lastLine = line;
      // The end-of-file byte OFAC appends carries no data.
      if (record.length === 1 && record[0] === DOS_EOF) continue;
      if (record.length !== columns) {
        issues.push({
          severity: "error",
          location: `${file}:${line}`,
          reason: `expected ${columns} columns, found ${record.length}`,
          sourceRef: clean(record[0] ?? "") || undefined,
        });
        continue;
      }
      yield { line, fields: record.map(clean) };
    }
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    input.destroy();
    // An unclosed quote runs to the end of the file; the broken record starts after the last good one.
    const line = err.code === "CSV_QUOTE_NOT_CLOSED" ? lastLine + 1 : Number(err.lines ?? lastLine + 1);
    const issue: ImportIssue = { severity: "error", location: `${file}:${line}`, reason: err.message };
    throw new ImportError(
      `${file}:${line}: malformed CSV: ${err.message}`,
      [...issues, issue],
      "list_malformed",
      { location: `${file}:${line}`, reason: `malformed CSV: ${err.message}` },
    );
  }
}

interface Draft {
  entity: Entity;
  line: number;
  bad: boolean;
}

interface Tally {
  unparsedRemarks: number;
  unmappedCountries: number;
}

function buildEntity(
  list: string,
  row: Row,
  file: string,
  issues: ImportIssue[],
  tally: Tally,
): Draft | undefined {
  const [
    entNum = "",
    rawName = "",
    rawType = "",
    program = "",
    ,
    callSign = "",
    ,
    ,
    ,
    flag = "",
    ,
    remarks = "",
  ] = row.fields;
  const location = `${file}:${row.line}`;
  const fail = (reason: string) => {
    issues.push({ severity: "error", location, reason, sourceRef: entNum || undefined });
    return undefined;
  };
  if (!/^\d+$/.test(entNum)) return fail(`ent_num "${entNum}" is not a number`);
  if (!rawName) return fail("empty SDN_Name");
  const schema = SCHEMAS[rawType.toLowerCase()];
  if (!schema) return fail(`unknown SDN_Type "${rawType}"`);

  const parsed = parseOfacRemarks(remarks);
  const person = schema === "person";
  const named = person ? personName(rawName) : { name: rawName };
  const entity: Entity = {
    id: `${list}:${entNum}`,
    list,
    sourceRef: entNum,
    schema,
    name: named.name,
    ...(named.nameParts ? { nameParts: named.nameParts } : {}),
    aliases: parsed.aliases.map((a) => ({ ...a, name: person ? personName(a.name).name : a.name })),
    birthDates: parsed.birthDates,
    placesOfBirth: parsed.placesOfBirth,
    nationalities: parsed.nationalities,
    documents: parsed.documents,
    programmes: programmes(program),
  };
  const nationalitiesText = [...parsed.nationalitiesText];
  // The flag is a vessel's nationality. Its call sign is kept as a document: it is how the vessel is
  // named in arrival data (FAL forms), and the model has no other place for an identifier.
  if (flag && flag !== NO_FLAG) {
    const code = countryCode(flag);
    if (code) {
      if (!entity.nationalities.includes(code)) entity.nationalities.push(code);
    } else nationalitiesText.push(flag);
  }
  if (callSign) entity.documents.unshift({ type: "Call Sign", number: callSign });
  if (nationalitiesText.length > 0) entity.nationalitiesText = nationalitiesText;
  if (parsed.gender) entity.gender = parsed.gender;
  if (remarks) entity.remarks = remarks;

  const warn = (reason: string) => issues.push({ severity: "warning", location, reason, sourceRef: entNum });
  const unmapped = [
    ...nationalitiesText,
    ...entity.documents.filter((d) => d.countryText && !d.country).map((d) => d.countryText),
  ];
  for (const text of unmapped) warn(`unmapped country "${text}"`);
  for (const fragment of parsed.unparsed) warn(`unparsed remark: "${fragment}"`);
  tally.unmappedCountries += unmapped.length;
  tally.unparsedRemarks += parsed.unparsed.length;
  for (const reason of parsed.errors) issues.push({ severity: "error", location, reason, sourceRef: entNum });
  return { entity, line: row.line, bad: parsed.errors.length > 0 };
}

/** A name already on the entity adds nothing to matching: alt.csv repeats a few rows and primary names. */
function addAlias(entity: Entity, alias: Alias): void {
  if (alias.name === entity.name) return;
  const existing = entity.aliases.find((a) => a.name === alias.name);
  if (!existing) entity.aliases.push(alias);
  else if (alias.quality === "strong") existing.quality = "strong";
}

type OnBytes = (n: number) => void;

/** sdn.csv: one draft entity per row, keyed by ent_num; a repeated ent_num marks both rows bad. */
async function readSdn(
  list: string,
  sdnPath: string,
  issues: ImportIssue[],
  tally: Tally,
  onBytes: OnBytes,
): Promise<Map<string, Draft>> {
  const drafts = new Map<string, Draft>();
  const sdnFile = basename(sdnPath);
  for await (const row of readRows(sdnPath, SDN_COLUMNS, issues, onBytes)) {
    const draft = buildEntity(list, row, sdnFile, issues, tally);
    if (!draft) continue;
    const earlier = drafts.get(draft.entity.sourceRef);
    if (earlier) {
      issues.push({
        severity: "error",
        location: `${sdnFile}:${row.line}`,
        reason: `ent_num ${draft.entity.sourceRef} already used on line ${earlier.line}`,
        sourceRef: draft.entity.sourceRef,
      });
      earlier.bad = true;
      continue;
    }
    drafts.set(draft.entity.sourceRef, draft);
  }
  return drafts;
}

/** The draft a row of alt.csv or add.csv belongs to; an ent_num sdn.csv lacks is an error. */
type Owner = (file: string, row: Row) => Draft | undefined;

function ownerIn(drafts: Map<string, Draft>, sdnFile: string, issues: ImportIssue[]): Owner {
  return (file, row) => {
    const draft = drafts.get(row.fields[0] ?? "");
    if (!draft) {
      issues.push({
        severity: "error",
        location: `${file}:${row.line}`,
        reason: `ent_num "${row.fields[0]}" is not in ${sdnFile}`,
        sourceRef: row.fields[0],
      });
    }
    return draft;
  };
}

/** alt.csv: adds each alias to its entity; returns the number of alias rows taken. */
async function readAliases(
  path: string,
  owner: Owner,
  issues: ImportIssue[],
  onBytes: OnBytes,
): Promise<number> {
  let aliasRows = 0;
  for await (const row of readRows(path, ALT_COLUMNS, issues, onBytes)) {
    const [, , type = "", name = "", remarks = ""] = row.fields;
    const location = `alt.csv:${row.line}`;
    const draft = owner("alt.csv", row);
    if (!draft) continue;
    if (!ALIAS_TYPES.has(type.toLowerCase()) || !name) {
      issues.push({
        severity: "error",
        location,
        reason: `alias needs alt_type aka/fka/nka and a name, got "${type}" "${name}"`,
        sourceRef: draft.entity.sourceRef,
      });
      continue;
    }
    aliasRows++;
    // alt.csv holds OFAC's strong aliases; a former (fka) or new (nka) name was really the entity's name.
    const aliasName = draft.entity.schema === "person" ? personName(name).name : name;
    addAlias(draft.entity, { name: aliasName, quality: "strong" });
    if (remarks) {
      issues.push({
        severity: "warning",
        location,
        reason: `alias remark not interpreted: "${remarks}"`,
        sourceRef: draft.entity.sourceRef,
      });
    }
  }
  return aliasRows;
}

/**
 * add.csv: addresses are where an entry was seen or does business, not a nationality or a place of
 * birth, and the model has no address field: they are checked against sdn.csv and counted, not imported.
 */
async function countAddresses(
  path: string,
  owner: Owner,
  issues: ImportIssue[],
  onBytes: OnBytes,
): Promise<number> {
  let addresses = 0;
  for await (const row of readRows(path, ADD_COLUMNS, issues, onBytes)) {
    if (owner("add.csv", row)) addresses++;
  }
  return addresses;
}

export async function importOfacCsv(sdnPath: string, opts: ImportOptions = {}): Promise<ImportResult> {
  const list = opts.list ?? "ofac-sdn";
  const strict = opts.strict ?? true;
  const dir = dirname(sdnPath);
  const files = [
    { path: sdnPath, size: await fileSize(sdnPath) },
    { path: join(dir, "alt.csv"), size: await fileSize(join(dir, "alt.csv")) },
    { path: join(dir, "add.csv"), size: await fileSize(join(dir, "add.csv")) },
  ];
  const [sdn, alt, add] = files;
  if (sdn?.size === undefined)
    throw new ImportError(`OFAC SDN file not found: ${sdnPath}`, undefined, "ofac_sdn_missing", {
      path: sdnPath,
    });
  const total = files.reduce((sum, f) => sum + (f.size ?? 0), 0);
  let done = 0;
  const onBytes = (n: number) => {
    done += n;
    opts.onProgress?.(done, total);
  };

  const issues: ImportIssue[] = [];
  const tally: Tally = { unparsedRemarks: 0, unmappedCountries: 0 };
  const drafts = await readSdn(list, sdnPath, issues, tally, onBytes);
  const owner = ownerIn(drafts, basename(sdnPath), issues);
  const aliasRows = alt?.size !== undefined ? await readAliases(alt.path, owner, issues, onBytes) : 0;
  const addresses = add?.size !== undefined ? await countAddresses(add.path, owner, issues, onBytes) : 0;

  const errors = issues.filter((i) => i.severity === "error");
  if (strict && errors.length > 0) {
    const first = errors[0]!;
    throw new ImportError(
      `OFAC CSV import failed with ${errors.length} error(s); first at ${first.location}: ${first.reason}`,
      issues,
      "ofac_import_failed",
      { errors: errors.length, location: first.location, reason: first.reason },
    );
  }
  const entities = [...drafts.values()].filter((d) => !d.bad).map((d) => d.entity);
  // Strong aliases (alt.csv) first: they are the names OFAC expects a screen to match on.
  for (const e of entities)
    e.aliases.sort((a, b) => Number(a.quality === "weak") - Number(b.quality === "weak"));
  return {
    list,
    format: "ofac-csv",
    entities,
    issues,
    counts: countEntities(entities, tally),
    meta: {
      files: files
        .filter((f) => f.size !== undefined)
        .map((f) => basename(f.path))
        .join(", "),
      aliasRows: String(aliasRows),
      addresses: String(addresses),
    },
  };
}
