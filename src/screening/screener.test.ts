import { describe, expect, it } from "vitest";
import { buildEntity } from "../../test/support/factories.js";
import type { Entity } from "../watchlists/model.js";
import { createScreener } from "./screener.js";
import { DEFAULT_THRESHOLDS } from "./thresholds.js";

// Hand-written fixture entities in the shape of real UN list entries (names and numbers invented
// or taken from the public UN list where noted).
function person(over: Partial<Entity> & Pick<Entity, "sourceRef" | "name">): Entity {
  return buildEntity(over.sourceRef, over);
}

const ENTITIES: Entity[] = [
  person({
    sourceRef: "QDi.001",
    name: "Abd al-Rahman Mustafa al-Qaduli",
    aliases: [
      { name: "Abu Ala al-Iraqi", quality: "strong" },
      { name: "عبد الرحمن مصطفى القادولي", quality: "strong", script: "arabic", originalScript: true },
      { name: "Hajji Iman", quality: "weak" },
    ],
    birthDates: [
      { kind: "date", date: "1957" },
      { kind: "date", date: "1959" },
    ],
    nationalities: ["IQ"],
    gender: "male",
    documents: [{ type: "Passport", number: "A1234567", country: "IQ" }],
    programmes: ["Al-Qaida"],
  }),
  person({
    sourceRef: "QDi.002",
    name: "Mohammed Omar Abdel-Rahman",
    birthDates: [{ kind: "date", date: "1970-01-04" }],
    nationalities: ["EG"],
    gender: "male",
  }),
  person({
    sourceRef: "QDi.003",
    name: "Mahmoud Abdel Hamid",
    birthDates: [{ kind: "range", from: "1975", to: "1977" }],
  }),
  person({
    sourceRef: "CDi.001",
    name: "Eric Badege",
    birthDates: [{ kind: "date", date: "1971" }],
    nationalities: ["CD"],
  }),
  person({
    sourceRef: "X.001",
    name: "Ivan Petrovich Sidorov",
    documents: [{ type: "Passport", number: "720011223", country: "RU" }],
  }),
  { ...person({ sourceRef: "QDe.001", name: "Al-Qaida Finance Bureau" }), schema: "organization" },
];

const screener = createScreener(ENTITIES);

describe("createScreener", () => {
  it("finds a listed person across scripts and spellings, with the right entity on top", () => {
    const r = screener.screen({
      name: "ABDUL RAHMAN MUSTAFA AL QADULI",
      birthDate: "1957",
      nationalities: ["IQ"],
    });
    expect(r.matches[0]?.sourceRef).toBe("QDi.001");
    expect(r.matches[0]?.decision).toBe("refer");
    const arabic = screener.screen({ name: "عبد الرحمن القادولي" });
    expect(arabic.matches[0]?.sourceRef).toBe("QDi.001");
  });

  it("explains the alignment and each feature's contribution", () => {
    const m = screener.screen({
      firstName: "Mohamed",
      lastName: "Abdelrahman Omar",
      birthDate: "1970-01-04",
      nationalities: ["Egypt"],
    }).matches[0]!;
    expect(m.sourceRef).toBe("QDi.002");
    expect(m.explanation.matchedName).toBe("Mohammed Omar Abdel-Rahman");
    expect(m.explanation.alignment.length).toBeGreaterThanOrEqual(3);
    const features = Object.fromEntries(m.explanation.features.map((f) => [f.feature, f.outcome]));
    expect(features).toMatchObject({ birthDate: "match", nationality: "match" });
    expect(m.explanation.features.find((f) => f.feature === "birthDate")?.contribution).toBeGreaterThan(0);
  });

  it("lets a document number + issuing country match win over a weak name match", () => {
    const r = screener.screen({
      name: "Ivan Smirnov",
      documents: [{ number: "72-0011 223", country: "RU" }],
    });
    const m = r.matches.find((x) => x.sourceRef === "X.001");
    expect(m?.decision).toBe("refer");
    expect(m!.score).toBeGreaterThanOrEqual(0.95);
    // OCR-style O/0 confusion in the number still matches.
    const ocr = screener.screen({
      name: "Somebody Else",
      documents: [{ number: "A1234567".replace("1", "I"), country: "IQ" }],
    });
    expect(ocr.matches[0]?.sourceRef).toBe("QDi.001");
  });

  it("lowers a strong name match below refer when the birth year conflicts", () => {
    const same = screener.screen({ name: "Eric Badege", birthDate: "1971" }).matches[0]!;
    const other = screener.screen({ name: "Eric Badege", birthDate: "1990" }).matches[0];
    expect(same.decision).toBe("refer");
    expect(other === undefined || other.score < DEFAULT_THRESHOLDS.refer).toBe(true);
  });

  it("treats missing qualifiers as neutral", () => {
    const bare = screener.screen({ name: "Eric Badege" }).matches[0]!;
    expect(bare.score).toBe(1);
    expect(bare.explanation.features.find((f) => f.feature === "birthDate")?.outcome).toBe("missing");
  });

  it("accepts birth dates inside a listed range and penalises gender conflicts", () => {
    expect(
      screener.screen({ name: "Mahmoud Abdel Hamid", birthDate: "1976-05-01" }).matches[0]?.decision,
    ).toBe("refer");
    const g = screener.screen({ name: "Mohammed Omar Abdel-Rahman", gender: "female" }).matches[0]!;
    expect(g.explanation.features.find((f) => f.feature === "gender")?.outcome).toBe("mismatch");
  });

  it("does not match different names one letter apart or unrelated people", () => {
    expect(
      screener
        .screen({ name: "Mahmoud Omar Abdel-Rahman", birthDate: "1970" })
        .matches.filter((m) => m.decision === "refer" && m.sourceRef === "QDi.002"),
    ).toEqual([]);
    expect(screener.screen({ name: "Ingeborg Abrahamsen", birthDate: "1972-11-21" }).matches).toEqual([]);
  });

  it("finds a listed person through typos the guarantee covers: a transposition, two edits in a long part", () => {
    const list = [
      ...ENTITIES,
      person({ sourceRef: "T.001", name: "Samir Karim Haddad" }),
      person({ sourceRef: "T.002", name: "Samira Kamil Haddad" }),
      person({ sourceRef: "T.003", name: "Konstantin Bogdanovich" }),
    ];
    const s = createScreener(list);
    const top = (name: string) => s.screen({ name }).matches[0];
    expect(top("Smair Kraim Haddad")?.sourceRef).toBe("T.001");
    expect(top("Smair Kraim Haddad")?.decision).toBe("refer");
    expect(top("Konstnatin Bogdnaovich")?.sourceRef).toBe("T.003");
    expect(top("Konstnatin Bogdnaovich")?.decision).toBe("refer");
  });

  it("screens persons only against persons", () => {
    expect(screener.screen({ name: "Al-Qaida Finance Bureau" }).matches).toEqual([]);
    expect(
      screener.screen({ name: "Al-Qaida Finance Bureau", schema: "organization" }).matches[0]?.sourceRef,
    ).toBe("QDe.001");
  });

  it("has a batch form that keeps input order, and honours configured thresholds", () => {
    const r = screener.screenBatch([{ name: "Eric Badege" }, { name: "Nobody Atall" }]);
    expect(r.map((x) => x.matches.length)).toEqual([1, 0]);
    const strict = createScreener(ENTITIES, { thresholds: { refer: 0.99 } });
    expect(strict.screen({ name: "Erik Badege" }).matches[0]?.decision).toBe("clear");
    expect(strict.thresholds.refer).toBe(0.99);
  });
});
