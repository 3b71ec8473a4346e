// Uploading the lists of the checks at the post (issue 17) on both dialects: only a watchlist manager
// may; a good file goes live at once, is stored (a restart loads it) and audited; a file with a bad row
// is a 422 naming each fault's line and column, and changes nothing.
import { sql } from "kysely";
import { afterAll, beforeAll, expect, it } from "vitest";
import { loadAtPostLists } from "../../src/http/at-post-lists.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

const VEHICLES = `record_id,plate_country,plate_number,vin,make,model,colour,status,reporting_country,reported_date
UP-1,SI,LJ 55-XYZ,,Renault,Clio,red,stolen,SI,2026-06-01
UP-2,AT,,WVWZZZ1KZAW654321,Volkswagen,Passat,black,wanted,AT,2026-06-02
`;
const FIREARMS = `record_id,serial_number,make,model,calibre,type,status,reporting_country,reported_date
UPF-1,K7731904,Zastava Oruzje,M70,7.62x39mm,assault rifle,trafficked,RS,2026-02-01
`;
const csv = { "content-type": "text/csv" };

describeBothDialects("uploading the lists of the checks at the post", (getDb) => {
  let api: TestApi;
  const audited = async () =>
    (
      await getDb()
        .kysely.selectFrom("audit_log")
        .select(["object_id", "details"])
        .where("action", "=", "goods_list.replace")
        .execute()
    ).map((r) => r.object_id);
  const stored = async () =>
    (
      await getDb().kysely.selectFrom("goods_lists").select(["kind", "records"]).orderBy("kind").execute()
    ).map((r) => [r.kind, Number(r.records)]);
  const vehicleCheck = (number: string) =>
    api.call("reviewer", "POST", "/api/v1/vehicle-checks", {
      plate: { country: "SI", number },
      direction: "entry",
      crossingPointId: "cp-obrezje",
      occupants: [],
      purpose: "entry check",
    });

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-obrezje");
    await api.addUser("lists", ["watchlist_manager"]);
    await api.addUser("booth", ["first_line"]);
    await api.addUser("reviewer", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("refuses a role that does not manage lists", async () => {
    const r = await api.call("booth", "PUT", "/api/v1/goods-lists/stolen-vehicles", VEHICLES, csv);
    expect(r.statusCode).toBe(403);
    expect(await stored()).toEqual([]);
  });

  it("puts a good list live at once, stores it and audits it", async () => {
    expect((await vehicleCheck("LJ 55-XYZ")).json().vehicle.decision).toBe("clear");
    const r = await api.call(
      "lists",
      "PUT",
      "/api/v1/goods-lists/stolen-vehicles?reason=monthly%20SMV",
      VEHICLES,
      csv,
    );
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ kind: "stolen_vehicles", records: 2 });
    const check = (await vehicleCheck("LJ 55-XYZ")).json();
    expect(check.vehicle.decision).toBe("refer");
    expect(check.vehicle.hits[0]).toMatchObject({ kind: "stolen_vehicle", entityId: "UP-1" });
    const f = await api.call("lists", "PUT", "/api/v1/goods-lists/firearms", FIREARMS, csv);
    expect(f.statusCode, f.body).toBe(200);
    const gun = await api.call("reviewer", "POST", "/api/v1/firearm-checks", {
      serial: "K7731904",
      crossingPointId: "cp-obrezje",
      purpose: "entry check",
    });
    expect(gun.json().hits[0]).toMatchObject({ entityId: "UPF-1" });
    expect(await stored()).toEqual([
      ["firearms", 1],
      ["stolen_vehicles", 2],
    ]);
    expect(await audited()).toEqual(["stolen_vehicles", "firearms"]);
    // A restart reads the uploaded lists, not the configured files or the samples.
    const loaded = await loadAtPostLists({} as Parameters<typeof loadAtPostLists>[0], getDb());
    expect([loaded.stolenVehicles.size, loaded.firearms.size]).toEqual([2, 1]);
  });

  it("refuses a file with bad rows, naming each line and column, and changes nothing", async () => {
    const before = await getDb()
      .kysely.selectFrom("goods_lists")
      .select(sql<string>`uploaded_at`.as("at"))
      .execute();
    const bad = `${VEHICLES}UP-3,HR,ZG 1-A,,Fiat,Punto,blue,borrowed,HR,2026-13-01\nUP-1,HR,,,,,,stolen,HR,\n`;
    const r = await api.call("lists", "PUT", "/api/v1/goods-lists/stolen-vehicles", bad, csv);
    expect(r.statusCode).toBe(422);
    const cells = r.json().error.details.problems.flatMap((p: { cells: unknown[] }) => p.cells);
    expect(cells).toEqual([
      { line: 4, column: "status", issue: 'status "borrowed" is not stolen, misappropriated or wanted' },
      { line: 4, column: "reported_date", issue: 'reported_date "2026-13-01" is not a YYYY-MM-DD date' },
      { line: 5, column: "record_id", issue: "record_id UP-1 appears twice" },
      { line: 5, column: "plate_number", issue: "neither vin nor plate_number is given" },
    ]);
    const unreadable = await api.call(
      "lists",
      "PUT",
      "/api/v1/goods-lists/firearms",
      Buffer.from([0x72, 0x65, 0xff, 0x0a]),
      csv,
    );
    expect(unreadable.statusCode).toBe(422);
    expect(unreadable.json().error.message).toBe("the firearms list is not UTF-8 text");
    const empty = await api.call(
      "lists",
      "PUT",
      "/api/v1/goods-lists/firearms",
      "record_id,serial_number,make,status\n",
      csv,
    );
    expect(empty.statusCode).toBe(422);
    expect(empty.json().error.message).toBe("firearms list: no records");
    expect(
      await getDb().kysely.selectFrom("goods_lists").select(sql<string>`uploaded_at`.as("at")).execute(),
    ).toEqual(before);
    expect(await audited()).toEqual(["stolen_vehicles", "firearms"]);
    expect((await vehicleCheck("LJ 55-XYZ")).json().vehicle.decision).toBe("refer");
  });
});
