// Centre: every live list version goes to JetStream, the data to the object store and "version N is
// active" to a KV entry. Run after each activation and on a short timer, so a version activated by any
// centre process (or approved by a second manager) is published once, and a publish interrupted by a
// crash is repeated; a version already in the KV is left alone.
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { entitiesOf } from "../watchlists/index.js";
import { kvKey, type ListPayload, type ListRelease, objectName, sha256Hex } from "./model.js";
import { ACTIVE_LISTS, type Bus, bindKv, bindObjects } from "./nats.js";
import { liveVersions, versionFacts } from "./store.js";

export async function publishLiveLists(db: Db, bus: Bus, now = () => new Date()): Promise<ListRelease[]> {
  const kv = await bindKv(bus, ACTIVE_LISTS);
  const objects = await bindObjects(bus);
  const published: ListRelease[] = [];
  for (const live of await liveVersions(db.kysely)) {
    const list = live.list_id;
    const version = Number(live.version);
    const current = await kv.get(kvKey(list));
    if (current?.value.length && (current.json() as ListRelease).version === version) continue;
    const facts = await versionFacts(db.kysely, list, version);
    const payload: ListPayload = {
      list,
      name: facts.name,
      format: facts.format as ListPayload["format"],
      version,
      counts: JSON.parse(facts.counts),
      sourceDate: facts.source_date,
      entities: await entitiesOf(db.kysely, list, version),
    };
    const bytes = new TextEncoder().encode(JSON.stringify(payload));
    const release: ListRelease = {
      list,
      version,
      sha256: sha256Hex(bytes),
      object: objectName(list, version),
      activatedAt: now().toISOString(),
    };
    // The data first: a post that sees the KV entry must find the object it names.
    await objects.putBlob({ name: release.object }, bytes);
    await kv.put(kvKey(list), JSON.stringify(release));
    await appendAudit(db.kysely, {
      actor: { username: "system" },
      action: "watchlist.publish",
      objectType: "watchlist",
      objectId: release.object,
      outcome: "success",
      details: { sha256: release.sha256, entities: payload.entities.length },
    });
    published.push(release);
  }
  return published;
}
