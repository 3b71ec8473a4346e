// Border crossing points (land, air, sea). Each belongs to an agency; reads are scoped to the caller's.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { countryCode } from "../shared/countries.js";
import { ConflictError, ForbiddenError, InvalidError } from "../shared/errors.js";
import { setBorderSection } from "./border-section.js";
import * as store from "./store.js";

export interface CrossingPoint {
  id: string;
  code: string;
  name: string;
  kind: "land" | "air" | "sea";
  country: string;
  agency: string;
  /** The border section for the regional bundles; null until an admin sets it. */
  borderSection: string | null;
}

export function createCrossingPointService(db: Db) {
  return {
    async list(p: Principal): Promise<CrossingPoint[]> {
      if (!can(p, "crossing_points:read"))
        throw new ForbiddenError("this role cannot read crossing points", undefined, "permission_denied", {
          permission: "crossing_points:read",
        });
      const rows = await store.crossingPointsOf(db.kysely, p.agency);
      return rows.map(({ created_at: _, border_section, ...cp }) => ({
        ...cp,
        borderSection: border_section ?? null,
      }));
    },
    setBorderSection: (p: Principal, id: string, section: string | null, reason: string) =>
      setBorderSection(db, p, id, section, reason),
    async create(
      p: Principal,
      input: Omit<CrossingPoint, "id" | "agency" | "borderSection">,
    ): Promise<CrossingPoint> {
      if (!can(p, "crossing_points:manage"))
        throw new ForbiddenError("this role cannot manage crossing points", undefined, "permission_denied", {
          permission: "crossing_points:manage",
        });
      const country = countryCode(input.country);
      if (!country)
        throw new InvalidError(`country: unknown country "${input.country}"`, undefined, "unknown_country", {
          field: "country",
          value: input.country,
        });
      const exists = await store.crossingPointByCode(db.kysely, input.code);
      if (exists)
        throw new ConflictError(
          `crossing point ${input.code} already exists`,
          undefined,
          "crossing_point_exists",
          {
            code: input.code,
          },
        );
      const cp: CrossingPoint = {
        id: randomUUID(),
        code: input.code,
        name: input.name,
        kind: input.kind,
        country,
        agency: p.agency,
        borderSection: null,
      };
      const { borderSection: _, ...row } = cp;
      await db.kysely.transaction().execute(async (trx) => {
        await store.insertCrossingPoint(trx, { ...row, created_at: new Date().toISOString() });
        await appendAudit(trx, {
          actor: p,
          action: "crossing_point.create",
          objectType: "crossing_point",
          objectId: cp.id,
          outcome: "success",
          details: { code: cp.code },
        });
      });
      return cp;
    },
  };
}

export type CrossingPointService = ReturnType<typeof createCrossingPointService>;
