// Reading a screened cargo manifest back: agency-scoped, audited, and shown as the reader's role may see it.
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, NotFoundError } from "../shared/errors.js";
import type { ConsignmentOutcome, VesselOutcome } from "./screen.js";
import { consignmentsOf, findCargoManifest } from "./store.js";
import { type CargoManifestView, referFirst, viewConsignment, viewVessel } from "./view.js";

export async function readCargoManifest(
  db: Db,
  p: Principal,
  id: string,
  purpose: string,
): Promise<CargoManifestView> {
  if (!can(p, "screen") && !can(p, "screening:read"))
    throw new ForbiddenError("this role cannot read cargo manifests");
  const row = await findCargoManifest(db.kysely, p.agency, id);
  // The booth reads back only the manifests it submitted; the second line reads the agency's.
  if (!row || (!can(p, "screening:read") && row.user_id !== p.userId)) {
    throw new NotFoundError(`cargo manifest ${id} not found`);
  }
  const rows = await db.kysely.transaction().execute(async (trx) => {
    await appendAudit(trx, {
      actor: p,
      action: "cargo_manifest.read",
      objectType: "cargo_manifest",
      objectId: id,
      purpose,
      outcome: "success",
    });
    return consignmentsOf(trx, id);
  });
  const data = JSON.parse(row.data) as { vessel?: VesselOutcome; warnings: string[]; vesselAlertId?: string };
  const consignments = rows.map((r) => {
    const outcome = {
      ...(JSON.parse(r.data) as Omit<ConsignmentOutcome, "index" | "reference" | "decision" | "flags">),
      index: Number(r.idx),
      reference: r.reference,
      decision: r.decision,
      flags: JSON.parse(r.flags) as string[],
    };
    return viewConsignment(p, outcome, r.alert_id ?? undefined);
  });
  const view: CargoManifestView = {
    id,
    createdAt: row.created_at,
    format: row.format,
    ...(row.reference ? { reference: row.reference } : {}),
    counts: { consignments: Number(row.consignments), refer: Number(row.referred) },
    warnings: data.warnings,
    consignments: referFirst(consignments),
  };
  if (data.vessel) view.vessel = viewVessel(p, data.vessel, data.vesselAlertId);
  return view;
}
