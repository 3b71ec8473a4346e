// Retention of goods checks (issue 17) on both dialects: past the no-hit period a vehicle check loses its
// plate, VIN and occupants' links, a firearm check its serial and marking texts, a cash record its
// carrier's and owner's identity and free text, a FAL Form 1 its master; what statistics need stays. A
// record under an open alert is kept whole, one whose alert closed long ago goes with its alert, a recent
// one is kept, and a dry run counts exactly what the run then does.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createRateTable, parseRateCsv } from "../../src/cash/index.js";
import { createFirearmIndex, parseFirearmListCsv } from "../../src/firearms/index.js";
import { DEFAULT_RETENTION, runRetention } from "../../src/retention/index.js";
import { startTestApi, type TestApi } from "../http/harness.js";
import { describeBothDialects } from "../support/db.js";
import { SAMPLES } from "../support/paths.js";

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();
const policy = { ...DEFAULT_RETENTION, batchSize: 2 };
const CARRIER = {
  name: "Ivana Babić",
  birthDate: "1979-02-02",
  nationality: "HR",
  documentNumber: "HR1234567",
};
const OWNER = { name: "Dario Perić", nationality: "BA", address: "Mostar" };

describeBothDialects("retention of goods checks", (getDb) => {
  let api: TestApi;
  const id: Record<string, string> = {};
  const k = () => getDb().kysely;
  const post = async (name: string, url: string, body: string | object, headers?: Record<string, string>) => {
    const r = await api.call("reviewer", "POST", url, body, headers);
    expect(r.statusCode, r.body).toBe(201);
    id[name] = r.json().id;
    return r.json();
  };
  const backdate = async (
    table: "vehicle_checks" | "firearm_checks" | "cash_records" | "craft_checks",
    name: string,
  ) =>
    k()
      .updateTable(table)
      .set({ created_at: ago(40) })
      .where("id", "=", id[name]!)
      .execute();
  const row = (table: "vehicle_checks" | "firearm_checks" | "cash_records" | "craft_checks", name: string) =>
    k().selectFrom(table).selectAll().where("id", "=", id[name]!).executeTakeFirstOrThrow();

  beforeAll(async () => {
    api = await startTestApi(getDb(), {
      atPost: {
        firearms: createFirearmIndex(
          parseFirearmListCsv(readFileSync(`${SAMPLES}/firearms/firearms-list.csv`, "utf8")),
        ),
        cashRates: createRateTable(parseRateCsv(readFileSync(`${SAMPLES}/cash/rates.csv`, "utf8"))),
      },
    });
    await api.addCrossingPoint("cp-gradina");
    await api.addUser("reviewer", ["second_line"]);
    const at = { crossingPointId: "cp-gradina" };
    const person = (surname: string) => ({
      entry: { person: { surname, givenNames: "Ana", birthDate: "1990-04-02", nationality: "HR" } },
    });
    await post("vehicle", "/api/v1/vehicle-checks", {
      plate: { country: "HR", number: "ST 100-AA" },
      vin: "WVWZZZ1KZAW000001",
      make: "Volkswagen",
      direction: "entry",
      occupants: [person("Kovač"), person("Novak")],
      purpose: "entry check",
      ...at,
    });
    await post("gun", "/api/v1/firearm-checks", {
      serial: "QZ99001",
      type: "pistol",
      markings: { otherMarkings: "engraved: for M. Babić", countryOfManufacture: "HR" },
      purpose: "entry check",
      ...at,
    });
    const listed = await post("listedGun", "/api/v1/firearm-checks", {
      serial: "B0512837",
      purpose: "entry check",
      ...at,
    });
    const cash = (over: object) => ({
      direction: "exit",
      carrier: CARRIER,
      owner: OWNER,
      origin: "sale of a flat",
      purpose: "cash",
      ...at,
      ...over,
    });
    await post(
      "declared",
      "/api/v1/cash/declarations",
      cash({ items: [{ kind: "currency", currency: "USD", amount: 11_000 }] }),
    );
    await post(
      "recent",
      "/api/v1/cash/declarations",
      cash({ items: [{ kind: "currency", currency: "USD", amount: 12_100 }] }),
    );
    const found = await post(
      "undeclared",
      "/api/v1/cash/detections",
      cash({ items: [{ kind: "currency", currency: "USD", amount: 22_000 }] }),
    );
    expect(found.finding).toBe("undeclared");
    await post(
      "fal1",
      "/api/v1/vessels/fal1?purpose=arrival&crossingPointId=cp-gradina",
      "field,value\ndirection,arrival\nship_name,MS RETENTION\nport,HRPLE\nmaster,Ivo Marić\n",
      { "content-type": "text/csv" },
    );
    for (const [t, n] of [
      ["vehicle_checks", "vehicle"],
      ["firearm_checks", "gun"],
      ["firearm_checks", "listedGun"],
      ["cash_records", "declared"],
      ["cash_records", "undeclared"],
      ["craft_checks", "fal1"],
    ] as const)
      await backdate(t, n);
    // The listed firearm's alert was closed six years ago; the undeclared cash's alert is still open.
    await k()
      .updateTable("alerts")
      .set({ status: "closed", updated_at: ago(6 * 365) })
      .where("id", "=", listed.alertId)
      .execute();
  }, 60_000);
  afterAll(async () => {
    await api?.app.close();
  });

  it("counts in a dry run exactly what the run then does, and depersonalises only what has expired", async () => {
    const dry = await runRetention(getDb(), policy, { dryRun: true });
    expect((await row("cash_records", "declared")).depersonalised_at).toBeNull();
    const run = await runRetention(getDb(), policy);
    expect(dry.goods).toEqual(run.goods);
    expect(run.goods).toMatchObject({
      vehicle_checks: 1,
      firearm_checks: 2,
      cash_records: 1,
      craft_checks: 1,
      alerts: 1,
    });
    const again = await runRetention(getDb(), policy);
    expect(again.goods).toMatchObject({
      vehicle_checks: 0,
      firearm_checks: 0,
      cash_records: 0,
      craft_checks: 0,
    });
  });

  it("leaves no person in what expired, and keeps what statistics need", async () => {
    const v = await row("vehicle_checks", "vehicle");
    expect([v.plate_country, v.plate_number, v.vin, v.decision]).toEqual(["HR", null, null, "clear"]);
    expect(JSON.parse(v.data)).toEqual({
      depersonalised: true,
      declared: { make: "Volkswagen", plateCountry: "HR" },
      hits: 0,
      occupants: 2,
    });
    const g = await row("firearm_checks", "gun");
    expect(g.serial).toBe("");
    expect(JSON.parse(g.data)).toEqual({
      depersonalised: true,
      declared: { type: "pistol", markings: { countryOfManufacture: "HR" } },
      hits: 0,
    });
    const c = await row("cash_records", "declared");
    expect(Number(c.total_eur_cents)).toBe(1_000_000);
    expect(JSON.parse(c.data)).toEqual({
      depersonalised: true,
      carrier: { nationality: "HR" },
      owner: { nationality: "BA" },
      thresholdEur: 10_000,
    });
    const f = JSON.parse((await row("craft_checks", "fal1")).data);
    expect(f.declaration.vessel.name).toBe("MS RETENTION");
    expect(f.declaration).not.toHaveProperty("master");
    const listed = await row("firearm_checks", "listedGun");
    const alert = await k()
      .selectFrom("alerts")
      .selectAll()
      .where("id", "=", listed.alert_id!)
      .executeTakeFirstOrThrow();
    expect(alert.depersonalised_at).not.toBeNull();
    expect(alert.traveller).toBe('{"depersonalised":true}');
    expect(alert.reasons).not.toContain("B0512837");
  });

  it("keeps a record under an open alert, and a recent one, whole", async () => {
    for (const name of ["undeclared", "recent"]) {
      const r = await row("cash_records", name);
      expect(r.depersonalised_at).toBeNull();
      expect(JSON.parse(r.data).carrier).toEqual(CARRIER);
    }
    const open = await k()
      .selectFrom("alerts")
      .select(["traveller", "depersonalised_at"])
      .where("id", "=", (await row("cash_records", "undeclared")).alert_id!)
      .executeTakeFirstOrThrow();
    expect(open.depersonalised_at).toBeNull();
    expect(open.traveller).toContain("Ivana Babić");
  });
});
