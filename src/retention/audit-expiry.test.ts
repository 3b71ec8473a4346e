// Audit entries past their retention lose their personal payload, and the chains still verify: the
// retention job calls the audit log's erasure (a signed prune checkpoint), and a dry run only counts.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import {
  type AuditSigning,
  appendAudit,
  generateKeyFiles,
  loadPrivateKey,
  loadPublicKey,
  queryAudit,
  verifyAuditChain,
  writeCheckpoint,
} from "../audit/index.js";
import { DEFAULT_RETENTION } from "./policy.js";
import { runRetention } from "./run.js";

const dir = mkdtempSync(join(tmpdir(), "limes-retention-audit-"));
const key = generateKeyFiles(dir, "audit");

describeBothDialects("retention of audit payloads", (getDb, dialect) => {
  const signing: AuditSigning = {
    privateKey: loadPrivateKey(key.privateKeyFile),
    checkpointFile: join(dir, `${dialect}.jsonl`),
  };

  it("erases the payloads of entries past retention, counts them in a dry run, and the chain verifies", async () => {
    const db = getDb();
    const actor = { username: "officer1", agency: "BP-North" };
    await appendAudit(db.kysely, {
      actor,
      action: "screening.search",
      objectType: "screening",
      purpose: "second-line check of ALI HASSAN",
      outcome: "success",
      details: { name: "ALI HASSAN" },
    });
    await writeCheckpoint(db, signing, "periodic");
    // Twelve years on, the entry is past the 11-year audit retention.
    const later = new Date(Date.now() + 12 * 365 * 86_400_000);
    const dry = await runRetention(db, DEFAULT_RETENTION, { dryRun: true, now: later, signing });
    expect(dry.audit.pastRetention).toBeGreaterThanOrEqual(1);
    expect(dry.audit.erased).toBe(0);
    const searched = async () => (await queryAudit(db, { action: "screening.search" }))[0]!;
    expect((await searched()).purpose).toContain("ALI HASSAN");

    const run = await runRetention(db, DEFAULT_RETENTION, { now: later, signing });
    expect(run.audit.erased).toBe(run.audit.pastRetention);
    const erased = await searched();
    expect(erased.purpose ?? null).toBeNull();
    expect(JSON.stringify(erased)).not.toContain("ALI HASSAN");
    const verdict = await verifyAuditChain(db, {
      publicKey: loadPublicKey(key.publicKeyFile),
      checkpointFile: signing.checkpointFile,
    });
    expect(verdict.ok).toBe(true);
  });
});
