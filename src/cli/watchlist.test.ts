import { mkdtempSync } from "node:fs";
import { copyFile, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { fixture, realData } from "../../test/support/paths.js";
import { createAccessService } from "../access/index.js";
import { generateKeyFiles } from "../audit/index.js";
import { startServer } from "../http/server.js";

const NATIONAL = join("data", "samples", "national-list.csv");

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
});

// The successor of the JSON store: the CLI imports on the database in LIMES_DB, with the API's staging
// rules, and a server started on that database serves what it imported.
forEachDialect("limes watchlist on LIMES_DB", (dialect) => {
  let fresh: FreshDatabase;
  let run: ReturnType<typeof limes.withEnv>;
  beforeAll(async () => {
    // Unmigrated: the import migrates, as `npm start` would.
    fresh = await freshDatabase(dialect, { migrate: false });
    run = limes.withEnv({ LIMES_DB: fresh.url });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("imports versions, prints counts and the diff, lists them, and a server on the database serves them", async () => {
    const first = run("watchlist", "import", "csv", NATIONAL, "--list", "sample");
    expect(first.stderr).toBe("");
    expect(first.stdout).toContain(`imported ${NATIONAL} (csv) as sample v1\n`);
    expect(first.stdout).toMatch(/^ {2}entities +16 \(person 15, organization 1\)$/m);
    expect(first.stdout).toMatch(/^ {2}issues +0 error\(s\), 0 warning\(s\)$/m);
    expect(first.stdout).toContain("  first version\n");
    const second = run("watchlist", "import", "csv", NATIONAL, "--list", "sample");
    expect(second.stdout).toContain("  diff vs v1: +0 added, -0 removed, ~0 changed, 16 unchanged\n");
    const rows = run("watchlist", "list").stdout.trim().split("\n");
    expect(rows).toHaveLength(3);
    expect(rows[2]).toMatch(/^sample +v2 +\S+ +csv +16 +\+0 -0 ~0 +data\/samples\/national-list\.csv$/);

    // PostgreSQL refuses to start without an audit signing key outside the database.
    const keys = mkdtempSync(join(tmpdir(), "limes-cli-watchlist-keys-"));
    const audit = {
      keyFile: generateKeyFiles(keys, "audit").privateKeyFile,
      checkpointFile: join(keys, "checkpoints.jsonl"),
    };
    const server = await startServer(
      { db: fresh.url, port: 0, host: "127.0.0.1", logLevel: "silent", demoUsers: false, audit },
      { samples: [] },
    );
    try {
      expect(await server.indexed).toMatchObject({ entities: 16, seeded: false });
    } finally {
      await server.close();
    }
  });

  it("refuses a version past the safety limits without a manager, stages it for one, and a second approves it", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limes-cli-stage-"));
    const empty = join(dir, "empty.csv");
    await writeFile(empty, "id,name\n");
    const refused = run("watchlist", "import", "csv", empty, "--list", "sample");
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "breaks its safety limits (removed_share, schema_emptied, schema_emptied)",
    );

    const access = createAccessService(fresh.db);
    await access.createUser("system", {
      username: "lists.cli",
      password: "a long enough password",
      roles: ["watchlist_manager"],
      agency: "agency-a",
    });
    const { token } = await access.login("lists.cli", "a long enough password", { ip: "127.0.0.1" });
    const staged = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: token })(
      "watchlist",
      "import",
      "csv",
      empty,
      "--list",
      "sample",
      "--reason",
      "The national list was withdrawn.",
    );
    expect(staged.stderr).toBe("");
    expect(staged.stdout).toContain(`staged ${empty} (csv) as sample v3\n`);
    expect(staged.stdout).toContain("STAGED, not live: it waits for a second watchlist manager");
    expect(staged.stdout).toMatch(/^ {4}removed_share +removes 16 of 16 entities \(100\.0%\)/m);
    const list = JSON.parse(run("watchlist", "list", "--json").stdout);
    expect(list[0]).toMatchObject({
      live: { version: 2 },
      staged: { version: 3, approval: { reason: "The national list was withdrawn.", status: "pending" } },
    });
    const approvalId: string = list[0].staged.approval.id;

    // The uploader waits for someone else; a second manager approves with a reason.
    const asUploader = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: token });
    expect(asUploader("approval", "list").stdout).toBe("no approvals wait for you\n");
    const own = asUploader("approval", "approve", approvalId, "--reason", "mine");
    expect([own.code, own.stderr]).toEqual([
      1,
      "limes: the proposer of an action cannot approve or reject it: a second person must\n",
    ]);
    await access.createUser("system", {
      username: "lists.cli2",
      password: "a long enough password",
      roles: ["watchlist_manager"],
      agency: "agency-a",
    });
    const second = await access.login("lists.cli2", "a long enough password", { ip: "127.0.0.1" });
    const asSecond = limes.withEnv({ LIMES_DB: fresh.url, LIMES_TOKEN: second.token });
    expect(asSecond("approval", "list").stdout).toContain(
      `${approvalId}  watchlist.activate  sample@3  by lists.cli`,
    );
    expect(asSecond("approval", "approve", approvalId, "--reason", "Withdrawal confirmed.").stdout).toBe(
      "watchlist.activate sample@3: approved\n",
    );
    expect(JSON.parse(run("watchlist", "list", "--json").stdout)[0]).toMatchObject({
      live: { version: 3, counts: { entities: 0 } },
    });
  });

  it("refuses OFAC's sdn.csv without alt.csv beside it, and rejects bad rows unless --lenient", async () => {
    const dir = await mkdtemp(join(tmpdir(), "limes-cli-ofac-"));
    await copyFile(realData("watchlists", "ofac-sdn", "sdn.csv"), join(dir, "sdn.csv"));
    const alone = run("watchlist", "import", "ofac-csv", join(dir, "sdn.csv"));
    expect(alone.code).toBe(1);
    expect(alone.stderr).toContain("alt.csv and add.csv missing beside");
    const bad = fixture("csv", "bad-rows.csv");
    const strict = run("watchlist", "import", "csv", bad, "--list", "bad");
    expect(strict.code).toBe(1);
    expect(strict.stderr.split("\n")[0]).toBe(
      'limes: bad-rows.csv: 8 bad record(s), first at bad-rows.csv:4: bad birth date "03.02.1980": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY',
    );
    expect(run("watchlist", "list", "--json").stdout).not.toContain('"id": "bad"');
    const lenient = run("watchlist", "import", "csv", bad, "--list", "bad", "--lenient");
    expect(lenient.code).toBe(0);
    expect(lenient.stdout).toMatch(/^ {2}entities +2 \(person 2\)$/m);
    expect(lenient.stdout).toContain("    error   bad-rows.csv:6  expected 9 columns, found 2\n");
  });
});
