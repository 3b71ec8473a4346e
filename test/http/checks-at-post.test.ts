// Vehicles, firearms and cash at the post (issue 17) through the API, on both dialects: a hit opens an
// alert for a person to review, the booth sees only refer or clear, a seizure or retention waits for a
// second person, bad input is a 422 that changes nothing, and every step is audited.
import { readFileSync } from "node:fs";
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRateTable, parseRateCsv } from "../../src/cash/index.js";
import { createFirearmIndex, parseFirearmListCsv } from "../../src/firearms/index.js";
import { createStolenVehicleIndex, parseStolenVehicleCsv } from "../../src/vehicles/index.js";
import { describeBothDialects } from "../support/db.js";
import { SAMPLES } from "../support/paths.js";
import { startTestApi, type TestApi } from "./harness.js";

const sample = (path: string) => readFileSync(`${SAMPLES}/${path}`, "utf8");

describeBothDialects("checks at the post", (getDb) => {
  let api: TestApi;
  const count = async (
    table: "vehicle_checks" | "crossings" | "firearm_checks" | "cash_records" | "audit_log",
  ) =>
    Number(
      (await getDb().kysely.selectFrom(table).select(sql<number>`count(*)`.as("n")).executeTakeFirstOrThrow())
        .n,
    );
  const audited = async (action: string) =>
    (await getDb().kysely.selectFrom("audit_log").select("action").where("action", "=", action).execute())
      .length;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    api.services.vehicles.swapList(
      createStolenVehicleIndex(parseStolenVehicleCsv(sample("vehicles/stolen-vehicles.csv"))),
    );
    api.services.firearms.swapList(
      createFirearmIndex(parseFirearmListCsv(sample("firearms/firearms-list.csv"))),
    );
    api.services.cash.swapRates(createRateTable(parseRateCsv(sample("cash/rates.csv"))));
    await api.addCrossingPoint("cp-bregana");
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
    await api.addUser("reviewer.two", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  const occupant = (surname: string) => ({
    entry: { person: { surname, givenNames: "Ana", birthDate: "1990-04-02", nationality: "HR" } },
  });

  it("refers a vehicle one plate character from a stolen one, records its occupants, hides the list from the booth", async () => {
    const r = await api.call("booth", "POST", "/api/v1/vehicle-checks", {
      plate: { country: "RS", number: "BG 12?-AB" },
      direction: "entry",
      crossingPointId: "cp-bregana",
      occupants: [occupant("Kovač"), occupant("Novak")],
      purpose: "entry check",
    });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.vehicle.decision).toBe("refer");
    expect(body.vehicle.hits).toBeUndefined();
    expect(body.vehicle.alertId).toBeUndefined();
    expect(body.occupants.map((o: { decision: string }) => o.decision)).toEqual(["clear", "clear"]);
    expect(body.decision).toBe("refer");

    const queue = (await api.call("reviewer", "GET", "/api/v1/alerts")).json().alerts;
    const line = queue.find((a: { subjectKind: string }) => a.subjectKind === "vehicle");
    expect(line).toMatchObject({ source: "vehicle", priority: "standard" });
    const detail = (await api.call("reviewer", "GET", `/api/v1/alerts/${line.id}?purpose=review`)).json();
    expect(detail.subjectHits[0]).toMatchObject({
      kind: "stolen_vehicle_partial_plate",
      entityId: "SMV-0002",
      evidence: { declaredPlate: "RS BG12?AB", listedPlate: "RS BG123AB" },
    });
    const crossing = await getDb()
      .kysely.selectFrom("crossings")
      .select("data")
      .where("id", "=", body.occupants[0].crossingId)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(crossing.data).vehiclePlate).toBe("BG12AB");
    expect(await audited("vehicle.check")).toBe(1);
  });

  it("refuses a malformed VIN or occupant with the place of the fault, and records nothing", async () => {
    const before = [await count("vehicle_checks"), await count("crossings")];
    const badVin = await api.call("booth", "POST", "/api/v1/vehicle-checks", {
      vin: "WVWZZZ1KZAW12345O",
      direction: "entry",
      crossingPointId: "cp-bregana",
      occupants: [occupant("Kovač")],
      purpose: "entry check",
    });
    expect(badVin.statusCode).toBe(422);
    expect(badVin.json().error.message).toBe("vin: characters not allowed in a VIN: O");
    const badOccupant = await api.call("booth", "POST", "/api/v1/vehicle-checks", {
      vin: "1HGCM82633A004352",
      direction: "entry",
      crossingPointId: "cp-bregana",
      occupants: [occupant("Kovač"), { entry: { person: { givenNames: "No Surname" } } }],
      purpose: "entry check",
    });
    expect(badOccupant.statusCode).toBe(422);
    expect(badOccupant.json().error.message).toContain(
      "occupants[1]: manual entry: person.surname is required",
    );
    expect(badOccupant.json().error).toMatchObject({
      code: "occupant_invalid",
      params: { occupant: 1, reason: "manual entry: person.surname is required" },
    });
    expect([await count("vehicle_checks"), await count("crossings")]).toEqual(before);
  });

  it("refers a stolen VIN and flags a North American VIN whose check digit fails", async () => {
    const stolen = await api.call("reviewer", "POST", "/api/v1/vehicle-checks", {
      vin: "1HGCM82633A004352",
      direction: "exit",
      crossingPointId: "cp-bregana",
      occupants: [],
      purpose: "exit check",
    });
    expect(
      stolen.json().vehicle.hits.map((h: { kind: string; priority: string }) => [h.kind, h.priority]),
    ).toEqual([["stolen_vehicle", "high"]]);
    const forged = await api.call("reviewer", "POST", "/api/v1/vehicle-checks", {
      vin: "1HGCM82643A004352",
      direction: "exit",
      crossingPointId: "cp-bregana",
      occupants: [],
      purpose: "exit check",
    });
    expect(forged.json().vehicle).toMatchObject({
      decision: "refer",
      vinCheckDigit: { rule: "required", expected: "3", found: "4", ok: false },
      hits: [{ kind: "vin_check_digit" }],
    });
  });

  it("refers a firearm read with confusable characters; a seizure needs a second person", async () => {
    const check = await api.call("reviewer", "POST", "/api/v1/firearm-checks", {
      serial: "80S12837",
      make: "Zastava",
      model: "M70AB2",
      markings: {
        countryOfManufacture: "Yugoslavia",
        yearOfManufacture: "1988",
        serialCondition: "partly_obliterated",
      },
      crossingPointId: "cp-bregana",
      purpose: "baggage control",
    });
    expect(check.statusCode, check.body).toBe(201);
    expect(check.json().hits[0]).toMatchObject({
      kind: "listed_firearm",
      entityId: "FA-0001",
      evidence: {
        declaredSerial: "80S12837",
        listedSerial: "B0512837",
        confusable: [0, 2],
        makeAgrees: true,
      },
    });
    // A serial listed with a dash is kept as compared, so the confusable positions count in both serials.
    const dashed = await api.call("reviewer", "POST", "/api/v1/firearm-checks", {
      serial: "2S-1182O4",
      purpose: "baggage control",
    });
    expect(dashed.statusCode, dashed.body).toBe(201);
    expect(dashed.json().hits[0].evidence).toMatchObject({
      declaredSerial: "2S1182O4",
      listedSerial: "ZS118204",
      confusable: [0, 6],
    });
    const id = check.json().id;
    const stored = await getDb()
      .kysely.selectFrom("firearm_checks")
      .select(["data", "status"])
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(stored.data).declared.markings).toMatchObject({ yearOfManufacture: "1988" });

    const proposal = await api.call("reviewer", "POST", `/api/v1/firearm-checks/${id}/seizure`, {
      reason: "Listed as trafficked; serial partly filed off.",
    });
    expect(proposal.statusCode, proposal.body).toBe(201);
    expect(proposal.json()).toMatchObject({ kind: "firearm.seize", status: "pending" });
    const twice = await api.call("reviewer", "POST", `/api/v1/firearm-checks/${id}/seizure`, {
      reason: "again",
    });
    expect(twice.statusCode).toBe(409);
    const own = await api.call("reviewer", "POST", `/api/v1/approvals/${proposal.json().id}/approve`, {
      reason: "Approving my own proposal.",
    });
    expect(own.statusCode).toBe(403);
    const second = await api.call("reviewer.two", "POST", `/api/v1/approvals/${proposal.json().id}/approve`, {
      reason: "Checked against the listing.",
    });
    expect(second.statusCode, second.body).toBe(200);
    const after = await getDb()
      .kysely.selectFrom("firearm_checks")
      .select("status")
      .where("id", "=", id)
      .executeTakeFirstOrThrow();
    expect(after.status).toBe("seized");
    expect(await audited("firearm.seize")).toBe(1);
  });

  it("refuses an unreadable serial and records nothing", async () => {
    const before = await count("firearm_checks");
    const r = await api.call("booth", "POST", "/api/v1/firearm-checks", {
      serial: "??-??",
      purpose: "control",
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error).toMatchObject({
      message: "serial: no character of the serial number is readable",
      details: { field: "serial" },
    });
    expect(await count("firearm_checks")).toBe(before);
  });

  it("records declarations and undeclared cash, retains it with four-eyes, and sums by post and currency", async () => {
    const carrier = { name: "Petra Horvat", nationality: "HR" };
    const declared = await api.call("booth", "POST", "/api/v1/cash/declarations", {
      direction: "entry",
      carrier,
      items: [{ kind: "currency", currency: "USD", amount: 11_000 }],
      origin: "sale of a flat",
      intendedUse: "purchase of a car",
      crossingPointId: "cp-bregana",
      purpose: "cash declaration",
    });
    expect(declared.statusCode, declared.body).toBe(201);
    expect(declared.json()).toMatchObject({ reachesThreshold: true, totalEurCents: 1_000_000, warnings: [] });
    expect(declared.json().items[0].rate).toMatchObject({ perEur: 1.1 });

    const found = await api.call("booth", "POST", "/api/v1/cash/detections", {
      direction: "entry",
      carrier,
      items: [
        { kind: "currency", currency: "USD", amount: 11_000 },
        { kind: "gold", currency: "EUR", amount: 4_000 },
      ],
      declarationId: declared.json().id,
      crossingPointId: "cp-bregana",
      purpose: "cash control",
    });
    expect(found.json()).toMatchObject({
      finding: "incomplete",
      declaredEurCents: 1_000_000,
      totalEurCents: 1_400_000,
    });
    const retention = await api.call("booth", "POST", `/api/v1/cash/records/${found.json().id}/retention`, {
      measure: "retention",
      reason: "Gold not declared.",
    });
    expect(retention.statusCode, retention.body).toBe(201);
    const approved = await api.call("reviewer", "POST", `/api/v1/approvals/${retention.json().id}/approve`, {
      reason: "Incomplete declaration confirmed.",
    });
    expect(approved.statusCode, approved.body).toBe(200);
    expect(await audited("cash.retain")).toBe(1);

    const stats = (await api.call("reviewer", "GET", "/api/v1/cash/statistics")).json();
    expect(stats.rows).toEqual([
      {
        crossingPointId: "cp-bregana",
        currency: "EUR",
        kind: "detection",
        records: 1,
        amount: 4000,
        eurCents: 400_000,
      },
      {
        crossingPointId: "cp-bregana",
        currency: "USD",
        kind: "declaration",
        records: 1,
        amount: 11_000,
        eurCents: 1_000_000,
      },
      {
        crossingPointId: "cp-bregana",
        currency: "USD",
        kind: "detection",
        records: 1,
        amount: 11_000,
        eurCents: 1_000_000,
      },
    ]);
  });

  it("refuses an unknown currency with its place, and records nothing", async () => {
    const before = [await count("cash_records"), await count("audit_log")];
    const r = await api.call("booth", "POST", "/api/v1/cash/declarations", {
      direction: "exit",
      carrier: { name: "X" },
      items: [
        { kind: "currency", currency: "EUR", amount: 5 },
        { kind: "currency", currency: "XAU", amount: 3 },
      ],
      crossingPointId: "cp-bregana",
      purpose: "cash declaration",
    });
    expect(r.statusCode).toBe(422);
    expect(r.json().error.message).toMatch(/^items\[1\]\.currency: no rate for XAU/);
    expect([await count("cash_records"), await count("audit_log")]).toEqual(before);
  });
});
