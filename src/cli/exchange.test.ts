// `limes exchange export` and `limes exchange import` as a user runs them: the node's own bundle goes out
// signed and comes back in; a tampered file and a bundle signed by an unknown key are refused with the
// reason, and nothing is stored for them.
import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { createAccessService } from "../access/index.js";
import { generateKeyFiles } from "../audit/index.js";
import { type SignedBundle, signBundle } from "../regional/index.js";

forEachDialect("limes exchange", (dialect) => {
  let fresh: FreshDatabase;
  let run: ReturnType<typeof limes.withEnv>;
  const dir = mkdtempSync(join(tmpdir(), "limes-exchange-"));
  const file = (name: string, body?: unknown) => {
    const path = join(dir, name);
    if (body !== undefined) writeFileSync(path, JSON.stringify(body));
    return path;
  };
  const stored = async () =>
    (await fresh.db.kysely.selectFrom("regional_bundles").selectAll().execute()).length;

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    const access = createAccessService(fresh.db);
    await access.createUser("system", {
      username: "chief",
      password: "a long enough password",
      roles: ["admin"],
      agency: "border-police",
    });
    const { token } = await access.login("chief", "a long enough password", { ip: "127.0.0.1" });
    const { privateKeyFile } = generateKeyFiles(join(dir, "keys"), "node");
    run = limes.withEnv({
      LIMES_DB: fresh.url,
      LIMES_TOKEN: token,
      LIMES_NODE_ID: "MK-BORDER",
      LIMES_NODE_KEY: privateKeyFile,
      LIMES_NODE_URL: "http://127.0.0.1:9",
    });
  });
  afterAll(async () => {
    await fresh.drop();
  });

  it("exports the node's signed bundle and imports it back, and refuses a tampered copy", async () => {
    const out = file("mk.json");
    const exported = run("exchange", "export", "--month", "2026-11", "--out", out);
    expect(exported.code, exported.stderr).toBe(0);
    const signed = JSON.parse(readFileSync(out, "utf8")) as SignedBundle;
    expect(signed.bundle).toMatchObject({ nodeId: "MK-BORDER", month: "2026-11", minCell: 10 });

    const tampered = structuredClone(signed);
    tampered.bundle.month = "2026-10";
    const refused = run("exchange", "import", file("tampered.json", tampered));
    expect([refused.code, refused.stderr.trim()]).toEqual([
      1,
      "limes: the bundle's signature does not hold: it was changed after signing",
    ]);
    const { privateKey } = generateKeyPairSync("ed25519");
    const stranger = run("exchange", "import", file("stranger.json", signBundle(signed.bundle, privateKey)));
    expect([stranger.code, stranger.stderr]).toEqual([
      1,
      expect.stringMatching(/no agreement in force pins/),
    ]);
    expect(await stored()).toBe(0);

    const imported = run("exchange", "import", out);
    expect([imported.code, imported.stdout]).toEqual([
      0,
      expect.stringMatching(/^imported the bundle of MK-BORDER for 2026-11 \(/),
    ]);
    expect(await stored()).toBe(1);
  });
});
