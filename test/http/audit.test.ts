// The auditor's routes on both dialects: the log paged by cursor with a total, and the verdict of the
// server's own verification against its signed checkpoints, the same sentence as the CLI's.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, expect, it } from "vitest";
import {
  type AuditSigning,
  appendAudit,
  generateKeyFiles,
  loadPrivateKey,
  writeCheckpoint,
} from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

describeBothDialects("the audit routes", (getDb) => {
  let api: TestApi;
  let signing: AuditSigning;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "limes-audit-http-"));
    signing = {
      privateKey: loadPrivateKey(generateKeyFiles(dir, "audit").privateKeyFile),
      checkpointFile: join(dir, "checkpoints.jsonl"),
    };
    api = await startTestApi(getDb(), { auditSigning: signing });
    await api.addUser("auditor", ["auditor"]);
    for (let i = 0; i < 7; i++)
      await appendAudit(getDb().kysely, {
        actor: { username: "officer1", agency: "agency-a" },
        action: "paging.test",
        objectType: "test",
        objectId: `t${i}`,
        outcome: "success",
      });
  });

  it("pages through the log newest first by cursor, with the total, to the last page", async () => {
    const page = async (cursor?: string) => {
      const r = await api.call(
        "auditor",
        "GET",
        `/api/v1/audit?action=paging.test&limit=3&purpose=oversight${cursor ? `&cursor=${cursor}` : ""}`,
      );
      expect(r.statusCode).toBe(200);
      return r.json() as { entries: { objectId: string }[]; total: number; nextCursor?: string };
    };
    const first = await page();
    expect([first.entries.map((e) => e.objectId), first.total]).toEqual([["t6", "t5", "t4"], 7]);
    const second = await page(first.nextCursor);
    expect([second.entries.map((e) => e.objectId), second.total]).toEqual([["t3", "t2", "t1"], 7]);
    const last = await page(second.nextCursor);
    expect(last).toEqual({ entries: [expect.objectContaining({ objectId: "t0" })], total: 7 });
    const bad = await api.call("auditor", "GET", "/api/v1/audit?purpose=oversight&cursor=abc");
    expect(bad.statusCode).toBe(400);
  });

  it("verifies against the server's signed checkpoints and says so in one sentence", async () => {
    await writeCheckpoint(getDb(), signing, "periodic");
    const ok = await api.call("auditor", "GET", "/api/v1/audit/verify");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ ok: true, checkpoints: 1, uncovered: 0 });
    expect(ok.json().verdict).toMatch(
      /^The audit trail is intact: \d+ entries verified against 1 signed checkpoint\.$/,
    );
    const { chain } = await getDb()
      .kysely.selectFrom("audit_log")
      .select("chain")
      .where("action", "=", "paging.test")
      .orderBy("id")
      .executeTakeFirstOrThrow();
    await getDb().kysely.deleteFrom("audit_chains").where("id", "=", chain).execute();
    const broken = (await api.call("auditor", "GET", "/api/v1/audit/verify")).json();
    expect(broken.ok).toBe(false);
    expect(broken.verdict).toMatch(
      new RegExp(
        `^The audit trail was tampered with: first failing entry \\d+: the head row of chain ${chain} was deleted`,
      ),
    );
  });
});
