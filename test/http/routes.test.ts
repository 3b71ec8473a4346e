// Every route against every role, on both dialects: anonymous gets 401, a role without the permission
// gets 403 (and an audit entry), a role with it gets its 2xx. The table must name every route the API
// documents, so a new route cannot slip in without its row.
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/access/index.js";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

// ICAO 9303 specimen TD3 (Utopia): on no list.
const SPECIMEN_MRZ =
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
// A hand-written FAL Form 6 with two fictional passengers (columns: test/fixtures/travel/README.md).
const FAL6 = [
  "# direction: arrival",
  "# vessel: MS TABLE TEST",
  "Family Name,Given Names,Nationality,Date of Birth,Place of Birth,Document Type,Document Number,Issuing State,Document Expiry,Port of Embarkation,Port of Disembarkation,Transit",
  "LINDQVIST,Astrid,SWE,1958-09-30,Uppsala,P,91234567,SWE,2028-04-12,SEGOT,DEHAM,no",
  "SANTOS FERREIRA,Ana Beatriz,BRA,2011-07-19,Recife,P,FZ 882011,BRA,2027-07-18,NLRTM,DEHAM,no",
  "",
].join("\n");
// A rule that passes the prohibited-grounds guard: a route and a document fact.
const RULE = {
  name: "Short-notice travel on a document about to expire",
  owner: "risk-analysis-unit",
  justification: "Regional risk analysis links this route to document fraud on near-expiry passports.",
  evidence: "RA-2026-014",
  reviewDate: "2099-12-31",
  priority: "standard",
  action: "refer",
  condition: {
    all: [
      { field: "route.origin", op: "eq", value: "XXX" },
      { field: "document.expiresInDays", op: "lt", value: 30 },
    ],
  },
} as const;
// Hand-written CSV in the documented national-list format.
const CSV_LIST = "id,name,birth_dates,nationalities\nTBL-1,Table Row Person,1970-01-01,RS\n";

/** Roles that see list details (`screening:read_details`), and those that read the lists. */
const DETAILS: readonly Role[] = ["second_line", "analyst"];
const LIST_READERS: readonly Role[] = ["second_line", "analyst", "watchlist_manager"];

interface Row {
  /** As the OpenAPI document names it, with `:param` for path parameters. */
  route: string;
  /** The URL called, when it differs from the route (path parameters, query). */
  url?: string;
  body?: string | object;
  contentType?: string;
  allowed: readonly Role[];
  /** A 404 or 422 where a real success would change what other rows rely on: the gate let it through. */
  status: 200 | 201 | 204 | 404 | 422;
  /** The call spends its token (logout): every role signs in afresh for it. */
  freshToken?: boolean;
}

describeBothDialects("every route and every role", (getDb) => {
  let api: TestApi;
  let screeningId: string;
  let manifestId: string;
  /** One alert the table reviews, decides and closes; another with an adverse action awaiting approval. */
  let alertId: string;
  let pendingAlertId: string;
  let pendingDecisionId: string;
  let recordId: string;
  let ruleId: string;
  /** One referral per role that may close it, as a closed referral cannot be closed again. */
  let referralIds: string[];
  /** Two staged list versions waiting for a second manager: the table approves one, rejects the other. */
  let approvalIds: string[];

  beforeAll(async () => {
    api = await startTestApi(getDb());
    for (const role of ROLES) await api.addUser(role, [role]);
    await api.addCrossingPoint("cp-table");
    screeningId = (
      await api.call("first_line", "POST", "/api/v1/screenings", {
        person: { name: "Some Traveller" },
        purpose: "entry check",
      })
    ).json().id;
    manifestId = (
      await api.call("first_line", "POST", "/api/v1/manifests?purpose=arrival%20check", FAL6, {
        "content-type": "text/plain",
      })
    ).json().id;
    // Two crossings of a person on the fictional national list (NL-0012) open two alerts.
    const horvat = {
      person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
      direction: "entry",
      crossingPointId: "cp-table",
    };
    const open = async () => {
      const r = await api.call("first_line", "POST", "/api/v1/crossings", {
        entry: horvat,
        purpose: "entry",
      });
      const alerts = await api.services.alerts.list(await principal("second_line"));
      return alerts.alerts.find((a) => a.reference === r.json().result.reference)!.id;
    };
    alertId = await open();
    pendingAlertId = await open();
    await api.addUser("reviewer.other", ["second_line"]);
    const proposed = await api.call("reviewer.other", "POST", `/api/v1/alerts/${pendingAlertId}/decisions`, {
      outcome: "confirmed",
      adverseAction: "detention",
      reason: "Identity confirmed against the listing at a second-line interview.",
      legalBasis: "National aliens act: entry conditions",
      purpose: "review",
    });
    pendingDecisionId = proposed.json().decision.id;
    // Two referrals for a fictional person: the table closes one, and reads the other's record.
    const recorded = await api.services.protection.record(await principal("first_line"), {
      person: { surname: "Table", givenNames: "Person" },
      kinds: ["asylum_request", "medical_need"],
      purpose: "booth",
    });
    recordId = recorded.records[0]!.id;
    referralIds = recorded.referrals.map((r) => r.id);
    ruleId = (await api.services.rules.create(await principal("analyst"), RULE)).id;
    // A one-entity list replaced by an empty one removes 100%: staged, waiting for another manager.
    await api.addUser("manager.other", ["watchlist_manager"]);
    const other = await principal("manager.other");
    approvalIds = [];
    for (const list of ["table-staged-a", "table-staged-b"]) {
      const upload = (body: string) =>
        api.services.watchlists.importUpload(other, {
          format: "csv",
          list,
          files: [{ name: "list.csv", body: Buffer.from(body) }],
        });
      await upload(CSV_LIST);
      approvalIds.push((await upload("id,name\n")).approval!.id);
    }
  });

  const principal = async (username: string) =>
    (await api.services.access.authenticate(api.token(username)))!;

  const table = (): Row[] => [
    { route: "POST /api/v1/auth/logout", allowed: ROLES, status: 204, freshToken: true },
    { route: "GET /api/v1/auth/me", allowed: ROLES, status: 200 },
    { route: "PUT /api/v1/auth/locale", body: { locale: "fr" }, allowed: ROLES, status: 204 },
    {
      // Refused as unchanged, so no one's password changes here.
      route: "POST /api/v1/auth/password",
      body: { currentPassword: PASSWORD, newPassword: PASSWORD },
      allowed: ROLES,
      status: 422,
    },
    { route: "POST /api/v1/auth/totp", allowed: ROLES, status: 201 },
    { route: "POST /api/v1/auth/totp/confirm", body: { code: "000000" }, allowed: ROLES, status: 422 },
    {
      route: "POST /api/v1/screenings",
      body: { person: { name: "Some Traveller" }, purpose: "entry check" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "GET /api/v1/screenings",
      // first_line lists its own screenings; rows carry counts, no names.
      allowed: ["first_line", "second_line", "analyst"],
      status: 200,
    },
    {
      route: "GET /api/v1/screenings/:id",
      url: `/api/v1/screenings/${screeningId}?purpose=review`,
      // first_line reads back its own screening (this one), as refer/clear only.
      allowed: ["first_line", "second_line", "analyst"],
      status: 200,
    },
    {
      route: "GET /api/v1/watchlists",
      allowed: ["second_line", "analyst", "watchlist_manager"],
      status: 200,
    },
    {
      route: "POST /api/v1/watchlists",
      url: "/api/v1/watchlists?format=csv&list=table-list",
      body: CSV_LIST,
      contentType: "text/csv",
      allowed: ["watchlist_manager"],
      status: 201,
    },
    {
      route: "GET /api/v1/watchlists/:id",
      url: "/api/v1/watchlists/national",
      allowed: ["second_line", "analyst", "watchlist_manager"],
      status: 200,
    },
    {
      route: "POST /api/v1/watchlists/:id/entities/search",
      url: "/api/v1/watchlists/national/entities/search",
      body: { q: "an", purpose: "review" },
      allowed: ["second_line", "analyst", "watchlist_manager"],
      status: 200,
    },
    {
      route: "POST /api/v1/crossings",
      body: { mrz: SPECIMEN_MRZ, direction: "entry", purpose: "entry check" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/manifests",
      url: "/api/v1/manifests?purpose=arrival%20check",
      body: FAL6,
      contentType: "text/plain",
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "GET /api/v1/manifests/:id",
      url: `/api/v1/manifests/${manifestId}?purpose=review`,
      allowed: ["first_line", "second_line", "analyst"],
      status: 200,
    },
    { route: "GET /api/v1/crossing-points", allowed: ROLES, status: 200 },
    {
      route: "POST /api/v1/crossing-points",
      body: { code: "TBL-1", name: "Table", kind: "sea", country: "HR" },
      allowed: ["admin"],
      status: 201,
    },
    { route: "GET /api/v1/users", allowed: ["admin"], status: 200 },
    { route: "GET /api/v1/users/login-activity", allowed: ["admin"], status: 200 },
    // An id that names no one: the gate is what is tested, and no user is disabled or reset.
    ...(["disable", "enable", "reset-password"] as const).map(
      (action): Row => ({
        route: `POST /api/v1/users/:id/${action}`,
        url: `/api/v1/users/no-such-user/${action}`,
        allowed: ["admin"],
        status: 404,
      }),
    ),
    {
      route: "POST /api/v1/users",
      body: { username: "table.user", password: PASSWORD, roles: ["analyst"], agency: "agency-a" },
      allowed: ["admin"],
      status: 201,
    },
    {
      route: "GET /api/v1/audit",
      url: "/api/v1/audit?purpose=oversight",
      allowed: ["auditor"],
      status: 200,
    },
    { route: "GET /api/v1/audit/verify", allowed: ["auditor"], status: 200 },
    { route: "GET /api/v1/alerts", allowed: ["second_line"], status: 200 },
    { route: "GET /api/v1/legal-bases", allowed: ["second_line"], status: 200 },
    {
      route: "GET /api/v1/alerts/:id",
      url: `/api/v1/alerts/${alertId}?purpose=review`,
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "POST /api/v1/alerts/:id/review",
      url: `/api/v1/alerts/${alertId}/review`,
      body: { purpose: "review" },
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "POST /api/v1/alerts/:id/decisions",
      url: `/api/v1/alerts/${alertId}/decisions`,
      body: {
        outcome: "cleared_false_positive",
        reason: "A namesake: another birth date and another document.",
        legalBasis: "Identity not confirmed: false positive",
        purpose: "review",
      },
      allowed: ["second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/alerts/:id/close",
      url: `/api/v1/alerts/${alertId}/close`,
      body: { reason: "Decided and the traveller informed.", purpose: "review" },
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "POST /api/v1/alerts/:id/decisions/:decisionId/approve",
      url: `/api/v1/alerts/${pendingAlertId}/decisions/${pendingDecisionId}/approve`,
      body: { purpose: "review" },
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "POST /api/v1/protection/records",
      body: { person: { surname: "Table" }, kinds: ["other"], purpose: "booth" },
      allowed: ["first_line", "second_line", "protection_officer"],
      status: 201,
    },
    {
      route: "GET /api/v1/protection/referrals",
      allowed: ["second_line", "protection_officer"],
      status: 200,
    },
    {
      route: "GET /api/v1/protection/records/:id",
      url: `/api/v1/protection/records/${recordId}?purpose=tracking`,
      allowed: ["second_line", "protection_officer"],
      status: 200,
    },
    {
      route: "POST /api/v1/protection/records/:id/links",
      url: `/api/v1/protection/records/${recordId}/links`,
      body: { alertId, purpose: "the same person as on this alert" },
      allowed: ["second_line", "protection_officer"],
      status: 201,
    },
    {
      route: "POST /api/v1/protection/referrals/:id/close",
      url: `/api/v1/protection/referrals/${referralIds[0]}/close`,
      body: { outcome: "Taken up by the asylum authority.", purpose: "tracking" },
      allowed: ["protection_officer"],
      status: 200,
    },
    { route: "GET /api/v1/approvals", allowed: ["watchlist_manager"], status: 200 },
    {
      route: "GET /api/v1/approvals/:id",
      url: `/api/v1/approvals/${approvalIds[0]}`,
      allowed: ["watchlist_manager"],
      status: 200,
    },
    {
      route: "POST /api/v1/approvals/:id/approve",
      url: `/api/v1/approvals/${approvalIds[0]}/approve`,
      body: { reason: "The national list was withdrawn." },
      allowed: ["watchlist_manager"],
      status: 200,
    },
    {
      route: "POST /api/v1/approvals/:id/reject",
      url: `/api/v1/approvals/${approvalIds[1]}/reject`,
      body: { reason: "Not announced by the list owner." },
      allowed: ["watchlist_manager"],
      status: 200,
    },
    { route: "GET /api/v1/stats/overview", allowed: ["second_line", "analyst", "auditor"], status: 200 },
    { route: "GET /api/v1/rules", allowed: ["analyst", "auditor"], status: 200 },
    { route: "POST /api/v1/rules/check", body: { rule: RULE }, allowed: ["analyst"], status: 200 },
    { route: "POST /api/v1/rules", body: { rule: RULE }, allowed: ["analyst"], status: 201 },
    {
      route: "GET /api/v1/rules/:id",
      url: `/api/v1/rules/${ruleId}`,
      allowed: ["analyst", "auditor"],
      status: 200,
    },
    {
      route: "PUT /api/v1/rules/:id",
      url: `/api/v1/rules/${ruleId}`,
      body: { rule: RULE },
      allowed: ["analyst"],
      status: 200,
    },
    {
      route: "GET /api/v1/rules/:id/stats",
      url: `/api/v1/rules/${ruleId}/stats`,
      allowed: ["analyst", "auditor"],
      status: 200,
    },
    {
      route: "GET /api/v1/alerts/export",
      url: "/api/v1/alerts/export?format=csv&purpose=report",
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "GET /api/v1/screenings/:id/export",
      url: `/api/v1/screenings/${screeningId}/export?format=ftm&purpose=report`,
      allowed: ["second_line", "analyst"],
      status: 200,
    },
    {
      route: "GET /api/v1/manifests/:id/export",
      url: `/api/v1/manifests/${manifestId}/export?format=csv&purpose=report`,
      allowed: ["first_line", "second_line", "analyst"],
      status: 200,
    },
    // The yente-compatible API and reconciliation (issue 19): list details for reviewers only.
    {
      route: "POST /api/yente/match/:dataset",
      url: "/api/yente/match/default?purpose=table",
      body: { queries: { a: { schema: "Person", properties: { name: ["Some Traveller"] } } } },
      allowed: DETAILS,
      status: 200,
    },
    {
      route: "POST /api/yente/search/:dataset",
      url: "/api/yente/search/default",
      body: { q: "Some Traveller", purpose: "table" },
      allowed: DETAILS,
      status: 200,
    },
    {
      route: "GET /api/yente/entities/:id",
      url: "/api/yente/entities/national:NL-0001?purpose=table",
      allowed: DETAILS,
      status: 200,
    },
    { route: "GET /api/yente/catalog", allowed: LIST_READERS, status: 200 },
    { route: "GET /api/yente/algorithms", allowed: LIST_READERS, status: 200 },
    {
      route: "POST /api/yente/reconcile/:dataset",
      url: "/api/yente/reconcile/default",
      body: { queries: JSON.stringify({ q0: { query: "Some Traveller" } }), purpose: "table" },
      allowed: DETAILS,
      status: 200,
    },
    {
      route: "GET /api/yente/reconcile/:dataset/extend/propose",
      url: "/api/yente/reconcile/default/extend/propose",
      allowed: LIST_READERS,
      status: 200,
    },
    {
      route: "GET /api/yente/reconcile/:dataset/suggest/property",
      url: "/api/yente/reconcile/default/suggest/property?prefix=b",
      allowed: LIST_READERS,
      status: 200,
    },
    {
      route: "GET /api/yente/reconcile/:dataset/suggest/type",
      url: "/api/yente/reconcile/default/suggest/type?prefix=P",
      allowed: LIST_READERS,
      status: 200,
    },
    {
      route: "POST /api/yente/reconcile/:dataset/suggest/entity",
      url: "/api/yente/reconcile/default/suggest/entity",
      body: { prefix: "Petr", purpose: "table" },
      allowed: DETAILS,
      status: 200,
    },
    {
      route: "GET /api/yente/reconcile/:dataset/preview",
      url: "/api/yente/reconcile/default/preview?id=national:NL-0001&purpose=table",
      allowed: DETAILS,
      status: 200,
    },
  ];

  it("names every documented route", async () => {
    const doc = (await api.app.inject({ url: "/api/docs/json" })).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ":$1")}`),
    );
    const publicRoutes = [
      "GET /health",
      "GET /ready",
      "POST /api/v1/auth/login",
      "GET /api/yente/reconcile/:dataset",
    ];
    expect(documented.sort()).toEqual([...table().map((r) => r.route), ...publicRoutes].sort());
  });

  it("answers 401 without a token, 403 for a role without the permission, 2xx with it", async () => {
    let denied = 0;
    for (const row of table()) {
      const [method, path] = row.route.split(" ") as ["GET" | "POST" | "PUT", string];
      const url = row.url ?? path;
      const headers: Record<string, string> = row.contentType ? { "content-type": row.contentType } : {};
      const anonymous = await api.call(undefined, method, url, row.body, headers);
      expect(anonymous.statusCode, `${row.route} anonymous`).toBe(401);
      expect(anonymous.json().error.code).toBe("unauthenticated");
      for (const role of ROLES) {
        const allowed = row.allowed.includes(role);
        if (row.freshToken) await api.addUser(`${role}.fresh`, [role]);
        const r = await api.call(row.freshToken ? `${role}.fresh` : role, method, url, row.body, headers);
        expect(r.statusCode, `${row.route} as ${role}: ${r.body.slice(0, 200)}`).toBe(
          allowed ? row.status : 403,
        );
        if (!allowed) {
          denied++;
          expect(r.json().error.code).toBe("forbidden");
        }
      }
    }
    // Every refusal is on the record.
    const { n } = await getDb()
      .kysely.selectFrom("audit_log")
      .select(sql<number>`count(*)`.as("n"))
      .where("action", "=", "access.denied")
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(denied);
    expect(denied).toBe(table().reduce((n, r) => n + ROLES.length - r.allowed.length, 0));
  });

  it("keeps health, readiness, login and the API description public", async () => {
    expect((await api.app.inject({ url: "/health" })).json()).toEqual({ status: "ok" });
    // The 16 national entities, the one the table's upload added (the index was swapped), and the one of
    // the staged list whose emptying was rejected (the approved one is empty now).
    expect((await api.app.inject({ url: "/ready" })).json()).toEqual({ status: "ready", indexed: 18 });
    expect((await api.app.inject({ url: "/api/docs" })).statusCode).toBeLessThan(400);
    expect((await api.app.inject({ url: "/api/docs/json" })).json().info.title).toBe("Limes API");
    const login = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "auditor", password: PASSWORD },
    });
    expect(login.statusCode).toBe(200);
    // The table's row for PUT /auth/locale chose French for every user.
    expect(login.json().user).toEqual({
      username: "auditor",
      roles: ["auditor"],
      agency: "agency-a",
      locale: "fr",
    });
  });

  it("answers an unknown route 404 in the same error shape", async () => {
    const r = await api.call("admin", "GET", "/api/v1/nothing-here");
    expect(r.statusCode).toBe(404);
    expect(r.json()).toEqual({
      error: { code: "not_found", message: "no route GET /api/v1/nothing-here", details: {} },
    });
  });
});
