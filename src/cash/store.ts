// Plain queries on cash declarations and detections.
import type { Kysely, Transaction } from "kysely";
import type { Database } from "../db/index.js";
import type { CashRecordsTable } from "../db/schema-checks-at-post.js";
import type { PricedItem } from "./declaration.js";

export async function insertCashRecord(
  trx: Transaction<Database>,
  row: CashRecordsTable,
  items: readonly PricedItem[],
): Promise<void> {
  await trx.insertInto("cash_records").values(row).execute();
  await trx
    .insertInto("cash_items")
    .values(
      items.map((item, position) => ({
        record_id: row.id,
        position,
        kind: item.kind,
        currency: item.currency,
        amount: item.amount,
        eur_cents: item.eurCents,
      })),
    )
    .execute();
}

export async function findCashRecord(
  db: Kysely<Database>,
  agency: string,
  id: string,
): Promise<CashRecordsTable | undefined> {
  const row = await db
    .selectFrom("cash_records")
    .selectAll()
    .where("agency", "=", agency)
    .where("id", "=", id)
    .executeTakeFirst();
  // PostgreSQL returns bigint columns as text.
  return row && { ...row, total_eur_cents: Number(row.total_eur_cents) };
}

export async function moveCashStatus(
  trx: Transaction<Database>,
  id: string,
  from: CashRecordsTable["status"],
  to: CashRecordsTable["status"],
): Promise<boolean> {
  const r = await trx
    .updateTable("cash_records")
    .set({ status: to })
    .where("id", "=", id)
    .where("status", "=", from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface CashStatRow {
  crossingPointId: string | null;
  currency: string;
  kind: "declaration" | "detection";
  records: number;
  amount: number;
  eurCents: number;
}

/** Sums by crossing point, currency and kind of record since `from` (ISO time): aggregates only. */
export async function cashStatistics(
  db: Kysely<Database>,
  agency: string,
  from: string,
): Promise<CashStatRow[]> {
  const rows = await db
    .selectFrom("cash_items as i")
    .innerJoin("cash_records as r", "r.id", "i.record_id")
    .where("r.agency", "=", agency)
    .where("r.created_at", ">=", from)
    .groupBy(["r.crossing_point_id", "i.currency", "r.kind"])
    .select((eb) => [
      "r.crossing_point_id as crossingPointId",
      "i.currency as currency",
      "r.kind as kind",
      eb.fn.count<number | string>("r.id").distinct().as("records"),
      eb.fn.sum<number | string>("i.amount").as("amount"),
      eb.fn.sum<number | string>("i.eur_cents").as("eurCents"),
    ])
    .orderBy("r.crossing_point_id")
    .orderBy("i.currency")
    .orderBy("r.kind")
    .execute();
  return rows.map((r) => ({
    ...r,
    records: Number(r.records),
    amount: Number(r.amount),
    eurCents: Number(r.eurCents),
  }));
}
