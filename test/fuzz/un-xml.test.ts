// Property test of the UN consolidated list reader: mutations of a slice of the real list (three
// individuals, two entities) and generated lists either import or fail with ImportError, never another
// exception; and an import holds one entity for every <INDIVIDUAL> and <ENTITY> record in the file, so
// no record is dropped silently.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { afterAll, expect, it } from "vitest";
import { ImportError } from "../../src/shared/errors.js";
import { importUnXml } from "../../src/watchlists/index.js";
import { realData } from "../support/paths.js";
import { mutated, RUNS, SEED } from "./mutations.js";

const LIST = readFileSync(realData("watchlists", "un-sc-consolidated.xml"), "utf8");
/** The first `n` records of one kind, whole elements cut from the real list. */
function firstRecords(tag: string, n: number): string {
  const out: string[] = [];
  let from = 0;
  for (let i = 0; i < n; i++) {
    const start = LIST.indexOf(`<${tag}>`, from);
    const end = LIST.indexOf(`</${tag}>`, start) + tag.length + 3;
    out.push(LIST.slice(start, end));
    from = end;
  }
  return out.join("\n");
}
const HEAD = LIST.slice(0, LIST.indexOf("<INDIVIDUALS>"));
const SAMPLE = Buffer.from(
  `${HEAD}<INDIVIDUALS>\n${firstRecords("INDIVIDUAL", 3)}\n</INDIVIDUALS>\n<ENTITIES>\n${firstRecords("ENTITY", 2)}\n</ENTITIES>\n</CONSOLIDATED_LIST>\n`,
);

const name = fc.stringMatching(/^[A-Za-z '&;<>-]{0,16}$/);
const individual = fc
  .tuple(name, name, fc.stringMatching(/^[A-Z]{2,3}i\.[0-9]{3}$/), fc.stringMatching(/^[0-9]{0,4}$/))
  .map(
    ([first, second, ref, year]) =>
      `<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>${first}</FIRST_NAME><SECOND_NAME>${second}</SECOND_NAME><REFERENCE_NUMBER>${ref}</REFERENCE_NUMBER><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><YEAR>${year}</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>`,
  );
/** A record whose tag was garbled whole (open and close), as a broken feed can send it. */
const garbled = fc
  .tuple(individual, fc.stringMatching(/^[A-Z][A-Z_]{0,11}$/))
  .map(([xml, tag]) => xml.replace(/^<INDIVIDUAL>/, `<${tag}>`).replace(/<\/INDIVIDUAL>$/, `</${tag}>`));
const generated = fc
  .array(fc.oneof({ weight: 4, arbitrary: individual }, { weight: 1, arbitrary: garbled }), { maxLength: 6 })
  .map((xs) =>
    Buffer.from(
      `<CONSOLIDATED_LIST><INDIVIDUALS>${xs.join("")}</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`,
    ),
  );

/**
 * Elements in a record's place: every child of <INDIVIDUALS> and <ENTITIES>, whatever its name, so a
 * record whose tag was garbled counts too (the file imported, so it is well-formed XML).
 */
function recordSlots(xml: string): number {
  const parser = new SaxesParser();
  const open: string[] = [];
  let slots = 0;
  parser.on("opentag", (tag) => {
    if (open.at(-1) === "INDIVIDUALS" || open.at(-1) === "ENTITIES") slots++;
    open.push(tag.name);
  });
  parser.on("closetag", () => open.pop());
  parser.write(xml).close();
  return slots;
}

const dir = mkdtempSync(join(tmpdir(), "limes-fuzz-un-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it("UN XML: a list or ImportError, never a crash, never a dropped record", async () => {
  let imported = 0;
  let n = 0;
  await fc.assert(
    fc.asyncProperty(fc.oneof(mutated([SAMPLE]), generated), async (bytes) => {
      const path = join(dir, `case-${n++}.xml`);
      writeFileSync(path, bytes);
      let result: Awaited<ReturnType<typeof importUnXml>>;
      try {
        result = await importUnXml(path);
      } catch (e) {
        expect(e).toBeInstanceOf(ImportError);
        return;
      }
      imported++;
      expect(result.entities).toHaveLength(recordSlots(Buffer.from(bytes).toString("utf8")));
    }),
    { seed: SEED, numRuns: RUNS },
  );
  expect(imported).toBeGreaterThan(RUNS / 10);
});
