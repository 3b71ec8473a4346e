// One real deployment for the sync tests (issue 18): the centre's NATS JetStream server (its own store,
// duplicate window 1 s), a centre process on a fresh PostgreSQL database, and one post on SQLite behind
// its own leaf node, all real processes started from deploy/nats/*.conf and `src/main.ts`.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "kysely";
import { createAccessService } from "../../src/access/index.js";
import { generateKeyFiles } from "../../src/audit/index.js";
import { type Db, migrate, openDatabase } from "../../src/db/index.js";
import { crossingBody, inWorkers, postCrossing, seedBooth } from "../support/booth.js";
import { type LimesProc, type NatsProc, startCentreNats, startLimes, startNats } from "../support/cluster.js";
import { type FreshDatabase, freshDatabase } from "../support/db.js";

export const PASSWORD = "remote posts work offline 2026";
export const POST = "mountain-1";

export interface Deployment {
  dir: string;
  hub: NatsProc & { leafPort: number };
  leaf?: NatsProc;
  leafPort: number;
  centreDb: FreshDatabase;
  centre: LimesProc;
  postDb: Db;
  postFile: string;
  post?: LimesProc;
  auditKey: { privateKeyFile: string; publicKeyFile: string };
}

async function seedPost(file: string) {
  const db = await openDatabase(`sqlite:${file}`);
  await migrate(db);
  await seedBooth(db, {
    password: PASSWORD,
    agency: "demo",
    crossingPoint: { id: "cp-mountain", code: "MOUNTAIN", name: "Mountain road post" },
  });
  return db;
}

export async function deploy(): Promise<Deployment> {
  const dir = mkdtempSync(join(tmpdir(), "limes-sync-"));
  const auditKey = generateKeyFiles(dir, "audit");
  const hub = await startCentreNats();
  const centreDb = await freshDatabase("postgres");
  const access = createAccessService(centreDb.db);
  for (const [username, role] of [
    ["reviewer", "second_line"],
    ["manager", "watchlist_manager"],
  ] as const)
    await access.createUser("system", { username, password: PASSWORD, roles: [role], agency: "demo" });
  const centre = await startLimes({
    LIMES_DB: centreDb.url,
    LIMES_NATS_URL: hub.url,
    LIMES_NATS_DOMAIN: "centre",
    LIMES_SYNC_DUPLICATE_WINDOW_SECONDS: "1",
    LIMES_AUDIT_KEY: auditKey.privateKeyFile,
    LIMES_AUDIT_CHECKPOINTS: join(dir, "centre-checkpoints.jsonl"),
  });
  const postFile = join(dir, "post.db");
  const postDb = await seedPost(postFile);
  return { dir, hub, leafPort: 0, centreDb, centre, postDb, postFile, auditKey };
}

/** The post's leaf node, on the same client port across restarts so the post reconnects by itself. */
export async function startLeaf(d: Deployment): Promise<NatsProc> {
  d.leaf = await startNats(
    "post-leaf",
    { NATS_HUB_LEAF_URL: `nats-leaf://127.0.0.1:${d.hub.leafPort}` },
    d.leafPort || undefined,
  );
  d.leafPort = d.leaf.port;
  return d.leaf;
}

export async function startPost(d: Deployment): Promise<LimesProc> {
  d.post = await startLimes({
    LIMES_DB: `sqlite:${d.postFile}`,
    LIMES_ROLE: "post",
    LIMES_POST_ID: POST,
    LIMES_NATS_URL: `nats://127.0.0.1:${d.leafPort}`,
    LIMES_NATS_DOMAIN: "centre",
    LIMES_LIST_WARN_HOURS: "1",
    LIMES_AUDIT_KEY: d.auditKey.privateKeyFile,
    LIMES_AUDIT_CHECKPOINTS: join(d.dir, "post-checkpoints.jsonl"),
  });
  return d.post;
}

/** Records `n` crossings at the post, four at a time; those whose index is in `refers` present the stolen passport. */
export async function recordCrossings(base: string, token: string, tag: string, n: number, refers: number[]) {
  const ids: string[] = [];
  await inWorkers(n, 4, async (i) => {
    const body = crossingBody(`${tag}x${i}`, { crossingPointId: "cp-mountain", stolen: refers.includes(i) });
    const r = await postCrossing(base, token, body);
    if (r.status !== 201) throw new Error(`crossing ${i}: ${r.status} ${await r.text()}`);
    ids[i] = ((await r.json()) as { id: string }).id;
  });
  return ids;
}

/** What the centre holds from the post. */
export async function centreCounts(d: Deployment) {
  const q = d.centreDb.db.kysely;
  const count = async (t: "sync_inbox" | "sync_audit" | "crossings") =>
    Number((await q.selectFrom(t).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow()).n);
  return {
    inbox: await count("sync_inbox"),
    audit: await count("sync_audit"),
    crossings: await count("crossings"),
  };
}

export async function postAuditCount(d: Deployment) {
  const r = await d.postDb.kysely
    .selectFrom("audit_log")
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** What the post holds, in the same terms as centreCounts. */
export async function postCounts(d: Deployment) {
  const q = d.postDb.kysely;
  const crossings = await q
    .selectFrom("crossings")
    .select(sql<number>`count(*)`.as("n"))
    .executeTakeFirstOrThrow();
  return { audit: await postAuditCount(d), crossings: Number(crossings.n) };
}

export async function outboxCursorOf(d: Deployment): Promise<number> {
  const row = await d.postDb.kysely
    .selectFrom("sync_state")
    .select("value")
    .where("key", "=", "outbox.audit_id")
    .executeTakeFirst();
  return Number(row?.value ?? 0);
}
