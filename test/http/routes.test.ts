// Every route against every role, on both dialects: anonymous gets 401, a role without the permission
// gets 403 (and an audit entry), a role with it gets its 2xx. The table must name every route the API
// documents, so a new route cannot slip in without its row.
import { generateKeyPairSync } from "node:crypto";
import { sql } from "kysely";
import { beforeAll, expect, it } from "vitest";
import { ROLES, type Role } from "../../src/access/index.js";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

// ICAO 9303 specimen TD3 (Utopia): on no list.
const SPECIMEN_MRZ =
  "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";
// A hand-written FAL Form 6 with two fictional passengers (columns: test/fixtures/travel/README.md).
const CARGO_CSV = `consignment,consignor,consignee,hs_code,description,containers
BL1,Piraeus Marble Works SA,Bar Port Logistics,251511,Marble blocks,CSQU3054383
`;
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
// A fictional carrier declaring EUR 12,000 (EUR needs no rate).
const CASH = {
  direction: "entry",
  carrier: { name: "Table Carrier" },
  items: [{ kind: "currency", currency: "EUR", amount: 12_000 }],
  crossingPointId: "cp-table",
};
// Hand-written CSV in the documented national-list format.
const CSV_LIST = "id,name,birth_dates,nationalities\nTBL-1,Table Row Person,1970-01-01,RS\n";
// A partner node's public key, generated per run.
const PARTNER_KEY = generateKeyPairSync("ed25519")
  .publicKey.export({ type: "spki", format: "pem" })
  .toString();

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
  status: 200 | 201 | 204 | 400 | 404 | 409 | 422;
  /**
   * What a role the gate admits gets from the use case when it differs from `status`: the second line
   * (seizures, retentions) and admins (partner agreements) reach the approvals routes but may not decide
   * a list's approval.
   */
  statusFor?: Partial<Record<Role, number>>;
  /** The call spends its token (logout): every role signs in afresh for it. */
  freshToken?: boolean;
}

describeBothDialects("every route and every role", (getDb) => {
  let api: TestApi;
  let screeningId: string;
  let manifestId: string;
  let cargoId: string;
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
    cargoId = (
      await api.call("first_line", "POST", "/api/v1/cargo/manifests?purpose=arrival%20check", CARGO_CSV, {
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
    {
      route: "POST /api/v1/cargo/manifests",
      url: "/api/v1/cargo/manifests?purpose=arrival%20check",
      body: CARGO_CSV,
      contentType: "text/plain",
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "GET /api/v1/cargo/manifests/:id",
      url: `/api/v1/cargo/manifests/${cargoId}?purpose=review`,
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
    {
      route: "PUT /api/v1/crossing-points/:id/border-section",
      url: "/api/v1/crossing-points/none-such/border-section",
      body: { borderSection: "MK-RS land border", reason: "regional network" },
      allowed: ["admin"],
      status: 404,
    },
    // No node identity in the harness: the export is refused after the gate.
    {
      route: "GET /api/v1/regional/bundle",
      url: "/api/v1/regional/bundle?month=2026-11",
      allowed: ["admin"],
      status: 409,
    },
    { route: "POST /api/v1/regional/bundles", body: {}, allowed: ["admin"], status: 400 },
    { route: "GET /api/v1/regional/bundles", allowed: ["analyst", "admin"], status: 200 },
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
    // The second line decides seizures and retentions (issue 17), admins partner agreements (issue 16):
    // neither decides list activations.
    {
      route: "GET /api/v1/approvals",
      allowed: ["second_line", "watchlist_manager", "admin"],
      status: 200,
    },
    {
      route: "GET /api/v1/approvals/:id",
      url: `/api/v1/approvals/${approvalIds[0]}`,
      allowed: ["second_line", "watchlist_manager", "admin"],
      status: 200,
      statusFor: { second_line: 404, admin: 404 },
    },
    {
      // The admin comes after the manager: the approval is decided by then.
      route: "POST /api/v1/approvals/:id/approve",
      url: `/api/v1/approvals/${approvalIds[0]}/approve`,
      body: { reason: "The national list was withdrawn." },
      allowed: ["second_line", "watchlist_manager", "admin"],
      status: 200,
      statusFor: { second_line: 403, admin: 409 },
    },
    {
      route: "POST /api/v1/approvals/:id/reject",
      url: `/api/v1/approvals/${approvalIds[1]}/reject`,
      body: { reason: "Not announced by the list owner." },
      allowed: ["second_line", "watchlist_manager", "admin"],
      status: 200,
      statusFor: { second_line: 403, admin: 409 },
    },
    { route: "GET /api/v1/partners/agreements", allowed: ["second_line", "admin"], status: 200 },
    {
      // Refused by the use case: the national list is national-only.
      route: "POST /api/v1/partners/agreements",
      body: {
        partnerNodeId: "MK-BORDER",
        partnerKey: PARTNER_KEY,
        partnerUrl: "http://127.0.0.1:9",
        validFrom: "2026-01-01",
        validTo: "2027-01-01",
        purposes: ["counter-terrorism"],
        queryKinds: ["person"],
        lists: ["national"],
        categories: ["identity"],
        retentionDays: 30,
        ratePerMinute: 10,
        contact: "SPOC desk",
        reason: "bilateral protocol",
      },
      allowed: ["admin"],
      status: 422,
    },
    {
      route: "POST /api/v1/partners/agreements/:id/suspend",
      url: "/api/v1/partners/agreements/none/suspend",
      body: { reason: "breach notified" },
      allowed: ["admin"],
      status: 404,
    },
    {
      route: "GET /api/v1/partners/sharing",
      allowed: ["second_line", "analyst", "watchlist_manager", "admin"],
      status: 200,
    },
    {
      route: "PUT /api/v1/watchlists/:id/sharing",
      url: "/api/v1/watchlists/none/sharing",
      body: { sharing: "partners", reason: "agreed" },
      allowed: ["watchlist_manager"],
      status: 404,
    },
    {
      // The test node has no node identity to sign with: the gate let it through to the use case.
      route: "POST /api/v1/alerts/:id/partner-checks",
      url: `/api/v1/alerts/${alertId}/partner-checks`,
      body: { partnerNodeId: "XX-NODE", purpose: "counter-terrorism", kind: "person" },
      allowed: ["second_line"],
      status: 409,
    },
    {
      // As above: no node identity to sign the follow-up with.
      route: "POST /api/v1/partner-checks/:id/follow-ups",
      url: "/api/v1/partner-checks/none-such/follow-ups",
      body: {
        categories: ["identity"],
        reason: "hit on a watchlisted person",
        legalBasis: "Prüm decision art. 5",
      },
      allowed: ["second_line"],
      status: 409,
    },
    {
      route: "GET /api/v1/partner-checks/:id/follow-ups",
      url: "/api/v1/partner-checks/none-such/follow-ups",
      allowed: ["second_line"],
      status: 404,
    },
    { route: "GET /api/v1/partner-requests", allowed: ["second_line"], status: 200 },
    {
      route: "POST /api/v1/partner-requests/:id/approve",
      url: "/api/v1/partner-requests/none-such/approve",
      body: { reason: "legal basis checked" },
      allowed: ["second_line"],
      status: 409,
    },
    {
      route: "POST /api/v1/partner-requests/:id/refuse",
      url: "/api/v1/partner-requests/none-such/refuse",
      body: { reason: "no legal basis" },
      allowed: ["second_line"],
      status: 409,
    },
    {
      // No one works for that agency: refused by the use case, after the gate.
      route: "POST /api/v1/alerts/:id/hand-overs",
      url: `/api/v1/alerts/${alertId}/hand-overs`,
      body: { agency: "no-such-agency", mode: "read", reason: "customs interest" },
      allowed: ["second_line"],
      status: 422,
    },
    {
      route: "GET /api/v1/hand-overs",
      url: "/api/v1/hand-overs?purpose=queue",
      allowed: ["second_line"],
      status: 200,
    },
    {
      route: "GET /api/v1/alerts/:id/partner-checks",
      url: `/api/v1/alerts/${alertId}/partner-checks`,
      allowed: ["second_line"],
      status: 200,
    },
    { route: "GET /api/v1/stats/overview", allowed: ["second_line", "analyst", "auditor"], status: 200 },
    { route: "GET /api/v1/sync/status", allowed: ["first_line", "second_line"], status: 200 },
    {
      route: "GET /api/v1/sync/posts",
      allowed: ["second_line", "analyst", "watchlist_manager"],
      status: 200,
    },
    { route: "GET /api/v1/sync/audit", allowed: ["auditor"], status: 200 },
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
    // Checks at the post (issue 17): the booth and the second line check; a seizure or retention of
    // something never checked is a 404 past the gate.
    {
      route: "POST /api/v1/vehicle-checks",
      body: {
        plate: { country: "HR", number: "ZG 9999 ZZ" },
        direction: "entry",
        crossingPointId: "cp-table",
        occupants: [],
        purpose: "entry",
      },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/firearm-checks",
      body: { serial: "TBL-12345", make: "Zastava", crossingPointId: "cp-table", purpose: "entry" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/firearm-checks/:id/seizure",
      url: "/api/v1/firearm-checks/no-such-check/seizure",
      body: { reason: "Listed as trafficked." },
      allowed: ["first_line", "second_line"],
      status: 404,
    },
    {
      route: "POST /api/v1/aircraft-checks",
      body: { registration: "9A-TBL", crossingPointId: "cp-table", purpose: "arrival" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/vessels/fal1",
      url: "/api/v1/vessels/fal1?purpose=arrival&crossingPointId=cp-table",
      body: "field,value\ndirection,arrival\nship_name,MS TABLE TEST\nport,HRRJK\n",
      contentType: "text/csv",
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    // The lists of the checks at the post: watchlist managers replace them (a bad file is a 422 past the gate).
    {
      route: "PUT /api/v1/goods-lists/stolen-vehicles",
      body: "record_id,plate_number,vin,status\n",
      contentType: "text/csv",
      allowed: ["watchlist_manager"],
      status: 422,
    },
    {
      route: "PUT /api/v1/goods-lists/firearms",
      body: "record_id,serial_number,make,status\n",
      contentType: "text/csv",
      allowed: ["watchlist_manager"],
      status: 422,
    },
    {
      route: "POST /api/v1/cash/declarations",
      body: { ...CASH, purpose: "entry" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/cash/detections",
      body: { ...CASH, purpose: "entry" },
      allowed: ["first_line", "second_line"],
      status: 201,
    },
    {
      route: "POST /api/v1/cash/records/:id/retention",
      url: "/api/v1/cash/records/no-such-record/retention",
      body: { measure: "retention", reason: "Undeclared cash." },
      allowed: ["first_line", "second_line"],
      status: 404,
    },
    { route: "GET /api/v1/cash/statistics", allowed: ["second_line", "analyst", "auditor"], status: 200 },
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
      "GET /.well-known/limes-node",
      "GET /api/yente/reconcile/:dataset",
    ];
    // Partner nodes' routes: no session, a signature (test/http/partners.test.ts).
    const signedRoutes = [
      "POST /partner/v1/queries",
      "POST /partner/v1/follow-ups",
      "POST /partner/v1/follow-up-answers",
      "POST /partner/v1/regional-bundles",
    ];
    expect(documented.sort()).toEqual(
      [...table().map((r) => r.route), ...publicRoutes, ...signedRoutes].sort(),
    );
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
          allowed ? (row.statusFor?.[role] ?? row.status) : 403,
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
      error: {
        code: "not_found",
        message: "no route GET /api/v1/nothing-here",
        params: { method: "GET", url: "/api/v1/nothing-here" },
        details: {},
      },
    });
  });
});
