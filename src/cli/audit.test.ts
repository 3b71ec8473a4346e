// `limes keys generate` and `limes audit verify` with the public key and the external checkpoint file,
// run as a user runs them, on both dialects.
import { createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import { appendAudit, loadPrivateKey, writeCheckpoint } from "../audit/index.js";

describe("limes keys generate", () => {
  it("writes one Ed25519 pair per purpose, the private key 0600, and never overwrites one", () => {
    const out = join(mkdtempSync(join(tmpdir(), "limes-keys-")), "keys");
    const audit = limes("keys", "generate", "--purpose", "audit", "--out", out);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(
      new RegExp(
        `^private key: ${out}/limes-audit.key \\(mode 0600\\)\\npublic key:  ${out}/limes-audit.pub\\nkey id:      [0-9a-f]{16}\\n$`,
      ),
    );
    expect(statSync(join(out, "limes-audit.key")).mode & 0o777).toBe(0o600);
    const pub = createPublicKey(readFileSync(join(out, "limes-audit.pub"), "utf8"));
    expect(pub.asymmetricKeyType).toBe("ed25519");
    const node = limes("keys", "generate", "--purpose", "node", "--out", out);
    expect(node.code).toBe(0);
    expect(node.stdout.split("\n")[2]).not.toBe(audit.stdout.split("\n")[2]);
    const again = limes("keys", "generate", "--purpose", "audit", "--out", out);
    expect([again.code, again.stderr]).toEqual([
      1,
      `limes: ${out}/limes-audit.key exists: move it away first, a key is never overwritten\n`,
    ]);
    expect(limes("keys", "generate", "--purpose", "tls", "--out", out).stderr).toBe(
      'limes: --purpose must be one of audit, node, not "tls"\n',
    );
  });
});

forEachDialect("limes audit verify", (dialect) => {
  let fresh: FreshDatabase;
  const dir = mkdtempSync(join(tmpdir(), "limes-verify-"));
  const checkpoints = join(dir, "checkpoints.jsonl");
  const pub = join(dir, "limes-audit.pub");
  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    expect(limes("keys", "generate", "--purpose", "audit", "--out", dir).code).toBe(0);
    for (const objectId of ["a", "b", "c"])
      await appendAudit(fresh.db.kysely, {
        actor: { username: "t" },
        action: "test",
        objectType: "x",
        objectId,
        outcome: "success",
      });
    const signing = { privateKey: loadPrivateKey(join(dir, "limes-audit.key")), checkpointFile: checkpoints };
    await writeCheckpoint(fresh.db, signing, "periodic");
  });
  afterAll(async () => {
    await fresh?.drop();
  });
  const verify = () =>
    limes.withEnv({ LIMES_DB: fresh.url })(
      "audit",
      "verify",
      "--public-key",
      pub,
      "--checkpoints",
      checkpoints,
    );

  it("says the trail is intact against the signed checkpoint", () => {
    expect(verify()).toMatchObject({
      code: 0,
      stdout: "The audit trail is intact: 3 entries verified against 1 signed checkpoint.\n",
    });
  });

  it("names the first entry of a chain whose head row was deleted, in a sentence, and exits 1", async () => {
    const { chain } = await fresh.db.kysely
      .selectFrom("audit_log")
      .select("chain")
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    await fresh.db.kysely.deleteFrom("audit_chains").where("id", "=", chain).execute();
    expect(verify()).toMatchObject({
      code: 1,
      stdout: `The audit trail was tampered with: first failing entry 1: the head row of chain ${chain} was deleted, so its entries from entry 1 on are unanchored.\n`,
    });
  });

  it("refuses a public key file that is not one", () => {
    const r = limes.withEnv({ LIMES_DB: fresh.url })("audit", "verify", "--public-key", checkpoints);
    expect([r.code, r.stderr]).toEqual([1, `limes: ${checkpoints} is not a PEM public key\n`]);
  });
});
