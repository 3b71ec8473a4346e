// The agency's screenings, newest first, a page at a time. A row names no traveller (counts only), so
// the list itself is not a read of personal data; reading one screening is (`get`, audited). The booth
// lists only its own screenings, as it reads back only its own.
import { can, type Principal } from "../access/index.js";
import type { Db, Page, PageRequest } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import * as store from "./store.js";

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
  // A first-line officer (no access to list details) lists only their own screenings.
  const own = can(p, "screening:read_details") ? {} : { userId: p.userId };
  const rows = await store.screeningsPage(db, p.agency, { ...own, ...filter }, page);
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
