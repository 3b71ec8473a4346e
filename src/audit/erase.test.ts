// Erasing expired payloads keeps every chain verifiable; an erasure without a signed prune checkpoint
// (someone hiding what an entry said) does not.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { describeBothDialects } from "../../test/support/db.js";
import {
  type AuditSigning,
  appendAudit,
  erasePayloads,
  generateKeyFiles,
  loadPrivateKey,
  loadPublicKey,
  queryAudit,
  verifyAuditChain,
  writeCheckpoint,
} from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "limes-erase-"));
const key = generateKeyFiles(dir, "audit");
const actor = { username: "officer1", agency: "BP-North" };

describeBothDialects("erasing audit payloads", (getDb, dialect) => {
  const signing: AuditSigning = {
    privateKey: loadPrivateKey(key.privateKeyFile),
    checkpointFile: join(dir, `${dialect}.jsonl`),
  };
  const verify = () =>
    verifyAuditChain(getDb(), {
      publicKey: loadPublicKey(key.publicKeyFile),
      checkpointFile: signing.checkpointFile,
    });
  const search = (name: string, at: string) =>
    appendAudit(
      getDb().kysely,
      {
        actor,
        action: "entity.search",
        objectType: "entity",
        purpose: `second-line check of ${name}`,
        outcome: "success",
        details: { name },
      },
      new Date(at),
    );

  it("erases purpose and details older than a date, records a signed prune checkpoint, and still verifies", async () => {
    await search("Ivan Petrov", "2025-01-10T10:00:00Z");
    await search("Amina Yusuf", "2025-02-10T10:00:00Z");
    await search("Jean Dupont", "2026-11-30T10:00:00Z");
    await writeCheckpoint(getDb(), signing, "periodic");
    const r = await erasePayloads(getDb(), signing, { olderThan: new Date("2026-01-01T00:00:00Z") });
    expect(r).toEqual({ erased: 2, checkpoint: 2 });
    const entries = await queryAudit(getDb(), { action: "entity.search" });
    expect(entries.map((e) => [e.id, e.purpose ?? null, e.details ?? null, !!e.erasedAt])).toEqual([
      [3, "second-line check of Jean Dupont", { name: "Jean Dupont" }, false],
      [2, null, null, true],
      [1, null, null, true],
    ]);
    const [erase] = await queryAudit(getDb(), { action: "audit.erase" });
    expect(erase?.details).toEqual({ entries: 2, olderThan: "2026-01-01T00:00:00.000Z" });
    const lines = readFileSync(signing.checkpointFile, "utf8").trim().split("\n");
    expect(JSON.parse(lines[1]!).body).toMatchObject({ seq: 2, kind: "prune", erased: [[1, 2]] });
    expect(await verify()).toMatchObject({ ok: true, checked: 4 });
    // A second run finds nothing left to erase and signs nothing.
    expect(await erasePayloads(getDb(), signing, { olderThan: new Date("2026-01-01T00:00:00Z") })).toEqual({
      erased: 0,
    });
  });

  it("erases chosen entries by id", async () => {
    expect(await erasePayloads(getDb(), signing, { ids: [3] })).toMatchObject({ erased: 1 });
    expect((await queryAudit(getDb(), { action: "entity.search" }))[0]).toMatchObject({
      id: 3,
      erasedAt: expect.any(String),
    });
    expect((await verify()).ok).toBe(true);
  });

  it("reports a payload erased in the database without a signed prune checkpoint", async () => {
    const { id } = await search("Hidden Person", "2026-11-30T11:00:00Z");
    await writeCheckpoint(getDb(), signing, "periodic");
    await getDb()
      .kysely.updateTable("audit_log")
      .set({ purpose: null, details: null, salt: null })
      .where("id", "=", id)
      .execute();
    expect((await verify()).firstBroken).toEqual({
      id,
      reason: `entry ${id} had its purpose and details erased without a signed prune checkpoint`,
    });
    // Without the key the chains alone still hold: the erasure is what the signed record exposes.
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });
});
