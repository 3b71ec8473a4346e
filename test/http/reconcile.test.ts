// The W3C Reconciliation API 0.2 on both dialects: every response validates against the specification's
// JSON schemas (data/real/standards/reconciliation-0.2, copied unchanged), queries are screened and
// audited like /match, and names never travel in a URL by default.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";
import formats from "ajv-formats";
import { beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { realData } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const PURPOSE = "reconciling a carrier's passenger sheet";

function validators() {
  // The files declare the draft-less "http://json-schema.org/schema#"; their keywords are draft-07's.
  const ajv = new Ajv({ strict: false, validateSchema: false, allErrors: true });
  // ajv-formats is CommonJS: under NodeNext its function is the default export's `default`.
  (formats as unknown as { default: (a: Ajv) => void }).default(ajv);
  // Self-written stand-in for the one external reference (Swagger 2.0's security definitions), which
  // cannot be fetched here: the three kinds of security scheme Swagger 2.0 defines, and their fields.
  ajv.addSchema({
    $id: "http://swagger.io/v2/schema.json",
    definitions: {
      securityDefinitions: {
        additionalProperties: {
          type: "object",
          required: ["type"],
          properties: {
            type: { enum: ["basic", "apiKey", "oauth2"] },
            name: { type: "string" },
            in: { enum: ["header", "query"] },
          },
          if: { properties: { type: { const: "apiKey" } } },
          // biome-ignore lint/suspicious/noThenProperty: a JSON Schema keyword
          then: { required: ["name", "in"] },
        },
      },
    },
  });
  const names = [
    "type",
    "manifest",
    "reconciliation-result-batch",
    "suggest-entities-response",
    "data-extension-response",
  ] as const;
  for (const n of names)
    ajv.addSchema(JSON.parse(readFileSync(realData("standards", "reconciliation-0.2", `${n}.json`), "utf8")));
  return (name: (typeof names)[number], data: unknown) => {
    const validate = ajv.getSchema(`https://reconciliation-api.github.io/specs/0.2/schemas/${name}.json`)!;
    return validate(data)
      ? []
      : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath} ${e.message}`);
  };
}

describeBothDialects("the reconciliation API 0.2", (getDb) => {
  let api: TestApi;
  let key = "";
  const valid = validators();
  const form = (body: Record<string, string>) => new URLSearchParams(body).toString();
  const post = (url: string, body: Record<string, string>, auth = `ApiKey ${key}`) =>
    api.app.inject({
      method: "POST",
      url,
      payload: form(body),
      headers: { "content-type": "application/x-www-form-urlencoded; charset=UTF-8", authorization: auth },
    });
  const get = (url: string) =>
    api.app.inject({ method: "GET", url, headers: { authorization: `ApiKey ${key}` } });

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("analyst", ["analyst"]);
    await api.addUser("booth", ["first_line"]);
    key = (
      await api.services.access.createClientKey({
        username: "analyst",
        client: "openrefine",
        purpose: PURPOSE,
        expiresInDays: 30,
      })
    ).key;
  });

  it("serves a manifest that validates, without a key", async () => {
    const r = await api.app.inject({ method: "GET", url: "/api/yente/reconcile/default" });
    expect(r.statusCode).toBe(200);
    expect(valid("manifest", r.json())).toEqual([]);
    expect(r.json().authentication).toEqual({ type: "apiKey", name: "Authorization", in: "header" });
    // The validator is not a rubber stamp: a manifest without the 0.2 version fails it.
    expect(valid("manifest", { ...(r.json() as object), versions: ["0.1"] })).not.toEqual([]);
  });

  it("reconciles a batch posted as a form, screened and audited, in the specification's shape", async () => {
    const queries = {
      q0: { query: "Djordje Petrovic", type: "Person", properties: [{ pid: "birthDate", v: "1979-03-14" }] },
      q1: { query: "Ingeborg Abrahamsen", limit: 3 },
    };
    const r = await post("/api/yente/reconcile/default", { queries: JSON.stringify(queries) });
    expect(r.statusCode).toBe(200);
    const body = r.json();
    expect(valid("reconciliation-result-batch", body)).toEqual([]);
    expect(body.q0.result[0]).toMatchObject({
      id: "national:NL-0001",
      match: true,
      type: [{ id: "Person" }],
    });
    expect(body.q1.result.length).toBeLessThanOrEqual(3);
    expect(body.q1.result.some((c: { match: boolean }) => c.match)).toBe(false);
    const { score: _, ...noScore } = body.q0.result[0] as Record<string, unknown>;
    expect(valid("reconciliation-result-batch", { q0: { result: [noScore] } })).not.toEqual([]);
    const audit = await queryAudit(getDb(), { action: "screening.create" });
    expect(audit.at(-1)).toMatchObject({
      actor: { username: "analyst" },
      purpose: PURPOSE,
      details: { persons: 2 },
    });
  });

  it("extends reconciled entities with their properties, audited", async () => {
    const propose = (await get("/api/yente/reconcile/default/extend/propose?type=Person")).json();
    expect(propose.properties.map((x: { id: string }) => x.id)).toContain("birthDate");
    const extend = {
      ids: ["national:NL-0001", "national:NOPE"],
      properties: [{ id: "birthDate" }, { id: "nationality" }],
    };
    const r = await post("/api/yente/reconcile/default", { extend: JSON.stringify(extend) });
    expect(r.statusCode).toBe(200);
    expect(valid("data-extension-response", r.json())).toEqual([]);
    expect(r.json().rows["national:NL-0001"]).toEqual({
      birthDate: [{ str: "1979-03-14" }],
      nationality: [{ str: "rs" }],
    });
    expect(r.json().rows["national:NOPE"]).toEqual({ birthDate: [], nationality: [] });
    const reads = await queryAudit(getDb(), { action: "entity.read" });
    expect(reads.at(-1)).toMatchObject({
      purpose: PURPOSE,
      details: { ids: extend.ids, client: "openrefine" },
    });
  });

  it("suggests entities (prefix in the body), properties and types, and previews an entity", async () => {
    const entity = await post("/api/yente/reconcile/default/suggest/entity", { prefix: "Petrov" });
    expect(entity.statusCode).toBe(200);
    expect(valid("suggest-entities-response", entity.json())).toEqual([]);
    expect(entity.json().result[0]).toMatchObject({ id: "national:NL-0001" });
    const property = (await get("/api/yente/reconcile/default/suggest/property?prefix=birth")).json();
    expect(property.result.map((x: { id: string }) => x.id)).toEqual(["birthDate", "birthPlace"]);
    const type = (await get("/api/yente/reconcile/default/suggest/type?prefix=ves")).json();
    expect(type.result).toEqual([{ id: "Vessel", name: "Vessel" }]);
    const preview = await get("/api/yente/reconcile/default/preview?id=national:NL-0001");
    expect([preview.statusCode, preview.headers["content-type"]]).toEqual([200, "text/html; charset=utf-8"]);
    expect(preview.body).toContain("<bdi>Đorđe Petrović</bdi>");
  });

  it("keeps names out of URLs and refuses anonymous calls, a first-line user and bad input", async () => {
    const inUrl = await api.app.inject({ method: "GET", url: "/api/yente/reconcile/default?queries=%7B%7D" });
    expect(inUrl.statusCode).toBe(400);
    expect((await get("/api/yente/reconcile/default/suggest/entity?prefix=Petrov")).statusCode).toBe(404);
    const q = JSON.stringify({ q0: { query: "Djordje Petrovic" } });
    expect((await post("/api/yente/reconcile/default", { queries: q }, "")).statusCode).toBe(401);
    expect(
      (await post("/api/yente/reconcile/default", { queries: q }, `Bearer ${api.token("booth")}`)).statusCode,
    ).toBe(403);
    for (const body of [
      { queries: "not json" },
      { queries: JSON.stringify({ q0: { nope: 1 } }) },
      {},
    ] as Record<string, string>[]) {
      const r = await post("/api/yente/reconcile/default", body);
      expect([JSON.stringify(body), r.statusCode, r.json().error.code]).toEqual([
        JSON.stringify(body),
        400,
        "bad_request",
      ]);
    }
  });
});
