// Screening over the API on both dialects: the request, its results and its audit entry are stored
// together or not at all; the booth sees refer/clear only; reads are scoped to the agency.
import { beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { importCsvList } from "../../src/watchlists/index.js";
import { blockNextAuditAppend, describeBothDialects } from "../support/db.js";
import { NATIONAL_LIST, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("screenings over the API", (getDb) => {
  let api: TestApi;
  // NL-0001 of the fictional national list: Đorđe Petrović, born 1979-03-14, RS.
  const listed = { name: "Djordje Petrovic", birthDate: "1979-03-14", nationalities: ["RS"] };
  const unlisted = { name: "Ingeborg Abrahamsen", birthDate: "1972-11-21" };

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
    await api.addUser("booth.2", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("reviewer.b", ["second_line"], "agency-b");
    await api.addUser("auditor", ["auditor"]);
  });

  it("stores the request, its results and its audit entry, and answers 201 with them", async () => {
    const r = await api.call("reviewer", "POST", "/api/v1/screenings", {
      persons: [listed, unlisted],
      purpose: "entry check",
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(body.results.map((x: { decision: string }) => x.decision)).toEqual(["refer", "clear"]);
    expect(body.results[0].matches[0]).toMatchObject({ entityId: "national:NL-0001", decision: "refer" });
    expect(body.results[0].matches[0].explanation.features.length).toBeGreaterThan(0);

    const db = getDb().kysely;
    const request = await db
      .selectFrom("screening_requests")
      .selectAll()
      .where("id", "=", body.id)
      .executeTakeFirstOrThrow();
    expect(request).toMatchObject({ agency: "agency-a", purpose: "entry check", created_at: body.createdAt });
    expect(JSON.parse(request.input)).toEqual([listed, unlisted]);
    const results = await db
      .selectFrom("screening_results")
      .select(["person_index", "decision"])
      .where("request_id", "=", body.id)
      .orderBy("person_index")
      .execute();
    expect(results).toEqual([
      { person_index: 0, decision: "refer" },
      { person_index: 1, decision: "clear" },
    ]);
    const audit = await db.selectFrom("audit_log").selectAll().where("object_id", "=", body.id).execute();
    expect(audit.map((e) => [e.action, e.actor_username, e.purpose, e.outcome])).toEqual([
      ["screening.create", "reviewer", "entry check", "success"],
    ]);
    expect(JSON.parse(audit[0]!.details!)).toEqual({ persons: 2, refers: 1 });
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("shows the first line only refer/clear and a reference: no list, entity, name or score", async () => {
    const lists = await importCsvList(NATIONAL_LIST);
    const entity = lists.entities.find((e) => e.sourceRef === "NL-0001")!;
    const r = await api.call("booth", "POST", "/api/v1/screenings", {
      persons: [listed, unlisted],
      purpose: "entry check",
    });
    expect(r.statusCode).toBe(201);
    const body = r.json();
    expect(Object.keys(body).sort()).toEqual(["createdAt", "id", "results"]);
    const ref = body.id.slice(0, 8).toUpperCase();
    expect(body.results).toEqual([
      { index: 0, decision: "refer", reference: `${ref}-1` },
      { index: 1, decision: "clear", reference: `${ref}-2` },
    ]);
    const text = r.body;
    for (const leak of [entity.id, entity.sourceRef, entity.name, "Petrovi", "national", "score", "NAT-"]) {
      expect(text, leak).not.toContain(leak);
    }
    // Reading it back gives the same view, and another booth officer cannot read it at all.
    const again = await api.call("booth", "GET", `/api/v1/screenings/${body.id}?purpose=recheck`);
    expect(again.json().results).toEqual(body.results);
    expect(
      (await api.call("booth.2", "GET", `/api/v1/screenings/${body.id}?purpose=recheck`)).statusCode,
    ).toBe(404);
    // The second line sees the match behind the reference.
    const detail = await api.call(
      "reviewer",
      "GET",
      `/api/v1/screenings/${body.id}?purpose=second-line review`,
    );
    expect(detail.json().results[0].matches[0].entityId).toBe("national:NL-0001");
  });

  it("scopes reads to the agency: another agency's screening is not found, even by id", async () => {
    const ours = (
      await api.call("reviewer", "POST", "/api/v1/screenings", { person: listed, purpose: "entry check" })
    ).json();
    const theirs = await api.call("reviewer.b", "GET", `/api/v1/screenings/${ours.id}?purpose=review`);
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().error).toEqual({
      code: "screening_not_found",
      message: `screening ${ours.id} not found`,
      params: { id: ours.id },
      details: {},
    });
    expect(
      (await api.call("reviewer", "GET", `/api/v1/screenings/${ours.id}?purpose=review`)).statusCode,
    ).toBe(200);
    // The audit search is scoped the same way.
    const bScreening = (
      await api.call("reviewer.b", "POST", "/api/v1/screenings", { person: unlisted, purpose: "entry check" })
    ).json();
    const seen = (
      await api.call("auditor", "GET", "/api/v1/audit?action=screening.create&limit=1000&purpose=oversight")
    ).json().entries as { objectId: string; actor: { agency: string } }[];
    expect(seen.some((e) => e.objectId === ours.id)).toBe(true);
    expect(seen.some((e) => e.objectId === bScreening.id)).toBe(false);
    expect(new Set(seen.map((e) => e.actor.agency))).toEqual(new Set(["agency-a"]));
  });

  it("records every read with its purpose, and refuses a read without one", async () => {
    const { id } = (
      await api.call("reviewer", "POST", "/api/v1/screenings", { person: unlisted, purpose: "entry check" })
    ).json();
    expect((await api.call("reviewer", "GET", `/api/v1/screenings/${id}`)).statusCode).toBe(400);
    await api.call("reviewer", "GET", `/api/v1/screenings/${id}?purpose=alert%20review`);
    const entries = (
      await api.call("auditor", "GET", `/api/v1/audit?objectId=${id}&purpose=oversight`)
    ).json().entries as { action: string; purpose: string }[];
    expect(entries.map((e) => [e.action, e.purpose])).toEqual([
      ["screening.read", "alert review"],
      ["screening.create", "entry check"],
    ]);
    // The auditor's search is on the record too.
    const own = (
      await api.call("auditor", "GET", "/api/v1/audit?action=audit.search&actor=auditor&purpose=oversight")
    ).json().entries as { action: string; purpose: string }[];
    expect(own[0]).toMatchObject({ action: "audit.search", purpose: "oversight" });
  });

  it("screens a batch of 1,000 and refuses 1,001", async () => {
    const batch = Array.from({ length: 1000 }, (_, i) => ({ name: `Traveller Number${i}` }));
    const ok = await api.call("booth", "POST", "/api/v1/screenings", {
      persons: batch,
      purpose: "ferry arrival",
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().results).toHaveLength(1000);
    const tooMany = await api.call("booth", "POST", "/api/v1/screenings", {
      persons: [...batch, { name: "One More" }],
      purpose: "ferry arrival",
    });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().error.message).toBe("body/persons must NOT have more than 1000 items");
  });

  it("wants exactly one of person and persons, each with a name", async () => {
    const both = await api.call("booth", "POST", "/api/v1/screenings", {
      person: listed,
      persons: [listed],
      purpose: "entry check",
    });
    expect(both.statusCode).toBe(400);
    expect(
      (await api.call("booth", "POST", "/api/v1/screenings", { purpose: "entry check" })).statusCode,
    ).toBe(400);
    const nameless = await api.call("booth", "POST", "/api/v1/screenings", {
      persons: [listed, { birthDate: "1980" }],
      purpose: "entry check",
    });
    expect(nameless.statusCode).toBe(422);
    expect(nameless.json().error).toEqual({
      code: "person_nameless",
      message: "person 2 has no name",
      params: { person: 2 },
      details: { index: 1 },
    });
  });

  it("fails the screening, and stores nothing of it, when its audit entry cannot be written", async () => {
    const db = getDb();
    const count = async () =>
      (await db.kysely.selectFrom("screening_requests").select("id").execute()).length;
    const before = await count();
    const unblock = await blockNextAuditAppend(db);
    try {
      const r = await api.call("booth", "POST", "/api/v1/screenings", {
        person: listed,
        purpose: "entry check",
      });
      expect(r.statusCode).toBe(500);
      expect(r.json().error).toEqual({
        code: "internal",
        message: "internal error",
        params: {},
        details: {},
      });
    } finally {
      await unblock();
    }
    expect(await count()).toBe(before);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
