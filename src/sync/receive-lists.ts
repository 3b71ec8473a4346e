// Post: fetch every list version the centre made active, check it against the checksum of the KV entry,
// store it with the centre's version number, swap the screening index, and acknowledge in the posts' KV.
// A version this post already runs is only confirmed: that time is what the first-line screen shows as
// the age of the lists.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ConflictError } from "../shared/errors.js";
import type { ListPayload, ListRelease, PostStatus } from "./model.js";
import { sha256Hex } from "./model.js";
import { ACTIVE_LISTS, allKeys, type Bus, bindKv, bindObjects, POST_STATUS } from "./nats.js";
import { confirmList, receivedLists, saveReceivedList } from "./store.js";

export interface ReceiveResult {
  swapped: ListRelease[];
  confirmed: number;
}

async function fetchVerified(bus: Bus, release: ListRelease): Promise<ListPayload> {
  const bytes = await (await bindObjects(bus)).getBlob(release.object);
  if (!bytes) throw new ConflictError(`list object ${release.object} is missing at the centre`);
  const sha = sha256Hex(bytes);
  if (sha !== release.sha256)
    throw new ConflictError(
      `list object ${release.object} has checksum ${sha}, the centre announced ${release.sha256}`,
    );
  const payload = JSON.parse(new TextDecoder().decode(bytes)) as ListPayload;
  if (payload.list !== release.list || payload.version !== release.version)
    throw new ConflictError(`list object ${release.object} holds ${payload.list}@${payload.version}`);
  return payload;
}

export async function receiveLists(
  db: Db,
  bus: Bus,
  post: string,
  reindex: () => Promise<void>,
  now = () => new Date(),
): Promise<ReceiveResult> {
  const kv = await bindKv(bus, ACTIVE_LISTS);
  const local = new Map((await receivedLists(db.kysely)).map((r) => [r.list_id, r]));
  const result: ReceiveResult = { swapped: [], confirmed: 0 };
  for (const key of await allKeys(kv)) {
    const entry = await kv.get(key);
    if (!entry?.value.length) continue;
    const release = entry.json() as ListRelease;
    const at = now().toISOString();
    const mine = local.get(release.list);
    if (mine && mine.version === release.version && mine.sha256 === release.sha256) {
      await confirmList(db.kysely, release.list, release.version, at);
      result.confirmed++;
      continue;
    }
    if (mine && mine.version >= release.version) continue;
    const payload = await fetchVerified(bus, release);
    await db.kysely.transaction().execute(async (trx) => {
      await saveReceivedList(trx, payload, release.sha256, at);
      await appendAudit(trx, {
        actor: { username: "system" },
        action: "watchlist.receive",
        objectType: "watchlist",
        objectId: release.object,
        outcome: "success",
        details: { sha256: release.sha256, entities: payload.entities.length, post },
      });
    });
    result.swapped.push(release);
  }
  if (result.swapped.length > 0) await reindex();
  await reportStatus(db, bus, post, now);
  return result;
}

/** The acknowledgement: which version of each list this post runs now. */
export async function reportStatus(db: Db, bus: Bus, post: string, now = () => new Date()) {
  const status: PostStatus = {
    post,
    lists: (await receivedLists(db.kysely)).map((r) => ({
      list: r.list_id,
      version: r.version,
      sha256: r.sha256,
      receivedAt: r.activated_at,
    })),
    reportedAt: now().toISOString(),
  };
  await (await bindKv(bus, POST_STATUS)).put(post, JSON.stringify(status));
}
