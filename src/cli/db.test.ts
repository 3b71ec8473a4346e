import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { limes } from "../../test/support/cli.js";
import { appendAudit } from "../audit/index.js";
import { openDatabase } from "../db/index.js";

describe("limes db migrate / audit verify", () => {
  it("migrates once, verifies an intact chain, and fails on a tampered one", async () => {
    const url = `sqlite:${join(mkdtempSync(join(tmpdir(), "limes-cli-db-")), "cli.db")}`;
    const env = { LIMES_DB: url };
    expect(limes.withEnv(env)("db", "migrate").stdout).toBe(
      "applied: 0001_initial, 0002_travel, 0003_review, 0004_audit_signing, 0005_list_staging, 0006_accounts, 0008_population, 0009_safeguards, 0010_subjects, 0011_cargo, 0012_checks_at_post, 0013_partners, 0014_sync, 0015_partitions, 0016_languages, 0017_goods, 0018_alert_approvals, 0019_regional, 0020_trip_index\n",
    );
    expect(limes.withEnv(env)("db", "migrate").stdout).toBe("schema is up to date\n");
    const db = await openDatabase(url);
    for (const objectId of ["a", "b"]) {
      await db.kysely.transaction().execute((trx) =>
        appendAudit(trx, {
          actor: { username: "t" },
          action: "test",
          objectType: "x",
          objectId,
          outcome: "success",
        }),
      );
    }
    expect(limes.withEnv(env)("audit", "verify")).toMatchObject({
      code: 0,
      stdout:
        "The hash chains are intact (2 entries), but without the public key and the checkpoint file a rewrite with recomputed hashes, a truncation or a wipe cannot be ruled out.\n",
    });
    await db.kysely.updateTable("audit_log").set({ object_id: "z" }).where("id", "=", 1).execute();
    await db.close();
    const broken = limes.withEnv(env)("audit", "verify");
    expect(broken.code).toBe(1);
    expect(broken.stdout).toBe(
      "The audit trail was tampered with: first failing entry 1: entry 1 (chain 1 #1) does not match its hash (edited entry).\n",
    );
    expect(limes.withEnv({ LIMES_DB: "mysql://x" })("db", "migrate").stderr).toContain(
      "LIMES_DB must be sqlite:<path> or postgres://",
    );
  });
});
