// Plain queries of the regional exchange: the month's counts, read as aggregates (never a traveller's
// row leaves the query but as a count), the imported bundles, and the keys a bundle may be signed with.
import type { Kysely } from "kysely";
import { sql } from "kysely";
import type { Database } from "../db/index.js";
import { type Count, detectionKind, type PointInfo } from "./model.js";

type Q = Kysely<Database>;

export async function crossingPoints(q: Q): Promise<PointInfo[]> {
  const rows = await q
    .selectFrom("crossing_points")
    .select(["id", "code", "name", "kind", "border_section"])
    .orderBy("code")
    .execute();
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    kind: r.kind,
    section: r.border_section ?? null,
  }));
}

const parse = (text: string) => {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
};

/** Crossings, refusals of entry, detections and alerts of the month, counted per point and category. */
export async function monthCounts(q: Q, from: string, to: string): Promise<Count[]> {
  const crossings = await q
    .selectFrom("crossings")
    .select(["crossing_point_id", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .where("crossing_point_id", "is not", null)
    .groupBy("crossing_point_id")
    .execute();
  const counts: Count[] = crossings.map((r) => ({
    pointId: r.crossing_point_id!,
    indicator: "crossings",
    category: "",
    n: Number(r.n),
  }));
  // Alerts are read one by one only to classify them; each becomes a count of one.
  const alerts = await q
    .selectFrom("alerts")
    .select(["crossing_point_id", "subject_kind", "status", "reasons"])
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .where("crossing_point_id", "is not", null)
    .execute();
  for (const a of alerts) {
    const kind = detectionKind(a.subject_kind, parse(a.reasons));
    counts.push({ pointId: a.crossing_point_id!, indicator: "detections", category: kind, n: 1 });
    counts.push({ pointId: a.crossing_point_id!, indicator: "alerts", category: a.status, n: 1 });
  }
  const refusals = await q
    .selectFrom("alert_decisions as d")
    .innerJoin("alerts as a", "a.id", "d.alert_id")
    .select(["a.crossing_point_id", "a.subject_kind", "a.reasons"])
    .where("d.adverse_action", "=", "refusal_of_entry")
    .where("d.status", "=", "recorded")
    .where(sql<string>`coalesce(d.approved_at, d.at)`, ">=", from)
    .where(sql<string>`coalesce(d.approved_at, d.at)`, "<", to)
    .where("a.crossing_point_id", "is not", null)
    .execute();
  for (const r of refusals)
    counts.push({
      pointId: r.crossing_point_id!,
      indicator: "refusals",
      category: detectionKind(r.subject_kind, parse(r.reasons)),
      n: 1,
    });
  return counts;
}

export interface BundleRow {
  id: string;
  origin_node_id: string;
  key_id: string;
  month: string;
  bundle: string;
  signature: string;
  imported_by: string;
  imported_at: string;
}

export async function insertBundle(q: Kysely<Database>, row: BundleRow): Promise<void> {
  await q.insertInto("regional_bundles").values(row).execute();
}

/** The kept bundle of a node for a month, if any. */
export function bundleOf(q: Q, nodeId: string, month: string) {
  return q
    .selectFrom("regional_bundles")
    .select("id")
    .where("origin_node_id", "=", nodeId)
    .where("month", "=", month)
    .executeTakeFirst();
}

export function listBundles(q: Q, month?: string) {
  let query = q.selectFrom("regional_bundles").selectAll().orderBy("month", "desc").orderBy("origin_node_id");
  if (month) query = query.where("month", "=", month);
  return query.limit(200).execute();
}

/** The partner node that pins this key in an agreement in force, with its key; undefined if none. */
export async function pinnedKey(q: Q, keyId: string, now: string) {
  return q
    .selectFrom("partner_agreements")
    .select(["partner_node_id", "partner_key"])
    .where("partner_key_id", "=", keyId)
    .where("status", "=", "active")
    .where("valid_from", "<=", now)
    .where("valid_to", ">", now)
    .executeTakeFirst();
}
