// A cargo manifest as one use case: parse, screen in memory, then write the manifest, its consignments,
// an alert per referred consignment (and one for a listed vessel) and the audit row in ONE transaction.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { openSubjectAlert } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError } from "../shared/errors.js";
import { craftHit } from "./craft-hit.js";
import { parseCargoManifest } from "./manifest-file.js";
import { type CargoConfig, type CargoScreeners, type CargoScreening, screenCargo } from "./screen.js";
import { insertCargoManifest, insertConsignments } from "./store.js";
import { type CargoManifestView, referFirst, viewConsignment, viewVessel } from "./view.js";

export interface CargoDeps {
  db: Db;
  screeners: () => CargoScreeners;
  config: CargoConfig;
  now: () => Date;
}

export async function recordCargoManifest(
  deps: CargoDeps,
  p: Principal,
  file: string | Uint8Array,
  purpose: string,
  crossingPointId?: string,
): Promise<CargoManifestView> {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot screen cargo manifests");
  const cp = await recordingPoint(deps.db.kysely, p, crossingPointId);
  const manifest = parseCargoManifest(file);
  const at = deps.now();
  const screening = screenCargo(manifest, deps.screeners(), deps.config, at.toISOString().slice(0, 10));
  const id = randomUUID();
  return deps.db.kysely.transaction().execute(async (trx) => {
    const ctx = { agency: p.agency, sourceId: id, ...(cp ? { crossingPointId: cp } : {}), now: at };
    // Alert references are unique: the same manifest sent twice is two screenings, so the reference is
    // this screening's (the start of its id) and the consignment's own number.
    const alerts = await openAlerts(trx, ctx, id.slice(0, 8).toUpperCase(), screening);
    await insertCargoManifest(trx, {
      id,
      agency: p.agency,
      user_id: p.userId,
      crossing_point_id: cp ?? null,
      format: manifest.format,
      reference: manifest.reference ?? null,
      vessel: manifest.vessel ? JSON.stringify(manifest.vessel) : null,
      consignments: screening.consignments.length,
      referred: screening.consignments.filter((c) => c.decision === "refer").length,
      data: JSON.stringify({
        vessel: screening.vessel,
        warnings: manifest.warnings,
        vesselAlertId: alerts.vessel,
      }),
      created_at: at.toISOString(),
    });
    await insertConsignments(
      trx,
      screening.consignments.map((c) => {
        const { index, reference, decision, flags, ...data } = c;
        return {
          manifest_id: id,
          idx: index,
          reference,
          decision,
          flags: JSON.stringify(flags),
          alert_id: alerts.consignments.get(index) ?? null,
          data: JSON.stringify(data),
        };
      }),
    );
    const refer = screening.consignments.filter((c) => c.decision === "refer").length;
    await appendAudit(trx, {
      actor: p,
      action: "cargo_manifest.create",
      objectType: "cargo_manifest",
      objectId: id,
      purpose,
      outcome: "success",
      details: {
        consignments: screening.consignments.length,
        refer,
        vesselHits: screening.vessel?.hits.length ?? 0,
      },
    });
    const view: CargoManifestView = {
      id,
      createdAt: at.toISOString(),
      format: manifest.format,
      ...(manifest.reference ? { reference: manifest.reference } : {}),
      counts: { consignments: screening.consignments.length, refer },
      warnings: manifest.warnings,
      consignments: referFirst(
        screening.consignments.map((c) => viewConsignment(p, c, alerts.consignments.get(c.index))),
      ),
    };
    if (screening.vessel) view.vessel = viewVessel(p, screening.vessel, alerts.vessel);
    return view;
  });
}

async function openAlerts(
  trx: Parameters<typeof openSubjectAlert>[0],
  ctx: { agency: string; sourceId: string; crossingPointId?: string; now: Date },
  reference: string,
  s: CargoScreening,
): Promise<{ vessel?: string; consignments: Map<number, string> }> {
  const consignments = new Map<number, string>();
  for (const c of s.consignments) {
    if (c.hits.length === 0) continue;
    const label = `Consignment ${c.reference}`;
    const description = {
      label,
      parties: c.parties,
      // Each number with its ISO 6346 verdict, for the reviewer's side-by-side view.
      containers: c.containers,
      goods: c.goods,
    };
    const subject = {
      kind: "consignment" as const,
      index: c.index,
      key: `consignment:${c.reference}`,
      description,
      hits: c.hits,
    };
    const opened = await openSubjectAlert(
      trx,
      { ...ctx, source: "cargo", reference: `${reference}/${c.reference}` },
      subject,
    );
    if (opened) consignments.set(c.index, opened.alertId);
  }
  const v = s.vessel;
  if (!v || v.hits.length === 0) return { consignments };
  const label = `Vessel ${v.declared.name ?? ""} ${v.declared.imo ? `IMO ${v.declared.imo}` : ""}`.trim();
  const key = `vessel:${v.declared.imo ? `IMO${v.declared.imo}` : (v.declared.mmsi ?? v.declared.name ?? "unknown")}`;
  const subject = {
    kind: "vessel" as const,
    index: 0,
    key,
    description: { label, ...v.declared },
    hits: v.hits.map((h) => craftHit("vessel", h)),
  };
  const opened = await openSubjectAlert(
    trx,
    { ...ctx, source: "vessel", reference: `${reference}/VESSEL` },
    subject,
  );
  return opened ? { vessel: opened.alertId, consignments } : { consignments };
}
