import { afterAll, beforeAll, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { createAccessService } from "../access/index.js";
import { queryAudit } from "../audit/index.js";

forEachDialect("limes user create", (dialect) => {
  let fresh: FreshDatabase;
  beforeAll(async () => {
    // Unmigrated: bootstrapping the first admin is the first thing done on a new database.
    fresh = await freshDatabase(dialect, { migrate: false });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("creates the first admin with a one-time password printed once, who can then log in", async () => {
    const r = limes.withEnv({ LIMES_DB: fresh.url })(
      "user",
      "create",
      "--username",
      "chief",
      "--role",
      "admin",
      "--role",
      "auditor",
      "--agency",
      "border-police",
    );
    expect(r.code).toBe(0);
    const [created, pw] = r.stdout.split("\n");
    expect(created).toMatch(/^created user chief \([0-9a-f-]{36}\) with role\(s\) admin, auditor$/);
    const password = /^one-time password: ([A-Za-z0-9_-]{16})$/.exec(pw ?? "")?.[1];
    expect(password).toBeDefined();
    const { principal } = await createAccessService(fresh.db).login("chief", password!, { ip: "127.0.0.1" });
    expect(principal).toMatchObject({
      username: "chief",
      roles: ["admin", "auditor"],
      agency: "border-police",
    });
    expect((await queryAudit(fresh.db, { action: "user.create" }))[0]?.actor).toEqual({ username: "system" });
  });

  it("takes a given password, prints none, and refuses a duplicate or an unknown role", async () => {
    const run = limes.withEnv({ LIMES_DB: fresh.url });
    const args = ["user", "create", "-u", "officer7", "-r", "first_line", "-a", "border-police"];
    const ok = run(...args, "-p", "a long enough password");
    expect([ok.code, ok.stdout.includes("password")]).toEqual([0, false]);
    expect(run(...args, "-p", "a long enough password")).toMatchObject({
      code: 1,
      stderr: 'limes: user "officer7" already exists\n',
    });
    expect(run("user", "create", "-u", "x7", "-r", "pilot", "-a", "border-police").stderr).toBe(
      "limes: unknown role(s) pilot; roles: first_line, second_line, analyst, watchlist_manager, auditor, protection_officer, admin\n",
    );
    const atUnknownPoint = run(
      "user",
      "create",
      "-u",
      "officer8",
      "-r",
      "first_line",
      "-a",
      "border-police",
      "-c",
      "RS-HRG",
    );
    expect(atUnknownPoint.stderr).toBe('limes: crossingPointId: no crossing point "RS-HRG"\n');
  });

  it("makes an API key for a tool that acts as the user, with its client and purpose, printed once", async () => {
    const run = limes.withEnv({ LIMES_DB: fresh.url });
    const args = [
      "user",
      "apikey",
      "-u",
      "officer7",
      "--client",
      "openrefine-fiu",
      "--purpose",
      "carrier checks",
    ];
    const r = run(...args, "--days", "30");
    expect(r.code).toBe(0);
    const key = r.stdout.split("\n")[1] ?? "";
    expect(r.stdout.split("\n")[0]).toMatch(/^API key for openrefine-fiu as officer7, expires \d{4}-/);
    expect(await createAccessService(fresh.db).authenticate(key)).toMatchObject({
      username: "officer7",
      client: { name: "openrefine-fiu", purpose: "carrier checks" },
    });
    expect(run(...args, "--days", "400").stderr).toBe("limes: expiresInDays: between 1 and 366\n");
    expect(
      run("user", "apikey", "-u", "nobody", "--client", "x1", "--purpose", "carrier checks").stderr,
    ).toBe('limes: no active user "nobody"\n');
  });
});
