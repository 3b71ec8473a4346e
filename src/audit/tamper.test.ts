// The eight tamperings of issue 13, each done with full database access on both dialects, and verify
// catching every one with the public key and the external checkpoint file. The attacker knows the hash
// algorithm and recomputes hashes where that would help; what they lack is the signing key and the file.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { type FreshDatabase, forEachDialect, freshDatabase } from "../../test/support/db.js";
import type { Db } from "../db/index.js";
import {
  type AuditSigning,
  appendAudit,
  entryHash,
  GENESIS_HASH,
  generateKeyFiles,
  loadPrivateKey,
  loadPublicKey,
  verifyAuditChain,
  writeCheckpoint,
} from "./index.js";

const keyDir = mkdtempSync(join(tmpdir(), "limes-tamper-"));
const key = generateKeyFiles(keyDir, "audit");
const publicKey = loadPublicKey(key.publicKeyFile);
const actor = { userId: "u1", username: "officer1", roles: ["second_line"], agency: "BP-North" };

/** Three transactions of four entries, a signed checkpoint, then two entries it does not cover yet. */
async function seed(db: Db, signing: AuditSigning): Promise<void> {
  const batch = (from: number, n: number) =>
    db.kysely.transaction().execute(async (trx) => {
      for (let i = from; i < from + n; i++)
        await appendAudit(trx, {
          actor,
          action: "screening.read",
          objectType: "screening",
          objectId: `s${i}`,
          purpose: "second-line review",
          outcome: "success",
          details: { traveller: `Person ${i}` },
        });
    });
  for (const from of [1, 5, 9]) await batch(from, 4);
  await writeCheckpoint(db, signing, "periodic");
  await batch(13, 2);
}

/** The attacker's rehash: every entry of the chain from `fromSeq` on, and its head row. */
async function rehashChain(db: Db, chain: number, fromSeq: number): Promise<void> {
  const rows = await db.kysely
    .selectFrom("audit_log")
    .selectAll()
    .where("chain", "=", chain)
    .orderBy("seq")
    .execute();
  let prev = GENESIS_HASH;
  for (const r of rows) {
    if (r.seq >= fromSeq) {
      const hash = entryHash({ ...r, prev_hash: prev });
      await db.kysely
        .updateTable("audit_log")
        .set({ prev_hash: prev, hash })
        .where("id", "=", r.id)
        .execute();
      prev = hash;
    } else prev = r.hash;
  }
  const last = rows[rows.length - 1];
  await db.kysely
    .updateTable("audit_chains")
    .set({ last_seq: last?.seq ?? 0, last_hash: prev })
    .where("id", "=", chain)
    .execute();
}

forEachDialect("audit trail tampering", (dialect) => {
  let fresh: FreshDatabase;
  let signing: AuditSigning;
  /** The chain of entries 1 to 4 (written in one transaction, so on one chain). */
  let chainA: number;
  const verify = () => verifyAuditChain(fresh.db, { publicKey, checkpointFile: signing.checkpointFile });

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    signing = {
      privateKey: loadPrivateKey(key.privateKeyFile),
      checkpointFile: join(mkdtempSync(join(tmpdir(), "limes-cp-")), "checkpoints.jsonl"),
    };
    await seed(fresh.db, signing);
    const first = await fresh.db.kysely
      .selectFrom("audit_log")
      .select("chain")
      .where("id", "=", 1)
      .executeTakeFirstOrThrow();
    chainA = first.chain;
  });
  afterAll(async () => {
    await fresh?.drop();
  });

  // Each case tampers with a copy of the seeded database, so the cases do not disturb each other.
  const tampered = async (tamper: (db: Db) => Promise<void>) => {
    const copy = await freshDatabase(dialect);
    const rows = await fresh.db.kysely.selectFrom("audit_log").selectAll().execute();
    await copy.db.kysely.deleteFrom("audit_chains").execute();
    await copy.db.kysely.insertInto("audit_log").values(rows).execute();
    await copy.db.kysely
      .insertInto("audit_chains")
      .values(await fresh.db.kysely.selectFrom("audit_chains").selectAll().execute())
      .execute();
    await copy.db.kysely
      .insertInto("audit_checkpoints")
      .values(await fresh.db.kysely.selectFrom("audit_checkpoints").selectAll().execute())
      .execute();
    try {
      await tamper(copy.db);
      return await verifyAuditChain(copy.db, { publicKey, checkpointFile: signing.checkpointFile });
    } finally {
      await copy.drop();
    }
  };

  it("verifies the untouched trail and says what the last checkpoint does not cover", async () => {
    const r = await verify();
    expect(r).toMatchObject({ ok: true, checked: 14, checkpoints: 1, uncovered: 2 });
    expect(r.verdict).toBe(
      "The audit trail is intact: 14 entries verified against 1 signed checkpoint. 2 newer entries are not yet covered by a checkpoint, so their truncation would go unnoticed.",
    );
  });

  it("1. edit: names the edited entry", async () => {
    const r = await tampered((db) =>
      db.kysely
        .updateTable("audit_log")
        .set({ object_id: "s99" })
        .where("id", "=", 2)
        .execute()
        .then(() => undefined),
    );
    expect(r.ok).toBe(false);
    expect(r.firstBroken).toEqual({
      id: 2,
      reason: `entry 2 (chain ${chainA} #2) does not match its hash (edited entry)`,
    });
    expect(r.verdict).toBe(
      `The audit trail was tampered with: first failing entry 2: ${r.firstBroken?.reason}.`,
    );
  });

  it("2. delete: names the entry after the gap", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_log").where("id", "=", 2).execute();
    });
    expect(r.firstBroken).toEqual({
      id: 3,
      reason: `chain ${chainA} #2 is missing: entry 3 (chain ${chainA} #3) follows #1 (deleted entries)`,
    });
  });

  it("3. reorder: names the first entry out of place", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.updateTable("audit_log").set({ seq: -2 }).where("id", "=", 2).execute();
      await db.kysely.updateTable("audit_log").set({ seq: 2 }).where("id", "=", 3).execute();
      await db.kysely.updateTable("audit_log").set({ seq: 3 }).where("id", "=", 2).execute();
    });
    expect(r.firstBroken).toEqual({
      id: 3,
      reason: `entry 3 (chain ${chainA} #2) does not link to the entry before it (deleted, inserted or reordered entries)`,
    });
  });

  it("4. tail truncation with the head moved back: caught by the signed checkpoint", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_log").where("chain", "=", chainA).where("seq", ">", 2).execute();
      await rehashChain(db, chainA, 3);
    });
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.reason).toMatch(
      new RegExp(
        `^chain ${chainA} #3 to #\\d+ \\(up to entry \\d+\\) are missing though signed checkpoint 1 covers them: the log was truncated$`,
      ),
    );
  });

  it("5. full wipe of entries, heads and checkpoints: caught by the external file", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_log").execute();
      await db.kysely.deleteFrom("audit_checkpoints").execute();
      await db.kysely.updateTable("audit_chains").set({ last_seq: 0, last_hash: GENESIS_HASH }).execute();
    });
    expect(r).toMatchObject({ ok: false, checked: 0 });
    expect(r.firstBroken?.reason).toMatch(
      /are missing though signed checkpoint 1 covers them: the log was truncated or wiped$/,
    );
    expect(r.verdict).toContain("checkpoint 1 of the external file was deleted from the database");
  });

  it("6. edit with every later hash recomputed: caught by the signed checkpoint", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.updateTable("audit_log").set({ object_id: "s99" }).where("id", "=", 2).execute();
      await rehashChain(db, chainA, 2);
    });
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.reason).toMatch(
      new RegExp(
        `^chain ${chainA} was rewritten with recomputed hashes: entry \\d+ \\(#\\d+\\) differs from signed checkpoint 1, and the rewrite starts at or after entry 1$`,
      ),
    );
    expect(r.firstBroken?.id).toBe(1);
  });

  it("7. deletion with renumbering and rehashing: caught by the signed checkpoint", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_log").where("id", "=", 2).execute();
      await sql`update audit_log set seq = -seq where chain = ${chainA} and seq > 2`.execute(db.kysely);
      await sql`update audit_log set seq = -seq - 1 where chain = ${chainA} and seq < 0`.execute(db.kysely);
      await rehashChain(db, chainA, 2);
    });
    expect(r.ok).toBe(false);
    expect(r.firstBroken?.reason).toMatch(
      new RegExp(
        `^chain ${chainA} (was rewritten with recomputed hashes|#\\d+ to #\\d+ \\(up to entry \\d+\\) are missing though signed checkpoint 1 covers them)`,
      ),
    );
  });

  it("8. a deleted head row: names the chain and its first entry, never 'no result'", async () => {
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_chains").where("id", "=", chainA).execute();
    });
    expect(r.firstBroken).toEqual({
      id: 1,
      reason: `the head row of chain ${chainA} was deleted, so its entries from entry 1 on are unanchored`,
    });
  });

  it("cannot see a truncation of entries newer than the last checkpoint: the documented window", async () => {
    const newest = await fresh.db.kysely
      .selectFrom("audit_log")
      .select(["chain", "seq"])
      .where("id", "=", 13)
      .executeTakeFirstOrThrow();
    const r = await tampered(async (db) => {
      await db.kysely.deleteFrom("audit_log").where("id", ">=", 13).execute();
      await rehashChain(db, newest.chain, newest.seq);
    });
    expect(r).toMatchObject({ ok: true, checked: 12, uncovered: 0 });
  });

  it("refuses a checkpoint the attacker signed with another key", async () => {
    const other = generateKeyFiles(mkdtempSync(join(tmpdir(), "limes-other-")), "audit");
    const r = await tampered(async (db) => {
      await writeCheckpoint(
        db,
        { privateKey: loadPrivateKey(other.privateKeyFile), checkpointFile: join(keyDir, "forged.jsonl") },
        "periodic",
      );
    });
    expect(r.ok).toBe(false);
    expect(r.verdict).toBe(
      "The audit trail was tampered with: checkpoint 2 in the database has no valid signature (forged or another key).",
    );
  });
});
