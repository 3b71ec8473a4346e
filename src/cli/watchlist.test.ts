import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { fixture, realData } from "../../test/support/paths.js";

const NATIONAL = join("data", "samples", "national-list.csv");

let store: string;
beforeAll(async () => {
  store = await mkdtemp(join(tmpdir(), "limes-cli-"));
});
afterAll(async () => {
  await rm(store, { recursive: true, force: true });
});

describe("limes watchlist", () => {
  it("has help with examples", () => {
    const top = limes("--help");
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("watchlist");
    expect(top.stdout).toContain("LIMES_DEBUG=1");
    const imp = limes("watchlist", "import", "--help");
    expect(imp.code).toBe(0);
    expect(imp.stdout).toContain("--lenient");
    expect(imp.stdout).toContain("limes watchlist import ofac-csv data/samples/ofac-sdn/sdn.csv");
  });

  it("fails on an unknown format with one line on stderr and exit code 1", () => {
    const r = limes("watchlist", "inspect", NATIONAL, "--format", "pdf");
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      'limes: unknown watchlist format "pdf"; expected one of: un-xml, ofac-csv, ftm-jsonl, csv\n',
    );
  });

  it("inspects the real UN list: 730 individuals and 273 entities", () => {
    const r = limes(
      "watchlist",
      "inspect",
      realData("watchlists", "un-sc-consolidated.xml"),
      "--format",
      "un-xml",
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}entities +1003$/m);
    expect(r.stdout).toMatch(/^ {4}person +730$/m);
    expect(r.stdout).toMatch(/^ {4}organization +273$/m);
    expect(r.stdout).toContain("first 3 entities:");
  });

  it("inspects as JSON with a limit", () => {
    const r = limes("watchlist", "inspect", NATIONAL, "-f", "csv", "--limit", "2", "--json");
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.summary.bySchema).toEqual({ person: 15, organization: 1 });
    expect(out.entities.map((e: { sourceRef: string }) => e.sourceRef)).toEqual(["NL-0001", "NL-0002"]);
  });

  it("imports versions into the store, prints counts and the diff, and lists them", () => {
    const first = limes("watchlist", "import", "csv", NATIONAL, "--list", "sample", "--store", store);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`imported ${NATIONAL} (csv) as sample v1\n`);
    expect(first.stdout).toMatch(/^ {2}entities +16 \(person 15, organization 1\)$/m);
    expect(first.stdout).toMatch(/^ {2}unparsed remarks +0$/m);
    expect(first.stdout).toMatch(/^ {2}issues +0 error\(s\), 0 warning\(s\)$/m);
    expect(first.stdout).toContain("  first version: 16 added\n");

    const second = limes("watchlist", "import", "csv", NATIONAL, "--list", "sample", "--store", store);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("  diff vs v1: +0 added, -0 removed, ~0 changed, 16 unchanged\n");

    const list = limes("watchlist", "list", "--store", store);
    expect(list.code).toBe(0);
    const rows = list.stdout.trim().split("\n");
    expect(rows).toHaveLength(4);
    expect(rows[2]).toMatch(/^sample +v1 +\S+ +csv +16 +\+16 -0 ~0 +data\/samples\/national-list\.csv$/);
    expect(rows[3]).toMatch(/^sample +v2 +\S+ +csv +16 +\+0 -0 ~0 +data\/samples\/national-list\.csv$/);
  });

  it("rejects a file with bad rows unless --lenient, and then reports them", () => {
    const bad = fixture("csv", "bad-rows.csv");
    const strict = limes("watchlist", "import", "csv", bad, "--list", "bad", "--store", store);
    expect(strict.code).toBe(1);
    expect(strict.stderr.split("\n")[0]).toBe(
      'limes: bad-rows.csv: 8 bad record(s), first at bad-rows.csv:4: bad birth date "03.02.1980": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY',
    );
    expect(strict.stderr).not.toMatch(/\n\s+at /);
    expect(limes("watchlist", "list", "--store", store, "--json").stdout).not.toContain('"list": "bad"');

    const lenient = limes("watchlist", "import", "csv", bad, "--list", "bad", "--store", store, "--lenient");
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^ {2}entities +2 \(person 2\)$/m);
    expect(lenient.stdout).toMatch(/^ {2}issues +8 error\(s\), 2 warning\(s\)$/m);
    expect(lenient.stdout).toContain("    error   bad-rows.csv:6  expected 9 columns, found 2\n");
  });
});
