// The yente-compatible API on both dialects, against the fictional national list: FtM in and out, every
// query recorded as a screening with the key's purpose, the first-line rule, anonymous calls refused, and
// a key for a tool kept to this API.
import { beforeAll, expect, it } from "vitest";
import { queryAudit, verifyAuditChain } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const PURPOSE = "carrier due diligence";
// NL-0001 of the fictional national list: Đorđe Petrović, born 1979-03-14, RS.
const listed = {
  schema: "Person",
  properties: { name: ["Djordje Petrovic"], birthDate: ["1979-03-14"], nationality: ["rs"] },
};
const unlisted = { schema: "Person", properties: { name: "Ingeborg Abrahamsen", birthDate: ["1972-11-21"] } };

describeBothDialects("the yente-compatible API", (getDb) => {
  let api: TestApi;
  const keys: Record<string, string> = {};
  const call = (key: string | undefined, method: "GET" | "POST", url: string, payload?: object) =>
    api.app.inject({
      method,
      url,
      ...(payload ? { payload } : {}),
      headers: key ? { authorization: `ApiKey ${keys[key]}` } : {},
    });

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("booth", ["first_line"]);
    for (const [user, client] of [
      ["analyst", "refine"],
      ["booth", "booth-tool"],
    ] as const) {
      const made = await api.services.access.createClientKey({
        username: user,
        client,
        purpose: PURPOSE,
        expiresInDays: 30,
      });
      keys[client] = made.key;
    }
  });

  it("matches FtM examples with the engine's scores, refer decision and explanation, recorded as a screening", async () => {
    const r = await call("refine", "POST", "/api/yente/match/default", {
      queries: { a: listed, b: unlisted },
    });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    const top = body.responses.a.results[0];
    expect(top).toMatchObject({
      id: "national:NL-0001",
      caption: "Đorđe Petrović",
      schema: "Person",
      datasets: ["national"],
      referents: ["NL-0001"],
      match: true,
    });
    expect(top.properties.birthDate).toEqual(["1979-03-14"]);
    expect(top.properties.passportNumber).toEqual(["P01234567"]);
    expect(top.features.name_similarity).toBeGreaterThan(0.9);
    expect(top.features.birthDate).toBeGreaterThan(0);
    expect(top.explanation.features.length).toBeGreaterThan(0);
    expect(body.responses.b.results.filter((x: { match: boolean }) => x.match)).toEqual([]);
    expect(body.responses.a.query).toEqual(listed);
    expect(body.responses.b.query.properties.name).toEqual(["Ingeborg Abrahamsen"]);
    expect(Object.keys(body.matcher)).toContain("name_similarity");

    const stored = await getDb()
      .kysely.selectFrom("screening_requests")
      .selectAll()
      .where("id", "=", body.screeningId)
      .executeTakeFirstOrThrow();
    expect(stored.purpose).toBe(PURPOSE);
    const audit = await queryAudit(getDb(), { action: "screening.create" });
    expect(audit.find((e) => e.objectId === body.screeningId)).toMatchObject({
      actor: { username: "analyst" },
      purpose: PURPOSE,
      details: { persons: 2, refers: 1 },
    });
    expect((await verifyAuditChain(getDb())).ok).toBe(true);
  });

  it("answers a batch of 50 queries in one request, each under its own key", async () => {
    const queries = Object.fromEntries(
      Array.from({ length: 50 }, (_, i) => [`q${i}`, i % 2 === 0 ? listed : unlisted]),
    );
    const r = await call("refine", "POST", "/api/yente/match/national?limit=1", { queries });
    expect(r.statusCode).toBe(200);
    const responses = r.json().responses;
    expect(Object.keys(responses)).toHaveLength(50);
    expect(responses.q48.results.map((x: { id: string }) => x.id)).toEqual(["national:NL-0001"]);
    expect(responses.q49.results.every((x: { match: boolean }) => !x.match)).toBe(true);
  });

  it("refuses anonymous calls, a first-line key, and a tool's key outside this API", async () => {
    for (const [method, url] of [
      ["POST", "/api/yente/match/default"],
      ["GET", "/api/yente/catalog"],
      ["GET", "/api/yente/algorithms"],
      ["GET", "/api/yente/entities/national:NL-0001"],
    ] as const) {
      const anonymous = await call(
        undefined,
        method,
        url,
        method === "POST" ? { queries: { a: listed } } : undefined,
      );
      expect([url, anonymous.statusCode]).toEqual([url, 401]);
    }
    const booth = await call("booth-tool", "POST", "/api/yente/match/default", { queries: { a: listed } });
    expect(booth.statusCode).toBe(403);
    expect((await call("booth-tool", "GET", "/api/yente/entities/national:NL-0001")).statusCode).toBe(403);
    const outside = await call("refine", "GET", "/api/v1/screenings");
    expect([outside.statusCode, outside.json().error.code]).toEqual([403, "client_key_scope"]);
  });

  it("gives bad input a clear 4xx and records nothing", async () => {
    const before = await getDb().kysely.selectFrom("screening_requests").select("id").execute();
    const cases: [string, object, number][] = [
      ["/api/yente/match/no-such-list", { queries: { a: listed } }, 404],
      [
        "/api/yente/match/default",
        { queries: { a: { schema: "Address", properties: { name: ["x"] } } } },
        422,
      ],
      [
        "/api/yente/match/default",
        { queries: { a: { schema: "Person", properties: { birthDate: ["1970"] } } } },
        422,
      ],
      ["/api/yente/match/default", { queries: {} }, 422],
      ["/api/yente/match/default?limit=99", { queries: { a: listed } }, 422],
      ["/api/yente/match/default?changed_since=2020-01-01", { queries: { a: listed } }, 400],
    ];
    for (const [url, payload, status] of cases) {
      const r = await call("refine", "POST", url, payload);
      expect([url, r.statusCode]).toEqual([url, status]);
      expect(r.json().error.code).toBeTypeOf("string");
    }
    const after = await getDb().kysely.selectFrom("screening_requests").select("id").execute();
    expect(after.length).toBe(before.length);
  });

  it("reads one entity as FtM, audited with the key's purpose; an unknown one is a 404", async () => {
    const r = await call("refine", "GET", "/api/yente/entities/national:NL-0001");
    expect(r.statusCode).toBe(200);
    expect(r.json()).toMatchObject({
      id: "national:NL-0001",
      schema: "Person",
      properties: { nationality: ["rs"] },
    });
    const reads = await queryAudit(getDb(), { action: "entity.read" });
    expect(reads.at(-1)).toMatchObject({
      objectId: "national:NL-0001",
      purpose: PURPOSE,
      details: { client: "refine" },
    });
    expect((await call("refine", "GET", "/api/yente/entities/national:NOPE")).statusCode).toBe(404);
  });

  it("lists the watchlists as datasets and the engine as the algorithm", async () => {
    const catalog = (await call("refine", "GET", "/api/yente/catalog")).json();
    expect(catalog.datasets.map((d: { name: string }) => d.name)).toEqual(["national", "default"]);
    expect(catalog.datasets[1].children).toEqual(["national"]);
    const algorithms = (await call("refine", "GET", "/api/yente/algorithms")).json();
    expect([algorithms.default, algorithms.algorithms[0].name]).toEqual(["limes", "limes"]);
  });

  it("searches by POST; the search by GET is not offered unless turned on", async () => {
    const r = await call("refine", "POST", "/api/yente/search/default", { q: "Petrovic Djordje" });
    expect(r.statusCode).toBe(200);
    expect(r.json().results[0]).toMatchObject({ id: "national:NL-0001" });
    expect(r.json().results[0].score).toBeUndefined();
    expect((await call("refine", "GET", "/api/yente/search/default?q=Petrovic")).statusCode).toBe(404);
  });
});
