import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { realData } from "../../test/support/paths.js";

describe("limes manifest screen", () => {
  it("screens a real PAXLST sample with one passenger replaced by a UN-listed person, refers first", () => {
    const dir = mkdtempSync(join(tmpdir(), "limes-manifest-"));
    const file = join(dir, "flight.edi");
    writeFileSync(
      file,
      readFileSync(realData("paxlst/two-leg-passengers.edi"), "utf8")
        .replace("NAD+FL+++LANG:KRISTIN'", "NAD+FL+++SHIHATA:THARWAT SALAH'")
        .replace("DTM+329:600606'", "DTM+329:600629'"),
    );
    const un = `un-xml:${realData("watchlists/un-sc-consolidated.xml")}`;
    const table = limes("manifest", "screen", file, "--watchlist", un);
    expect(table.code).toBe(0);
    expect(table.stderr).toContain("flight QQ827 passengers: 2 persons (declared 2), 1 refer");
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^\s*2\s+refer\s+SHIHATA, THARWAT SALAH\s+QDi\.017 THARWAT SALAH SHIHATA/);
    expect(lines[1]).toMatch(/^\s+1\s+clear\s+BARRETT, TODD/);
    const jsonl = limes("manifest", "screen", file, "-w", un, "--format", "jsonl")
      .stdout.trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(jsonl.map((r) => [r.person, r.decision])).toEqual([
      [2, "refer"],
      [1, "clear"],
    ]);
    expect(limes("manifest", "screen", join(dir, "missing.edi"), "-w", un).code).toBe(1);
  });
});
