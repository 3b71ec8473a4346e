// Plain queries of the retention job on goods checks (vehicles, firearms, cash, craft; issue 17). A check
// with no alert expires with the no-hit period; one that opened an alert expires only once that alert was
// closed before the alert cutoff, so an open (or merely decided) alert keeps it whole, and so does a
// seizure or retention still waiting for its second person.
import { type Kysely, sql } from "kysely";
import type { Database } from "../db/index.js";
import * as strip from "./depersonalise-goods.js";
import type { Cutoffs } from "./policy.js";
import type { Cursor } from "./store.js";

type Q = Kysely<Database>;
export type GoodsTable = "vehicle_checks" | "firearm_checks" | "cash_records" | "craft_checks";
export const GOODS_TABLES: readonly GoodsTable[] = [
  "vehicle_checks",
  "firearm_checks",
  "cash_records",
  "craft_checks",
];

/** The rows of `table` past retention, after `after` in (created_at, id) order. */
export async function expiredGoods(
  q: Q,
  table: GoodsTable,
  c: Cutoffs,
  after: Cursor | undefined,
  limit: number,
) {
  // The four tables share these columns; Kysely types one table chosen at run time as any of them.
  let query = q
    .selectFrom(table as "vehicle_checks")
    .select(["id", "alert_id", "data", "created_at"])
    .where("depersonalised_at", "is", null)
    .where("created_at", "<", c.noHit)
    .where((eb) =>
      eb.or([
        eb("alert_id", "is", null),
        eb.exists(
          eb
            .selectFrom("alerts as a")
            .select("a.id")
            .whereRef("a.id", "=", sql.ref(`${table}.alert_id`))
            .where("a.status", "=", "closed")
            .where("a.updated_at", "<", c.alertClosed),
        ),
      ]),
    );
  if (table === "cash_records" || table === "firearm_checks")
    query = query.where(sql<boolean>`status not in ('retention_proposed', 'seizure_proposed')`);
  if (after)
    query = query.where((eb) =>
      eb.or([
        eb("created_at", ">", after.at),
        eb.and([eb("created_at", "=", after.at), eb("id", ">", after.id)]),
      ]),
    );
  return query.orderBy("created_at").orderBy("id").limit(limit).execute();
}

const STRIP: Record<GoodsTable, (data: string) => string> = {
  vehicle_checks: strip.vehicleData,
  firearm_checks: strip.firearmData,
  cash_records: strip.cashData,
  craft_checks: strip.craftData,
};

/** Depersonalises the rows, with the identifying columns of each table, and their closed alerts. */
export async function depersonaliseGoods(
  q: Q,
  table: GoodsTable,
  rows: readonly { id: string; alert_id: string | null; data: string }[],
  at: string,
): Promise<{ records: number; alerts: number }> {
  for (const r of rows) {
    const data = STRIP[table](r.data);
    if (table === "vehicle_checks")
      await q
        .updateTable("vehicle_checks")
        .set({ data, plate_number: null, vin: null, depersonalised_at: at })
        .where("id", "=", r.id)
        .execute();
    else if (table === "firearm_checks")
      await q
        .updateTable("firearm_checks")
        .set({ data, serial: "", depersonalised_at: at })
        .where("id", "=", r.id)
        .execute();
    else
      await q
        .updateTable(table as "cash_records")
        .set({ data, depersonalised_at: at })
        .where("id", "=", r.id)
        .execute();
  }
  const alertIds = rows.flatMap((r) => (r.alert_id ? [r.alert_id] : []));
  const alerts =
    alertIds.length === 0
      ? []
      : await q.selectFrom("alerts").select(["id", "reasons"]).where("id", "in", alertIds).execute();
  for (const a of alerts)
    await q
      .updateTable("alerts")
      .set({ ...strip.goodsAlert(a.reasons), depersonalised_at: at })
      .where("id", "=", a.id)
      .execute();
  return { records: rows.length, alerts: alerts.length };
}
