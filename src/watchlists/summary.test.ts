import { describe, expect, it } from "vitest";
import { buildEntity } from "../../test/support/factories.js";
import type { Entity } from "./model.js";
import { summarise } from "./summary.js";

function entity(ref: string, overrides: Partial<Entity> = {}): Entity {
  return buildEntity(ref, overrides, "t");
}

describe("summarise", () => {
  it("counts schemas, programmes, aliases, scripts, documents, date precision and nationalities", () => {
    const s = summarise([
      entity("1", {
        programmes: ["QDi", "SDGT"],
        aliases: [
          { name: "محمد", quality: "strong", script: "arabic", originalScript: true },
          { name: "Abu M", quality: "weak" },
        ],
        birthDates: [
          { kind: "date", date: "1970" },
          { kind: "date", date: "1970-05", approximate: true },
          { kind: "date", date: "1970-05-01" },
          { kind: "range", from: "1968", to: "1972", approximate: true },
        ],
        nationalities: ["IQ", "SY"],
        nationalitiesText: ["Mesopotamia"],
        documents: [
          { type: "Passport", number: "1" },
          { type: "Passport", number: "2" },
        ],
      }),
      entity("2", {
        schema: "organization",
        name: "Компания",
        programmes: ["QDi"],
        documents: [{ type: "Registration Number", number: "3" }],
      }),
    ]);
    expect(s).toEqual({
      entities: 2,
      bySchema: { person: 1, organization: 1 },
      byProgramme: { QDi: 2, SDGT: 1 },
      aliases: { strong: 1, weak: 1 },
      namesByScript: { latin: 2, arabic: 1, cyrillic: 1 },
      originalScript: { total: 1, byScript: { arabic: 1 } },
      documents: { total: 3, byType: { Passport: 2, "Registration Number": 1 } },
      birthDates: { year: 1, yearMonth: 1, fullDate: 1, range: 1, approximate: 2, entitiesWithout: 1 },
      nationalities: { mapped: 2, unmapped: 1 },
    });
  });
});
