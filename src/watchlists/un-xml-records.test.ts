// An element in a record's place that is not a record is an error, not a record quietly skipped: a feed
// whose <INDIVIDUAL> tags were garbled must not import as a list with fewer (or no) persons.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, it } from "vitest";
import { ImportError } from "../shared/errors.js";
import { importUnXml } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "limes-un-records-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PERSON =
  "<DATAID>1</DATAID><FIRST_NAME>ERIC</FIRST_NAME><SECOND_NAME>BADEGE</SECOND_NAME><REFERENCE_NUMBER>CDi.001</REFERENCE_NUMBER>";

it("refuses an unknown element among the records, naming it", async () => {
  const path = join(dir, "garbled.xml");
  writeFileSync(
    path,
    `<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL>${PERSON}</INDIVIDUAL><PERSON>${PERSON}</PERSON></INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`,
  );
  const err = await importUnXml(path).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(ImportError);
  expect((err as ImportError).details).toContainEqual({
    severity: "error",
    location: "CONSOLIDATED_LIST/INDIVIDUALS/PERSON",
    reason: "<PERSON> where an <INDIVIDUAL> record belongs",
  });
  // Lenient mode imports the good record and lists the bad one.
  const lenient = await importUnXml(path, { strict: false });
  expect(lenient.entities).toHaveLength(1);
  expect(lenient.issues.map((i) => i.location)).toEqual(["CONSOLIDATED_LIST/INDIVIDUALS/PERSON"]);
  writeFileSync(path, "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES><ORG/></ENTITIES></CONSOLIDATED_LIST>");
  const entities = await importUnXml(path, { strict: false });
  expect(entities.issues.map((i) => i.reason)).toEqual(["<ORG> where an <ENTITY> record belongs"]);
});
