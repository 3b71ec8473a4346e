// Issue 18, acceptance: a post works offline and its records reach the centre exactly once; a new list
// version activated at the centre is live at the post within 5 s. Real processes: the centre's NATS
// JetStream server, a centre on PostgreSQL, a post on SQLite behind its own leaf node (test/sync/setup.ts).
import { readFileSync, writeFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadPublicKey, verifyAuditChain } from "../../src/audit/index.js";
import { verifyPostChains } from "../../src/sync/index.js";
import { killAll, login, waitFor } from "../support/cluster.js";
import { realData } from "../support/paths.js";
import { describeWithService } from "../support/services.js";
import {
  centreCounts,
  type Deployment,
  deploy,
  outboxCursorOf,
  PASSWORD,
  POST,
  postAuditCount,
  postCounts,
  recordCrossings,
  startLeaf,
  startPost,
} from "./setup.js";

const REFERS = [17, 250, 421];

describeWithService("nats", "a remote post on NATS JetStream", () => {
  let d: Deployment;
  let booth: string;
  const get = async <T>(base: string, path: string, token: string) =>
    (await (
      await fetch(`${base}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as T;
  const postStatus = () =>
    get<{ connected: boolean; lists: { list: string; version: number }[]; age: { warning: boolean } }>(
      d.post!.url,
      "/sync/status",
      booth,
    );

  beforeAll(async () => {
    d = await deploy();
    await startLeaf(d);
    await startPost(d);
    booth = await login(d.post!.url, "booth", PASSWORD);
    // The centre seeded the sample lists; the post starts with none and receives them.
    const s = await waitFor(postStatus, (s) => s.lists.length === 2, 150_000);
    expect(s.lists.map((l) => l.list).sort()).toHaveLength(2);
  }, 400_000);

  afterAll(async () => {
    // The processes' own logs, for a failure to be read after the run.
    if (d) {
      writeFileSync(`${d.dir}/centre.log`, d.centre.output());
      writeFileSync(`${d.dir}/post.log`, d.post?.output() ?? "");
      process.stdout.write(`sync test logs in ${d.dir}\n`);
    }
    killAll();
    await d?.postDb.close();
    await d?.centreDb.drop();
  });

  it("runs the centre's list versions, which the centre shows, with their age", async () => {
    const manager = await login(d.centre.url, "manager", PASSWORD);
    const posts = await get<{ posts: { post: string; lists: { list: string; version: number }[] }[] }>(
      d.centre.url,
      "/sync/posts",
      manager,
    );
    expect(posts.posts.map((p) => p.post)).toEqual([POST]);
    expect(posts.posts[0]!.lists).toHaveLength(2);
    const s = await postStatus();
    expect(s.connected).toBe(true);
    expect(s.age.warning).toBe(false);
  });

  it("stores a new UN version at the post within 5 s of its activation; a name added is then referred", async () => {
    const manager = await login(d.centre.url, "manager", PASSWORD);
    const un = (await postStatus()).lists.find((l) => l.list.startsWith("un"))!;
    const person = {
      surname: "Velimirovski",
      givenNames: "Zoran Petar",
      birthDate: "1969-04-02",
      nationality: "AT",
    };
    const screen = async () => {
      const r = await fetch(`${d.post!.url}/api/v1/crossings`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${booth}` },
        body: JSON.stringify({
          entry: {
            person,
            document: { type: "P", number: `Z${Date.now()}`, issuingCountry: "AUT" },
            direction: "entry",
            crossingPointId: "cp-mountain",
          },
          purpose: "entry check at the booth",
        }),
      });
      return ((await r.json()) as { result: { decision: string } }).result.decision;
    };
    expect(await screen()).toBe("clear");
    // A fictional person (self-written for this test) added to the real UN sample: the new version.
    const added = `<INDIVIDUAL><DATAID>99000001</DATAID><VERSIONNUM>1</VERSIONNUM><FIRST_NAME>ZORAN PETAR</FIRST_NAME><SECOND_NAME>VELIMIROVSKI</SECOND_NAME><UN_LIST_TYPE>TEST</UN_LIST_TYPE><REFERENCE_NUMBER>TSi.001</REFERENCE_NUMBER><LISTED_ON>2026-12-01</LISTED_ON><NATIONALITY><VALUE>Austria</VALUE></NATIONALITY><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>EXACT</TYPE_OF_DATE><DATE>1969-04-02</DATE></INDIVIDUAL_DATE_OF_BIRTH></INDIVIDUAL>`;
    const xml = readFileSync(realData("watchlists", "un-sc-consolidated.xml"), "utf8").replace(
      "<INDIVIDUAL>",
      `${added}<INDIVIDUAL>`,
    );
    const upload = await fetch(`${d.centre.url}/api/v1/watchlists?format=un-xml&list=${un.list}`, {
      method: "POST",
      headers: { "content-type": "application/xml", authorization: `Bearer ${manager}` },
      body: xml,
    });
    expect(upload.status, await upload.clone().text()).toBe(201);
    const activated = Date.now();
    const s = await waitFor(
      postStatus,
      (s) => s.lists.some((l) => l.list === un.list && l.version === un.version + 1),
      60_000,
    );
    const visible = Date.now() - activated;
    expect(s.lists.find((l) => l.list === un.list)!.version).toBe(un.version + 1);
    // When the post had fetched, verified and stored it (its audit entry), before rebuilding its index.
    const received = await d.postDb.kysely
      .selectFrom("audit_log")
      .select("ts")
      .where("action", "=", "watchlist.receive")
      .where("object_id", "=", `${un.list}@${un.version + 1}`)
      .executeTakeFirstOrThrow();
    const stored = Date.parse(received.ts) - activated;
    process.stdout.write(
      `new UN version: stored at the post ${stored} ms after the centre's activation answered, ` +
        `shown as running by the post's status after ${visible} ms (index rebuilt)\n`,
    );
    expect(stored).toBeLessThan(5000);
    expect(await screen()).toBe("refer");
  }, 120_000);

  /** Everything the post holds is at the centre once: its audit entries, message ids and crossings. */
  const expectExactlyOnce = async () => {
    const post = await postCounts(d);
    const centre = await waitFor(
      () => centreCounts(d),
      (c) => c.audit >= post.audit,
      120_000,
    );
    expect(centre).toEqual({ inbox: post.audit, audit: post.audit, crossings: post.crossings });
    expect((await verifyPostChains(d.centreDb.db)).map((c) => c.break)).toEqual([undefined]);
    return centre;
  };
  const cutLink = async () => {
    await d.leaf!.stop();
    expect((await waitFor(postStatus, (s) => !s.connected, 20_000)).connected).toBe(false);
  };
  const atCentre = async (ids: string[]) =>
    (await d.centreDb.db.kysely.selectFrom("crossings").select("id").where("id", "in", ids).execute()).length;

  it("records 500 crossings offline and delivers them exactly once when the link is back", async () => {
    await cutLink();
    const ids = await recordCrossings(d.post!.url, booth, "a", 500, REFERS);
    expect(ids).toHaveLength(500);
    // Longer than the stream's duplicate window (1 s): only the centre's own idempotence is left.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await atCentre(ids)).toBe(0);
    await startLeaf(d);
    const centre = await expectExactlyOnce();
    process.stdout.write(`after the outage: ${JSON.stringify(centre)}\n`);
    expect(await atCentre(ids)).toBe(500);
    const refers = await d.centreDb.db.kysely
      .selectFrom("alerts")
      .select("id")
      .where(
        "source_id",
        "in",
        REFERS.map((i) => ids[i]!),
      )
      .execute();
    expect(refers).toHaveLength(3);
    const reviewer = await login(d.centre.url, "reviewer", PASSWORD);
    const queue = await get<{ alerts: { id: string }[] }>(d.centre.url, "/alerts?limit=100", reviewer);
    for (const a of refers) expect(queue.alerts.map((x) => x.id)).toContain(a.id);
  }, 300_000);

  it("sends the centre's review and decision on a post's alert back to the post, with an audit entry", async () => {
    const reviewer = await login(d.centre.url, "reviewer", PASSWORD);
    const alert = await d.centreDb.db.kysely
      .selectFrom("alerts")
      .innerJoin("sync_origins as o", (j) =>
        j.onRef("o.object_id", "=", "alerts.id").on("o.object_type", "=", "alert"),
      )
      .select("alerts.id")
      .where("o.origin", "=", POST)
      .where("alerts.status", "=", "open")
      .executeTakeFirstOrThrow();
    const call = async (path: string, body: object) => {
      const r = await fetch(`${d.centre.url}/api/v1/alerts/${alert.id}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${reviewer}` },
        body: JSON.stringify({ purpose: "second-line review of a post's alert", ...body }),
      });
      expect(r.status, await r.clone().text()).toBeLessThan(300);
      return ((await r.json()) as { status?: string; alert?: { status: string } }) ?? {};
    };
    const statusAtPost = async () =>
      (
        await d.postDb.kysely
          .selectFrom("alerts")
          .select("status")
          .where("id", "=", alert.id)
          .executeTakeFirstOrThrow()
      ).status;
    const centreStatus = async () =>
      (
        await d.centreDb.db.kysely
          .selectFrom("alerts")
          .select("status")
          .where("id", "=", alert.id)
          .executeTakeFirstOrThrow()
      ).status;

    expect(await statusAtPost()).toBe("open");
    await call("/review", {});
    const reviewed = await centreStatus();
    expect(reviewed).not.toBe("open");
    expect(await waitFor(statusAtPost, (s) => s === reviewed, 30_000)).toBe(reviewed);

    await call("/decisions", {
      outcome: "confirmed",
      reason: "The document number and the birth date agree with the listed person.",
      legalBasis: "Schengen Borders Code Art. 8: thorough checks at second line",
    });
    const decided = await centreStatus();
    expect(decided).not.toBe(reviewed);
    expect(await waitFor(statusAtPost, (s) => s === decided, 30_000)).toBe(decided);
    const received = await d.postDb.kysely
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "alert.decision_received")
      .where("object_id", "=", alert.id)
      .execute();
    expect(received.map((r) => JSON.parse(String(r.details)).status)).toEqual([reviewed, decided]);
  }, 120_000);

  it("re-sent after the duplicate window, everything is ingested once; both chains verify", async () => {
    const before = await centreCounts(d);
    // The post forgets how far it got, as after restoring an old backup: it re-sends its whole log.
    await d.post!.stop();
    await d.postDb.kysely
      .updateTable("sync_state")
      .set({ value: "0" })
      .where("key", "=", "outbox.audit_id")
      .execute();
    await startPost(d);
    const total = await postAuditCount(d);
    const cursor = await waitFor(
      () => outboxCursorOf(d),
      (n) => n >= total,
      120_000,
    );
    expect(cursor).toBeGreaterThanOrEqual(total);
    // Every re-sent message reached the stream again (its duplicate window is long past); none was
    // ingested twice, and the centre only gained the post's few entries since (start, list checks).
    const after = await expectExactlyOnce();
    expect(after.crossings).toBe(before.crossings);
    const verdict = await verifyAuditChain(d.centreDb.db, {
      publicKey: loadPublicKey(d.auditKey.publicKeyFile),
      checkpointFile: `${d.dir}/centre-checkpoints.jsonl`,
    });
    expect(verdict.ok, verdict.verdict).toBe(true);
  }, 300_000);

  it("survives kill -9 of the post in the middle of its catch-up: exactly once, nothing lost", async () => {
    await cutLink();
    const ids = await recordCrossings(d.post!.url, booth, "b", 500, REFERS);
    const before = await centreCounts(d);
    const total = await postAuditCount(d);
    await startLeaf(d);
    // Some of the backlog arrived, not all of it: now the post dies.
    const mid = await waitFor(
      () => centreCounts(d),
      (c) => c.audit > before.audit + 50,
      60_000,
    );
    await d.post!.kill9();
    expect(mid.audit).toBeGreaterThan(before.audit + 50);
    expect(mid.audit).toBeLessThan(total);
    await startPost(d);
    const after = await expectExactlyOnce();
    expect(await atCentre(ids)).toBe(500);
    process.stdout.write(
      `kill -9 after ${mid.audit - before.audit} of ${total - before.audit} messages; after: ${JSON.stringify(after)}\n`,
    );
  }, 300_000);
});
