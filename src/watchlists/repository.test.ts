import { expect, it } from "vitest";
import { blockNextAuditAppend, describeBothDialects } from "../../test/support/db.js";
import { realData } from "../../test/support/paths.js";
import { queryAudit, verifyAuditChain } from "../audit/index.js";
import { ConflictError, NotFoundError } from "../shared/errors.js";
import { importWatchlist } from "./import.js";
import { countEntities, type Entity, type ImportResult } from "./model.js";
import { getWatchlist, listWatchlists, loadLatestEntities, searchEntities } from "./repository.js";
import { saveWatchlistVersion } from "./stage.js";

const un = await importWatchlist("un-xml", realData("watchlists", "un-sc-consolidated.xml"));
const ofac = await importWatchlist("ofac-csv", realData("watchlists", "ofac-sdn", "sdn.csv"));

/** UN version 2: the first two entries delisted, the third renamed, one new entry. */
function unVersion2(): ImportResult {
  const [, , third, fourth, ...rest] = un.entities as [Entity, Entity, Entity, Entity, ...Entity[]];
  const added: Entity = { ...fourth, id: "un-sc:TEST.001", sourceRef: "TEST.001", name: "TEST PERSON" };
  const entities = [{ ...third, name: "GASTON IYAMUREMYE RUMULI" }, fourth, ...rest, added];
  return { ...un, entities, counts: countEntities(entities) };
}

const byId = (entities: readonly Entity[]) => [...entities].sort((a, b) => (a.id < b.id ? -1 : 1));

describeBothDialects("watchlist repository", (getDb) => {
  it("saves the UN and OFAC lists as version 1 in seconds, each with its audit entry", async () => {
    const db = getDb();
    const started = performance.now();
    const saved = [
      await saveWatchlistVersion(db, un, { actor: "system", file: "un-sc-consolidated.xml" }),
      await saveWatchlistVersion(db, ofac, { actor: "system", name: "OFAC SDN" }),
    ];
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(saved.map((s) => [s.list, s.version, s.status, s.file, s.counts.entities, s.diff])).toEqual([
      ["un-sc", 1, "ready", "un-sc-consolidated.xml", 1003, null],
      ["ofac-sdn", 1, "ready", null, 8976, null],
    ]);
    const rows = await db.kysely
      .selectFrom("watchlist_entities")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(9979);
    const audit = await queryAudit(db, { action: "watchlist.import" });
    expect(audit.map((e) => [e.actor.username, e.objectId, e.details])).toEqual([
      ["system", "ofac-sdn@1", { format: "ofac-csv", entities: 8976 }],
      ["system", "un-sc@1", { format: "un-xml", entities: 1003 }],
    ]);
  });

  it("loads every list's latest entities as they were imported", async () => {
    const loaded = await loadLatestEntities(getDb());
    expect(loaded).toHaveLength(9979);
    expect(byId(loaded.filter((e) => e.list === "un-sc"))).toEqual(byId(un.entities));
    expect(byId(loaded.filter((e) => e.list === "ofac-sdn"))).toEqual(byId(ofac.entities));
  });

  it("saves a changed list as the next version with its diff, ids stable across versions", async () => {
    const db = getDb();
    const progress: number[] = [];
    const v2 = await saveWatchlistVersion(db, unVersion2(), {
      actor: "system",
      onProgress: (saved, total) => progress.push(saved, total),
    });
    expect(progress).toEqual([500, 1002, 1000, 1002, 1002, 1002]);
    expect([v2.version, v2.diff]).toEqual([2, { added: 1, removed: 2, changed: 1, unchanged: 1000 }]);
    const stored = await db.kysely
      .selectFrom("watchlist_versions")
      .select("diff")
      .where("list_id", "=", "un-sc")
      .where("version", "=", 2)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.diff!)).toEqual({
      added: ["un-sc:TEST.001"],
      removed: ["un-sc:CDi.001", "un-sc:CDi.002"],
      changed: [{ id: "un-sc:CDi.003", fields: ["name"] }],
      unchanged: 1000,
    });

    const latestUn = (await loadLatestEntities(db)).filter((e) => e.list === "un-sc");
    const v1Ids = un.entities.map((e) => e.id);
    expect(latestUn.map((e) => e.id).sort()).toEqual(
      [...v1Ids.filter((id) => id !== "un-sc:CDi.001" && id !== "un-sc:CDi.002"), "un-sc:TEST.001"].sort(),
    );
    expect(latestUn.find((e) => e.id === "un-sc:CDi.003")?.name).toBe("GASTON IYAMUREMYE RUMULI");

    expect(await getWatchlist(db, "un-sc")).toMatchObject({
      id: "un-sc",
      name: "un-sc",
      format: "un-xml",
      versions: 2,
      latest: { version: 2, diff: { added: 1, removed: 2, changed: 1, unchanged: 1000 } },
    });
    expect((await listWatchlists(db)).map((w) => [w.id, w.name, w.versions])).toEqual([
      ["un-sc", "un-sc", 2],
      ["ofac-sdn", "OFAC SDN", 1],
    ]);
    await expect(getWatchlist(db, "interpol")).rejects.toBeInstanceOf(NotFoundError);
    expect((await queryAudit(db, { objectId: "un-sc@2" }))[0]?.details).toEqual({
      format: "un-xml",
      entities: 1002,
      diff: { added: 1, removed: 2, changed: 1, unchanged: 1000 },
    });
  });

  it("searches a list's latest version by name, case-insensitively, with wildcards taken literally", async () => {
    const db = getDb();
    const names = async (list: string, q: string) => (await searchEntities(db, list, q)).map((e) => e.name);
    expect(await names("un-sc", "koryo")).toEqual(["KORYO BANK", "KORYO CREDIT DEVELOPMENT BANK"]);
    expect(await names("un-sc", "gaston")).toEqual(["GASTON IYAMUREMYE RUMULI"]);
    expect(await names("un-sc", "ERIC BADEGE")).toEqual([]);
    expect(await names("un-sc", "k%bank")).toEqual([]);
    expect(await names("un-sc", "kory_")).toEqual([]);
    expect(await searchEntities(db, "un-sc", "bank", 3)).toHaveLength(3);
    await expect(searchEntities(db, "interpol", "x")).rejects.toBeInstanceOf(NotFoundError);
  });

  it("saves nothing of a version whose audit entry cannot be written", async () => {
    const db = getDb();
    const unblock = await blockNextAuditAppend(db);
    await expect(saveWatchlistVersion(db, ofac, { actor: "system" })).rejects.toThrow();
    await unblock();
    expect((await getWatchlist(db, "ofac-sdn")).versions).toBe(1);
    const rows = await db.kysely
      .selectFrom("watchlist_entities")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("list_id", "=", "ofac-sdn")
      .executeTakeFirstOrThrow();
    expect(Number(rows.n)).toBe(8976);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it("refuses the second of two imports racing for one version number", async () => {
    const db = getDb();
    const results = await Promise.allSettled([
      saveWatchlistVersion(db, un, { actor: "system" }),
      saveWatchlistVersion(db, un, { actor: "system" }),
    ]);
    const saved = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.version] : []));
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason] : []));
    expect(saved).toEqual([3]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toBeInstanceOf(ConflictError);
    expect((await getWatchlist(db, "un-sc")).latest?.version).toBe(3);
  });

  it("refuses a version that holds one entity id twice, before writing anything", async () => {
    const [first] = un.entities as [Entity];
    const twice = { ...un, entities: [first, { ...first, name: "SAME ID" }] };
    await expect(saveWatchlistVersion(getDb(), twice, { actor: "system" })).rejects.toThrow(
      "entity id un-sc:CDi.001 occurs twice in this version of un-sc",
    );
    expect((await getWatchlist(getDb(), "un-sc")).versions).toBe(3);
  });

  it("numbers the version after a failed one without reusing its number", async () => {
    const db = getDb();
    await db.kysely
      .insertInto("watchlist_versions")
      .values({
        list_id: "un-sc",
        version: 4,
        status: "failed",
        file: "broken.xml",
        imported_at: "2026-11-28T10:00:00.000Z",
        counts: JSON.stringify(countEntities([])),
        diff: null,
        error: "not UN XML",
      })
      .execute();
    const v5 = await saveWatchlistVersion(db, unVersion2(), { actor: "system" });
    // Compared with version 3 (the full UN list), the last one that is ready.
    expect([v5.version, v5.diff]).toEqual([5, { added: 1, removed: 2, changed: 1, unchanged: 1000 }]);
  });
});
