import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { fixture, realData } from "../../test/support/paths.js";
import { parseManifestFile } from "./manifest-file.js";

describe("parseManifestFile", () => {
  it("recognises PAXLST, FAL 5 and FAL 6 by content", () => {
    const pax = parseManifestFile(readFileSync(realData("paxlst", "multi-leg-no-documents.edi"), "utf8"));
    expect([pax.kind, pax.listType, pax.persons.length]).toEqual(["flight", "passengers", 2]);
    const crew = parseManifestFile(readFileSync(fixture("travel", "fal5-crew.csv"), "utf8"));
    expect([crew.kind, crew.listType, crew.persons.length]).toEqual(["voyage", "crew", 8]);
    const pass = parseManifestFile(readFileSync(fixture("travel", "fal6-passengers.csv"), "utf8"));
    expect([pass.kind, pass.listType, pass.persons.length]).toEqual(["voyage", "passengers", 10]);
  });

  it("rejects anything else", () => {
    expect(() => parseManifestFile("name,dob\nX,1970")).toThrow(
      "manifest file is neither PAXLST (EDIFACT) nor a FAL Form 5/6 CSV (rank_or_rating or transit column)",
    );
  });
});
