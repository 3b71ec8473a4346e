// UN Security Council consolidated list (https://www.un.org/sc/resources/sc-sanctions.xsd), streamed with
// saxes: the file is read chunk by chunk and each INDIVIDUAL/ENTITY becomes an Entity as soon as it closes
// (un-record.ts maps it).
import { createReadStream } from "node:fs";
import { SaxesParser } from "saxes";
import { ImportError } from "../shared/errors.js";
import { type Collected, finishImport, watchlistFileSize } from "./import-support.js";
import type { ImportOptions, ImportResult } from "./model.js";
import { mapRecord, type Node } from "./un-record.js";

export { hijriToGregorian } from "./un-dates.js";

const RECORDS = new Set(["INDIVIDUAL", "ENTITY"]);
/** The root's record containers: a file with both and no record in them is explicitly empty. */
const CONTAINERS = new Set(["INDIVIDUALS", "ENTITIES"]);
/** The record that belongs in each list element. */
const RECORD_LISTS = new Map([
  ["INDIVIDUALS", "INDIVIDUAL"],
  ["ENTITIES", "ENTITY"],
]);

/** What the parser saw besides records, for the checks once the file is read. */
interface Seen {
  root: boolean;
  records: number;
  containers: Set<string>;
}

/**
 * A saxes parser that maps each record as it closes into `collected`. Only a record's own elements are
 * kept in memory, and a record is dropped from the tree once mapped: memory stays flat however long the
 * list.
 */
function recordParser(collected: Collected, list: string): { parser: SaxesParser; seen: Seen } {
  const parser = new SaxesParser();
  const seen: Seen = { root: false, records: 0, containers: new Set() };
  const stack: Node[] = [];
  const counters = new Map<string, number>();
  let recordPath = "";
  let openRecords = 0;
  parser.on("opentag", (tag) => {
    if (stack.length === 1 && CONTAINERS.has(tag.name)) seen.containers.add(tag.name);
    if (stack.length === 0) {
      seen.root = true;
      if (tag.name !== "CONSOLIDATED_LIST")
        throw new Error(`root element is <${tag.name}>, expected <CONSOLIDATED_LIST>`);
      const generated = tag.attributes.dateGenerated;
      if (typeof generated === "string") collected.meta.dateGenerated = generated;
    }
    if (RECORDS.has(tag.name)) {
      seen.records++;
      openRecords++;
      const k = counters.get(tag.name) ?? 0;
      counters.set(tag.name, k + 1);
      recordPath = `CONSOLIDATED_LIST/${tag.name}S/${tag.name}[${k + 1}]`;
    }
    stack.push({ name: tag.name, text: "", children: [] });
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
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
  return { parser, seen };
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
  const { parser, seen } = recordParser(collected, list);
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
    const reason = `malformed UN list XML: ${(err as Error).message.replace(/^.*?:\d+:\d+: /, "")}`;
    throw new ImportError(
      `${where}: ${reason}`,
      [{ severity: "error", location: where, reason: (err as Error).message }],
      "list_malformed",
      { location: where, reason },
    );
  }
  if (!seen.root)
    throw new ImportError(`${path}: empty file, no <CONSOLIDATED_LIST>`, [], "un_list_empty", { file: path });
  // An empty list is said with empty <INDIVIDUALS/> and <ENTITIES/>; anything else without a record is
  // not a UN list at all, and must not replace one (it still needs approval if explicitly empty).
  if (seen.records === 0 && seen.containers.size < CONTAINERS.size)
    throw new ImportError(
      `${path}: <CONSOLIDATED_LIST> holds no <INDIVIDUAL> or <ENTITY> record and is not explicitly empty ` +
        "(empty <INDIVIDUALS/> and <ENTITIES/>)",
      [{ severity: "error", location: "CONSOLIDATED_LIST", reason: "no known records" }],
      "un_list_no_records",
      { file: path },
    );
  return finishImport(collected, opts);
}
