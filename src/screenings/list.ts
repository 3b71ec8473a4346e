// The agency's screenings, newest first, a page at a time. A row names no traveller (counts only), so
// the list itself is not a read of personal data; reading one screening is (`get`, audited). The booth
// lists only its own screenings, as it reads back only its own.
import { sql } from "kysely";
import { can, type Principal } from "../access/index.js";
import { type Db, keysetPage, type Page, type PageRequest } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";

/** Screenings per page: by default, and at most. */
export const SCREENING_PAGE = { default: 50, max: 200 } as const;

export interface ScreeningSummary {
  id: string;
  createdAt: string;
  crossingPointId: string | null;
  userId: string;
  persons: number;
  refers: number;
}

export async function listScreenings(
  db: Db,
  p: Principal,
  filter: { crossingPointId?: string },
  page: PageRequest,
): Promise<Page<ScreeningSummary>> {
  if (!can(p, "screening:read") && !can(p, "screen"))
    throw new ForbiddenError("this role cannot read screenings", undefined, "permission_denied", {
      permission: "screening:read",
    });
  const count = (decision?: "refer") =>
    sql<string | number>`(select count(*) from screening_results s where s.request_id = r.id${
      decision ? sql` and s.decision = ${decision}` : sql``
    })`;
  let q = db.kysely
    .selectFrom("screening_requests as r")
    .select(["r.id", "r.created_at", "r.crossing_point_id", "r.user_id"])
    .select([count().as("persons"), count("refer").as("refers")])
    .where("r.agency", "=", p.agency);
  if (!can(p, "screening:read_details")) q = q.where("r.user_id", "=", p.userId);
  if (filter.crossingPointId) q = q.where("r.crossing_point_id", "=", filter.crossingPointId);
  const rows = await keysetPage(
    q,
    [
      { expr: "r.created_at", desc: true },
      { expr: "r.id", desc: true },
    ],
    (r) => [r.created_at, r.id],
    page,
  );
  return {
    ...rows,
    items: rows.items.map((r) => ({
      id: r.id,
      createdAt: r.created_at,
      crossingPointId: r.crossing_point_id,
      userId: r.user_id,
      persons: Number(r.persons),
      refers: Number(r.refers),
    })),
  };
}
