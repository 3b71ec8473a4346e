// List updates that cannot silently disarm screening (issue 13), on both dialects, over the API: a
// version past the safety limits is staged with an approval and screening keeps the live version until
// a second watchlist manager approves; OFAC takes its three files together.
import { readFile } from "node:fs/promises";
import { zipSync } from "fflate";
import { beforeAll, expect, it } from "vitest";
import { importWatchlist, saveWatchlistVersion } from "../../src/watchlists/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const UN = realData("watchlists", "un-sc-consolidated.xml");
const OFAC = (name: string) => realData("watchlists", "ofac-sdn", name);
const EMPTY_UN = "<CONSOLIDATED_LIST><INDIVIDUALS/><ENTITIES/></CONSOLIDATED_LIST>";

/** A multipart body as a browser sends it, serialised by the platform's own FormData. */
async function multipart(files: Record<string, Buffer>) {
  const form = new FormData();
  for (const [name, body] of Object.entries(files)) form.append(name, new Blob([body]), name);
  const req = new Request("http://x/", { method: "POST", body: form });
  return { body: Buffer.from(await req.arrayBuffer()), type: req.headers.get("content-type") ?? "" };
}

describeBothDialects("list staging and approval", (getDb) => {
  let api: TestApi;
  let unName: string;
  let unId: string;
  const upload = (query: string, body: string | Buffer, type = "application/xml", who = "manager") =>
    api.call(who, "POST", `/api/v1/watchlists?${query}`, body, { "content-type": type });
  const screen = async (name: string, schema = "person") =>
    (
      await api.call("reviewer", "POST", "/api/v1/screenings", {
        person: { name, schema },
        purpose: "entry check",
      })
    )
      .json()
      .results[0].matches.map((m: { entityId: string }) => m.entityId);
  const decide = (who: string, id: string, decision: "approve" | "reject") =>
    api.call(who, "POST", `/api/v1/approvals/${id}/${decision}`, { reason: "checked against the UN notice" });

  beforeAll(async () => {
    const un = await importWatchlist("un-xml", UN);
    await saveWatchlistVersion(getDb(), un, { actor: "system" });
    api = await startTestApi(getDb());
    unName = un.entities[0]!.name;
    unId = un.entities[0]!.id;
    await api.addUser("manager", ["watchlist_manager"]);
    await api.addUser("manager2", ["watchlist_manager"]);
    await api.addUser("reviewer", ["second_line"]);
  });

  it("holds a UN file whose dateGenerated is older than the live version's", async () => {
    const xml = (await readFile(UN, "utf8")).replace(
      /dateGenerated="[^"]+"/,
      'dateGenerated="2025-01-01T00:00:00Z"',
    );
    const r = await upload("format=un-xml&list=un-sc", xml);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({
      version: 2,
      status: "staged",
      diff: { added: 0, removed: 0, changed: 0, unchanged: 1003 },
      breaches: [
        {
          code: "source_date_backwards",
          params: { live: "2026-02-27T00:00:09.554Z", upload: "2025-01-01T00:00:00Z" },
        },
      ],
      approval: { kind: "watchlist.activate", subject: "un-sc@2", status: "pending" },
    });
  });

  it("holds an empty UN file, keeps screening on the live version, and lets only a second manager approve", async () => {
    const older = (await api.call("manager2", "GET", "/api/v1/approvals")).json().approvals[0];
    expect(await screen(unName)).toContain(unId);
    const r = await upload("format=un-xml&list=un-sc", EMPTY_UN);
    expect(r.statusCode).toBe(201);
    const staged = r.json();
    expect(staged).toMatchObject({ version: 3, status: "staged", diff: { removed: 1003 } });
    expect(staged.breaches.map((b: { code: string }) => b.code)).toEqual([
      "removed_share",
      "schema_emptied",
      "schema_emptied",
    ]);
    // The newer upload withdrew the older staged version's approval.
    expect((await decide("manager2", older.id, "approve")).statusCode).toBe(409);
    expect(await screen(unName)).toContain(unId);

    const view = (await api.call("manager2", "GET", "/api/v1/watchlists/un-sc")).json();
    expect(view).toMatchObject({
      live: { version: 1, status: "ready" },
      staged: { version: 3, baseVersion: 1, approval: { id: staged.approval.id, status: "pending" } },
    });
    expect(view.staged.removedSample).toHaveLength(10);

    expect((await api.call("manager", "GET", "/api/v1/approvals")).json().approvals).toEqual([]);
    const own = await decide("manager", staged.approval.id, "approve");
    expect([own.statusCode, own.json().error.code]).toEqual([403, "approver_is_proposer"]);
    const reviewer = await decide("reviewer", staged.approval.id, "approve");
    expect(reviewer.statusCode).toBe(403);
    expect(await screen(unName)).toContain(unId);

    const pending = (await api.call("manager2", "GET", "/api/v1/approvals")).json().approvals;
    expect(pending.map((a: { id: string }) => a.id)).toEqual([staged.approval.id]);
    const ok = await decide("manager2", staged.approval.id, "approve");
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: "approved", decidedBy: { username: "manager2" } });
    expect(await screen(unName)).toEqual([]);
    expect((await api.call("manager", "GET", "/api/v1/watchlists/un-sc")).json().live.version).toBe(3);
    const audit = await getDb()
      .kysely.selectFrom("audit_log")
      .select(["action", "actor_username"])
      .where("object_id", "in", ["un-sc@3", staged.approval.id])
      .orderBy("id")
      .execute();
    expect(audit.map((a) => `${a.action} ${a.actor_username}`)).toEqual([
      "watchlist.stage manager",
      "approval.propose manager",
      "watchlist.activate manager2",
      "approval.approve manager2",
    ]);
  });

  it("refuses sdn.csv alone (422 ofac_files_missing) unless the request says there are no aliases", async () => {
    const sdn = await readFile(OFAC("sdn.csv"));
    const alone = await upload("format=ofac-csv&list=ofac-sdn", sdn, "text/csv");
    expect(alone.statusCode).toBe(422);
    expect(alone.json().error).toMatchObject({
      code: "ofac_files_missing",
      details: { missing: ["alt.csv", "add.csv"] },
    });
    expect((await api.call("manager", "GET", "/api/v1/watchlists/ofac-sdn")).json()).toMatchObject({
      versions: 0,
      import: { status: "failed" },
    });
    const stated = await upload("format=ofac-csv&list=ofac-plain&noAliases=true", sdn, "text/csv");
    expect(stated.statusCode).toBe(201);
    expect(stated.json()).toMatchObject({ status: "ready", counts: { entities: 8976, aliases: 2438 } });
    // What the uploader said: without alt.csv, an alias of SDN 173 no longer screens as a hit.
    expect(await screen("AVIA IMPORT", "organization")).not.toContain("ofac-plain:173");
  });

  it("imports OFAC's three files as one multipart request or one zip, keeping 14,342 aliases", async () => {
    const files = {
      "sdn.csv": await readFile(OFAC("sdn.csv")),
      "alt.csv": await readFile(OFAC("alt.csv")),
      "add.csv": await readFile(OFAC("add.csv")),
    };
    const form = await multipart(files);
    const r = await upload("format=ofac-csv&list=ofac-sdn", form.body, form.type);
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ version: 1, status: "ready", counts: { aliases: 14342 } });
    expect(await screen("AVIA IMPORT", "organization")).toContain("ofac-sdn:173");
    const zip = Buffer.from(
      zipSync(Object.fromEntries(Object.entries(files).map(([n, b]) => [n, new Uint8Array(b)]))),
    );
    const z = await upload("format=ofac-csv&list=ofac-sdn", zip, "application/zip");
    expect(z.statusCode).toBe(201);
    expect(z.json()).toMatchObject({
      version: 2,
      status: "ready",
      counts: { aliases: 14342 },
      diff: { removed: 0 },
    });
  });
});
