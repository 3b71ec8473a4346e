// Retention (issue 12, item 6) on both dialects: what has expired is depersonalised, in batches of one
// transaction and one audit entry each; what sits under an open alert or an open protection referral is
// kept; a dry run counts exactly what a run does and changes nothing; a failure in the middle of a batch
// leaves nothing half-done. The listed persons are the fictional national list in data/samples.
import { afterAll, beforeAll, expect, it } from "vitest";
import { verifyAuditChain } from "../../src/audit/index.js";
import { DEFAULT_RETENTION, type RetentionReport, runRetention } from "../../src/retention/index.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { limes } from "../support/cli.js";
import { blockNextAuditAppend, type FreshDatabase, forEachDialect, freshDatabase } from "../support/db.js";

const PURPOSE = "second-line review of a border alert";
const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const policy = { ...DEFAULT_RETENTION, batchSize: 1 };

const entry = (person: Record<string, string>, number: string) => ({
  person,
  document: { type: "P", number, issuingCountry: "AT" },
  direction: "entry",
  crossingPointId: "cp-bajakovo",
});
const ANNA = {
  surname: "Gruber",
  givenNames: "Anna",
  birthDate: "1980-01-01",
  nationality: "AT",
  gender: "female",
};
const HORVAT = { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" };
const POPESCU = { surname: "Popescu", givenNames: "Elena", birthDate: "1990-04-17", nationality: "RO" };
const LENA = { surname: "Berger", givenNames: "Lena", birthDate: "1985-03-03", nationality: "AT" };
const IVANA = { surname: "Kovač", givenNames: "Ivana", birthDate: "1991-05-05", nationality: "HR" };

forEachDialect("retention", (dialect) => {
  let fresh: FreshDatabase;
  let api: TestApi;
  const ids: Record<string, { crossing: string; screening: string; alertId?: string }> = {};
  let protectionRecord = "";

  const cross = async (name: string, e: unknown) => {
    const r = await api.call("reviewer", "POST", "/api/v1/crossings", { entry: e, purpose: "entry check" });
    expect(r.statusCode).toBe(201);
    ids[name] = { crossing: r.json().id, screening: r.json().screeningId, alertId: r.json().result.alertId };
  };
  const backdate = async (name: string, days: number) => {
    const k = fresh.db.kysely;
    await k
      .updateTable("screening_requests")
      .set({ created_at: ago(days) })
      .where("id", "=", ids[name]!.screening)
      .execute();
    await k
      .updateTable("crossings")
      .set({ created_at: ago(days) })
      .where("id", "=", ids[name]!.crossing)
      .execute();
  };
  const crossingData = async (name: string) =>
    await fresh.db.kysely
      .selectFrom("crossings")
      .selectAll()
      .where("id", "=", ids[name]!.crossing)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    fresh = await freshDatabase(dialect);
    api = await startTestApi(fresh.db);
    await api.addCrossingPoint("cp-bajakovo");
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("protection", ["protection_officer"]);
    await cross("expired", entry(ANNA, "A100"));
    await backdate("expired", 40);
    await cross("recent", entry(ANNA, "A101"));
    await cross("openAlert", entry(HORVAT, "H100"));
    await backdate("openAlert", 40);
    await cross("closedAlert", entry(POPESCU, "R100"));
    const alertId = ids.closedAlert!.alertId!;
    const decided = await api.call("reviewer", "POST", `/api/v1/alerts/${alertId}/decisions`, {
      outcome: "cleared_false_positive",
      reason: "Different passport and place of birth; a namesake of the listed person.",
      legalBasis: "Identity not confirmed: false positive",
      purpose: PURPOSE,
    });
    expect(decided.statusCode).toBe(201);
    const closed = await api.call("reviewer", "POST", `/api/v1/alerts/${alertId}/close`, {
      reason: "Namesake confirmed at interview; nothing further to do.",
      purpose: PURPOSE,
    });
    expect(closed.statusCode).toBe(200);
    await backdate("closedAlert", 6 * 366);
    await fresh.db.kysely
      .updateTable("alerts")
      .set({ updated_at: ago(6 * 366) })
      .where("id", "=", alertId)
      .execute();
    // Asylum on a no-hit crossing: its record is bound to the crossing.
    await cross("asylumOnCrossing", entry(LENA, "B102"));
    await backdate("asylumOnCrossing", 40);
    const onCrossing = await api.call("reviewer", "POST", "/api/v1/protection/records", {
      crossingId: ids.asylumOnCrossing!.crossing,
      kinds: ["asylum_request"],
      purpose: "asylum request at the booth",
    });
    expect(onCrossing.statusCode).toBe(201);
    // Asylum recorded without a document; the same person crosses with a passport (person key).
    expect(
      (
        await api.call("reviewer", "POST", "/api/v1/protection/records", {
          person: IVANA,
          kinds: ["asylum_request"],
          purpose: "asylum request at the booth",
        })
      ).statusCode,
    ).toBe(201);
    await cross("asylumByPerson", entry(IVANA, "K100"));
    await backdate("asylumByPerson", 40);
    // A protection record whose referral closed twelve years ago.
    const old = await api.call("reviewer", "POST", "/api/v1/protection/records", {
      person: { surname: "Begić", givenNames: "Selma", birthDate: "1970-01-01", nationality: "BA" },
      kinds: ["medical_need"],
      note: "Needs insulin.",
      purpose: "vulnerability at the booth",
    });
    protectionRecord = old.json().records[0].id;
    const referral = old.json().referrals[0].id;
    const closeRef = await api.call("protection", "POST", `/api/v1/protection/referrals/${referral}/close`, {
      outcome: "Treated by the medical service.",
      purpose: "referral follow-up",
    });
    expect(closeRef.statusCode).toBe(200);
    await fresh.db.kysely
      .updateTable("protection_records")
      .set({ created_at: ago(12 * 366) })
      .where("id", "=", protectionRecord)
      .execute();
    await fresh.db.kysely
      .updateTable("referrals")
      .set({ closed_at: ago(12 * 366) })
      .where("id", "=", referral)
      .execute();
  });
  afterAll(async () => {
    await api?.app.close();
    await fresh?.drop();
  });

  const expected = (r: RetentionReport) => {
    expect(r.screenings).toMatchObject({
      screenings: 2,
      crossings: 2,
      manifests: 0,
      alerts: 1,
      heldByPersonKey: 1,
    });
    expect(r.protection).toMatchObject({ records: 1, batches: 1 });
    expect(r.screenings.batches).toBe(2);
  };
  const retentionEntries = () =>
    fresh.db.kysely
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "retention.depersonalise")
      .execute();

  it("counts in a dry run exactly what it would depersonalise, and changes nothing", async () => {
    const report = await runRetention(fresh.db, policy, { dryRun: true });
    process.stdout.write(
      `[${dialect}] dry run: ${JSON.stringify({ screenings: report.screenings, protection: report.protection, audit: report.audit })}\n`,
    );
    expected(report);
    expect(report.dryRun).toBe(true);
    expect(JSON.parse((await crossingData("expired")).data).traveller.surname).toBe("Gruber");
    expect(await retentionEntries()).toHaveLength(0);
  });

  it("gives the same dry-run counts through the CLI", () => {
    const r = limes.withEnv({ LIMES_DB: fresh.url, LIMES_RETENTION_BATCH: "1" })(
      "retention",
      "run",
      "--dry-run",
      "--json",
    );
    expect(r.code).toBe(0);
    expected(JSON.parse(r.stdout) as RetentionReport);
  });

  it("leaves nothing half-done when a batch fails in the middle", async () => {
    const undo = await blockNextAuditAppend(fresh.db);
    try {
      await expect(runRetention(fresh.db, policy)).rejects.toThrow();
    } finally {
      await undo();
    }
    const k = fresh.db.kysely;
    const touched = await k
      .selectFrom("screening_requests")
      .select("id")
      .where("depersonalised_at", "is not", null)
      .execute();
    expect(touched).toHaveLength(0);
    const c = await crossingData("expired");
    expect(c.depersonalised_at).toBeNull();
    expect(JSON.parse(c.data).traveller.surname).toBe("Gruber");
    const st = await k
      .selectFrom("screened_travellers")
      .select("identity_key")
      .where("screening_id", "=", ids.expired!.screening)
      .executeTakeFirstOrThrow();
    expect(st.identity_key).not.toBe("");
    expect(await retentionEntries()).toHaveLength(0);
  });

  it("depersonalises what expired, one audit entry per batch, and keeps what is held", async () => {
    const report = await runRetention(fresh.db, policy);
    process.stdout.write(
      `[${dialect}] run: ${JSON.stringify({ screenings: report.screenings, protection: report.protection, audit: report.audit })}\n`,
    );
    expected(report);
    const entries = await retentionEntries();
    expect(entries).toHaveLength(3);
    expect(entries.map((e) => JSON.parse(e.details!))).toContainEqual(
      expect.objectContaining({ screenings: 1, crossings: 1, alerts: 1 }),
    );

    const gone = await crossingData("expired");
    expect(JSON.parse(gone.data)).toEqual({
      depersonalised: true,
      traveller: { nationality: "AT", gender: "female" },
    });
    expect(gone.decision).toBe("clear");
    const k = fresh.db.kysely;
    const alert = await k
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", ids.closedAlert!.alertId!)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(alert.traveller)).toEqual({ nationality: "RO" });
    expect(alert.reasons).not.toMatch(/Popescu/i);
    expect(alert.status).toBe("closed");
    const reasons = await k
      .selectFrom("alert_decisions")
      .select("reason")
      .where("alert_id", "=", alert.id)
      .execute();
    expect(reasons.every((r) => r.reason === "")).toBe(true);
    const req = await k
      .selectFrom("screening_requests")
      .selectAll()
      .where("id", "=", ids.expired!.screening)
      .executeTakeFirstOrThrow();
    expect([req.input, req.purpose]).toEqual(["[]", ""]);
    const st = await k
      .selectFrom("screened_travellers")
      .selectAll()
      .where("screening_id", "=", ids.expired!.screening)
      .executeTakeFirstOrThrow();
    expect(st).toMatchObject({ identity_key: "", nationality: "AT", sex: "female" });

    for (const kept of ["recent", "openAlert", "asylumOnCrossing", "asylumByPerson"]) {
      const c = await crossingData(kept);
      expect(c.depersonalised_at, kept).toBeNull();
      expect(JSON.parse(c.data).traveller.surname, kept).toBeTruthy();
    }
    const record = await k
      .selectFrom("protection_records")
      .selectAll()
      .where("id", "=", protectionRecord)
      .executeTakeFirstOrThrow();
    expect(record.note).toBeNull();
    expect(JSON.parse(record.person)).toMatchObject({ surname: "", nationality: "BA" });
    expect((await verifyAuditChain(fresh.db)).ok).toBe(true);
  });

  it("finds nothing more on a second run", async () => {
    const again = await runRetention(fresh.db, policy);
    expect(again.screenings).toMatchObject({ screenings: 0, batches: 0, heldByPersonKey: 1 });
    expect(again.protection.records).toBe(0);
  });
});
