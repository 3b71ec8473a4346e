import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { realData } from "../../test/support/paths.js";
import { ImportError } from "../shared/errors.js";
import type { Entity, ImportResult } from "./model.js";
import { hijriToGregorian, importUnXml } from "./un-xml.js";

const UN = realData("watchlists/un-sc-consolidated.xml");
let result: ImportResult;
const byRef = (ref: string): Entity => {
  const e = result.entities.find((x) => x.sourceRef === ref);
  if (!e) throw new Error(`no entity ${ref}`);
  return e;
};

beforeAll(async () => {
  result = await importUnXml(UN);
});

describe("importUnXml on the real UN consolidated list", () => {
  it("imports 730 individuals and 273 entities with exact counts", () => {
    expect(result.counts).toEqual({
      entities: 1003,
      bySchema: { person: 730, organization: 273 },
      aliases: 3185,
      documents: 468,
      unparsedRemarks: 0,
      unmappedCountries: 1,
    });
    expect(result.meta.dateGenerated).toBe("2026-02-27T00:00:09.554Z");
    // The one warning is a nationality the UN writes as "former Soviet Union": kept as text, reported.
    expect(result.issues).toEqual([expect.objectContaining({ severity: "warning", sourceRef: "QDi.290" })]);
  });

  it("keeps every NAME_ORIGINAL_SCRIPT with its detected script", () => {
    const originals = result.entities.flatMap((e) => e.aliases.filter((a) => a.originalScript));
    expect(originals).toHaveLength(378);
    const byScript: Record<string, number> = {};
    for (const a of originals) byScript[a.script!] = (byScript[a.script!] ?? 0) + 1;
    expect(byScript).toEqual({ arabic: 366, cyrillic: 11, latin: 1 });
  });

  it("tags every QDi entry with the Al-Qaida programme", () => {
    const qdi = result.entities.filter((e) => e.sourceRef.startsWith("QDi."));
    expect(qdi).toHaveLength(252);
    expect(qdi.every((e) => e.programmes.includes("Al-Qaida") && e.schema === "person")).toBe(true);
  });

  it("QDi.001: parts, strong and weak aliases, Arabic original script, two exact dates", () => {
    const e = byRef("QDi.001");
    expect(e.id).toBe("un-sc:QDi.001");
    expect(e.name).toBe("MOHAMMED SALAHALDIN ABD EL HALIM ZIDANE");
    expect(e.nameParts).toEqual({
      first: "MOHAMMED",
      second: "SALAHALDIN",
      third: "ABD EL HALIM",
      fourth: "ZIDANE",
    });
    expect(e.aliases).toEqual([
      { name: "Sayf-Al Adl", quality: "strong" },
      { name: "Muhamad Ibrahim Makkawi", quality: "strong" },
      { name: "Ibrahim al-Madani", quality: "weak" },
      { name: "Saif Al-'Adil", quality: "weak" },
      { name: "Seif al Adel", quality: "weak" },
      { name: "محمد صلاح الدين عبدالحليم زيدان", quality: "strong", script: "arabic", originalScript: true },
    ]);
    expect(e.birthDates).toEqual([
      { kind: "date", date: "1963-04-11" },
      { kind: "date", date: "1960-04-11" },
    ]);
    expect(e.nationalities).toEqual(["EG"]);
    expect(e.listedOn).toBe("2001-01-25");
  });

  it("QDi.290: Cyrillic original script, several dates, passport with issuing country", () => {
    const e = byRef("QDi.290");
    expect(e.aliases.at(-1)).toEqual({
      name: "Умаров Доку Хаматович",
      quality: "strong",
      script: "cyrillic",
      originalScript: true,
    });
    expect(e.birthDates.map((b) => (b.kind === "date" ? b.date : ""))).toEqual([
      "1955",
      "1964-04-13",
      "1965-04-13",
      "1964-05-12",
    ]);
    expect(e.documents).toEqual([
      {
        type: "Passport",
        number: "96 03 464086",
        countryText: "Russian Federation",
        country: "RU",
        issued: "2003-06-01",
      },
    ]);
    expect(e.nationalities).toEqual(["RU"]);
    expect(e.nationalitiesText).toEqual(["former Soviet Union"]);
  });

  it("CDi.030: BETWEEN year range and weak nicknames", () => {
    const e = byRef("CDi.030");
    expect(e.birthDates).toEqual([{ kind: "range", from: "1973", to: "1974" }]);
    expect(e.aliases.filter((a) => a.quality === "weak").map((a) => a.name)).toEqual([
      "Lydia",
      "Terminator",
      "Tango Romeo",
      "Romeo",
      "Major",
    ]);
    expect(e.gender).toBe("male");
    expect(e.programmes).toEqual(["DRC"]);
  });

  it("CDi.040: two Tanzanian passports with their notes", () => {
    expect(byRef("CDi.040").documents).toEqual([
      {
        type: "Passport",
        number: "AB850901",
        countryText: "United Republic of Tanzania",
        country: "TZ",
        expires: "2026-12-11",
        note: "Expiration date: 2026-12-11.",
      },
      {
        type: "Passport",
        number: "AB187304",
        countryText: "United Republic of Tanzania",
        country: "TZ",
        note: "Expired 28 Nov. 2016",
      },
    ]);
  });

  it("CFi.009: birth dates written only as notes (month-year) are read at their precision", () => {
    const dates = byRef("CFi.009").birthDates.map((b) => (b.kind === "date" ? b.date : `${b.from}-${b.to}`));
    expect(dates).toEqual([
      "1959",
      "1960",
      "1961",
      "1963",
      "1964-09-18",
      "1965",
      "1961-08",
      "1961-07",
      "1961-01-01",
      "1963-04",
    ]);
  });

  it("QDe.164: an entity whose original-script name is in Latin", () => {
    const e = byRef("QDe.164");
    expect(e.schema).toBe("organization");
    expect(e.aliases.map((a) => a.name)).toEqual([
      "Jemaah Anshorut Daulah",
      "Jamaah Ansharut Daulat",
      "JAMAAH ANSHARUT DAULAH",
    ]);
    expect(e.programmes).toEqual(["Al-Qaida"]);
  });

  it("keeps name parts that repeat (a father's name equal to the given name)", () => {
    expect(result.entities.find((e) => e.name === "SALIM AHMAD SALIM HAMDAN")?.nameParts).toEqual({
      first: "SALIM",
      second: "AHMAD",
      third: "SALIM",
      fourth: "HAMDAN",
    });
  });

  it("converts Hijri notes with the tabular calendar", () => {
    // The UN gives this Hijri date beside its own Gregorian one, 1982-04-18: they agree.
    expect(hijriToGregorian(1402, 6, 24)).toBe("1982-04-18");
  });
});

describe("importUnXml on malformed input", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "limes-un-"));
  });

  it("rejects a truncated file, naming line and column, and returns nothing", async () => {
    const xml = await readFile(UN, "utf8");
    const truncated = join(dir, "truncated.xml");
    await writeFile(truncated, xml.slice(0, Math.floor(xml.length / 2)));
    const err = await importUnXml(truncated).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as Error).message).toMatch(/truncated\.xml:\d+:\d+: malformed UN list XML/);
  });

  // Hand-written fixture in the UN schema: one good record, one without REFERENCE_NUMBER, one with an
  // unknown TYPE_OF_DATE.
  const FIXTURE = `<?xml version="1.0" encoding="UTF-8"?>
<CONSOLIDATED_LIST dateGenerated="2026-01-01T00:00:00Z"><INDIVIDUALS>
<INDIVIDUAL><FIRST_NAME>GOOD</FIRST_NAME><SECOND_NAME>PERSON</SECOND_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.900</REFERENCE_NUMBER><LISTED_ON>2020-01-01</LISTED_ON></INDIVIDUAL>
<INDIVIDUAL><FIRST_NAME>NO</FIRST_NAME><SECOND_NAME>REFERENCE</SECOND_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE></INDIVIDUAL>
<INDIVIDUAL><FIRST_NAME>ODD</FIRST_NAME><REFERENCE_NUMBER>QDi.902</REFERENCE_NUMBER><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>ROUGHLY</TYPE_OF_DATE><YEAR>1970</YEAR></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>
</INDIVIDUALS><ENTITIES/></CONSOLIDATED_LIST>`;

  it("in strict mode rejects the whole file, listing each bad record", async () => {
    const file = join(dir, "bad.xml");
    await writeFile(file, FIXTURE);
    const err = (await importUnXml(file).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.details).toEqual([
      {
        severity: "error",
        location: "CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[2]",
        reason: "missing REFERENCE_NUMBER",
      },
      {
        severity: "error",
        location: "CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[3]/INDIVIDUAL_DATE_OF_BIRTH[1]",
        reason: 'unknown TYPE_OF_DATE "ROUGHLY"',
        sourceRef: "QDi.902",
      },
    ]);
  });

  it("in lenient mode imports the good records and returns the issues", async () => {
    const file = join(dir, "bad.xml");
    const r = await importUnXml(file, { strict: false });
    expect(r.entities.map((e) => e.sourceRef)).toEqual(["QDi.900"]);
    expect(r.issues.filter((i) => i.severity === "error")).toHaveLength(2);
  });

  it("reports progress in bytes and rejects a missing file clearly", async () => {
    const seen: number[] = [];
    await importUnXml(UN, { onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    await expect(importUnXml(join(dir, "nope.xml"))).rejects.toThrow(/not found/);
  });

  // Finding 2 of issue 13: a feed cut off at an element boundary must not import as a shorter list.
  it("rejects a feed cut off right after a record's closing tag", async () => {
    const xml = await readFile(UN, "utf8");
    const cut = xml.indexOf("</INDIVIDUAL>", xml.length / 3) + "</INDIVIDUAL>".length;
    const file = join(dir, "cut.xml");
    await writeFile(file, xml.slice(0, cut));
    await expect(importUnXml(file)).rejects.toThrow(/malformed UN list XML: .*unclosed tag: INDIVIDUALS/);
  });

  // Finding 7 of issue 13: a root of unknown elements was imported as a list of 0 entities.
  it("refuses a root of 200,000 unknown nested elements, and accepts an explicitly empty list", async () => {
    const n = 200_000;
    const unknown = join(dir, "unknown.xml");
    await writeFile(unknown, `<CONSOLIDATED_LIST>${"<X>".repeat(n)}${"</X>".repeat(n)}</CONSOLIDATED_LIST>`);
    const err = (await importUnXml(unknown).catch((e: unknown) => e)) as ImportError;
    expect(err).toBeInstanceOf(ImportError);
    expect(err.message).toMatch(/holds no <INDIVIDUAL> or <ENTITY> record and is not explicitly empty/);
    const halfEmpty = join(dir, "half-empty.xml");
    await writeFile(halfEmpty, "<CONSOLIDATED_LIST><INDIVIDUALS/></CONSOLIDATED_LIST>");
    await expect(importUnXml(halfEmpty)).rejects.toThrow(/not explicitly empty/);
    const empty = join(dir, "empty.xml");
    await writeFile(empty, "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>");
    expect((await importUnXml(empty)).counts.entities).toBe(0);
  });
});
