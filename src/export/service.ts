// Exports for analysts' reports: the alert queue, a screening's matches and a manifest's outcomes, as CSV
// or FtM JSON lines. Each reads through the capability's own use case (so its role checks and audit
// apply) and the export itself is audited with its purpose and row count.
import { can, type Principal } from "../access/index.js";
import type { AlertFilter, AlertService } from "../alerts/index.js";
import { appendAudit } from "../audit/index.js";
import type { CrossingService } from "../crossings/service.js";
import type { Db } from "../db/index.js";
import type { Match } from "../screening/index.js";
import type { ScreeningService } from "../screenings/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { getEntities } from "../watchlists/index.js";
import { entityToFtm } from "../yente/index.js";
import { type ExportFormat, toCsv, toJsonl, travellerToFtm } from "./format.js";

/** A queue larger than this is exported by filter (status, crossing point), not in one file. */
export const MAX_EXPORT_ROWS = 10_000;

const ALERT_COLUMNS = [
  "id",
  "status",
  "priority",
  "source",
  "crossingPointId",
  "createdAt",
  "dueAt",
  "overdue",
  "surname",
  "givenNames",
  "birthDate",
  "nationality",
  "refers",
  "documentHits",
  "ruleHits",
  "topScore",
] as const;
const MATCH_COLUMNS = [
  "person",
  "decision",
  "reference",
  "entityId",
  "list",
  "name",
  "score",
  "refer",
] as const;
const MANIFEST_COLUMNS = [
  "index",
  "surname",
  "givenNames",
  "role",
  "decision",
  "reference",
  "alertId",
  "topEntityId",
  "topScore",
] as const;

/** Each match as the listed entity in FtM, with yente's `score` and `match` and the screened person's reference. */
async function scoredEntities(
  db: Db,
  rows: { entityId: string; score: number; refer: boolean; reference: string }[],
) {
  const entities = await getEntities(
    db,
    rows.map((r) => r.entityId),
  );
  return rows.flatMap((r) => {
    const e = entities.get(r.entityId);
    return e ? [{ ...entityToFtm(e), score: r.score, match: r.refer, query: r.reference }] : [];
  });
}

export interface ExportFile {
  format: ExportFormat;
  filename: string;
  body: string;
}

type ExportDeps = { alerts: AlertService; screenings: ScreeningService; crossings: CrossingService };

const extension = (format: ExportFormat) => (format === "csv" ? "csv" : "ftm.json");

/** The export's own audit row, with its purpose and row count. */
function auditExport(
  db: Db,
  p: Principal,
  objectType: string,
  objectId: string | undefined,
  purpose: string,
  rows: number,
  format: ExportFormat,
) {
  return db.kysely.transaction().execute((trx) =>
    appendAudit(trx, {
      actor: p,
      action: `${objectType}.export`,
      objectType,
      ...(objectId ? { objectId } : {}),
      purpose,
      outcome: "success",
      details: { rows, format },
    }),
  );
}

async function exportAlerts(
  db: Db,
  alerts: AlertService,
  p: Principal,
  filter: AlertFilter,
  format: ExportFormat,
  purpose: string,
): Promise<ExportFile> {
  const all = [];
  let cursor: string | undefined;
  do {
    const page = await alerts.list(p, filter, { limit: 200, ...(cursor ? { cursor } : {}) });
    if (page.total > MAX_EXPORT_ROWS)
      throw new InvalidError(`${page.total} alerts: export at most ${MAX_EXPORT_ROWS}, narrow the filter`);
    all.push(...page.alerts);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  await auditExport(db, p, "alert", undefined, purpose, all.length, format);
  const body =
    format === "csv"
      ? toCsv(
          ALERT_COLUMNS,
          all.map((a) => ({
            ...a,
            ...a.traveller,
            refers: a.summary.matches,
            documentHits: a.summary.documentHits,
            ruleHits: a.summary.ruleHits,
            topScore: a.summary.topScore,
          })),
        )
      : toJsonl(
          all.map((a) =>
            travellerToFtm(`limes-alert-${a.id}`, a.traveller, {
              notes: [`alert ${a.status}, ${a.priority}`],
            }),
          ),
        );
  return { format, filename: `alerts.${extension(format)}`, body };
}

async function exportScreening(
  db: Db,
  screenings: ScreeningService,
  p: Principal,
  id: string,
  format: ExportFormat,
  purpose: string,
): Promise<ExportFile> {
  if (!can(p, "screening:read_details")) throw new ForbiddenError("this role sees no list details");
  const record = await screenings.get(p, id, purpose);
  const rows = record.results.flatMap((r) =>
    ("matches" in r ? r.matches : []).map((m: Match) => ({
      person: r.index + 1,
      decision: r.decision,
      reference: r.reference,
      entityId: m.entityId,
      list: m.list,
      name: m.name,
      score: m.score,
      refer: m.decision === "refer",
    })),
  );
  await auditExport(db, p, "screening", id, purpose, rows.length, format);
  const body = format === "csv" ? toCsv(MATCH_COLUMNS, rows) : toJsonl(await scoredEntities(db, rows));
  return { format, filename: `screening-${id}-matches.${extension(format)}`, body };
}

async function exportManifest(
  db: Db,
  crossings: CrossingService,
  p: Principal,
  id: string,
  format: ExportFormat,
  purpose: string,
): Promise<ExportFile> {
  const m = await crossings.getManifest(p, id, purpose);
  const rows = m.results.map((o) => {
    const t = m.manifest.persons[o.index]!;
    const top = (o.matches as Match[] | undefined)?.[0];
    return {
      index: o.index + 1,
      surname: t.surname,
      givenNames: t.givenNames,
      role: t.role,
      decision: o.decision,
      reference: o.reference,
      alertId: o.alertId,
      topEntityId: top?.entityId,
      topScore: top?.score,
    };
  });
  await auditExport(db, p, "manifest", id, purpose, rows.length, format);
  const body =
    format === "csv"
      ? toCsv(MANIFEST_COLUMNS, rows)
      : toJsonl(
          rows.map((r) =>
            travellerToFtm(`limes-manifest-${id}-${r.index}`, r, {
              notes: [`${r.decision} ${r.reference}`],
            }),
          ),
        );
  return { format, filename: `manifest-${id}.${extension(format)}`, body };
}

export function createExportService(db: Db, deps: ExportDeps) {
  return {
    alerts: (p: Principal, filter: AlertFilter, format: ExportFormat, purpose: string) =>
      exportAlerts(db, deps.alerts, p, filter, format, purpose),
    screening: (p: Principal, id: string, format: ExportFormat, purpose: string) =>
      exportScreening(db, deps.screenings, p, id, format, purpose),
    manifest: (p: Principal, id: string, format: ExportFormat, purpose: string) =>
      exportManifest(db, deps.crossings, p, id, format, purpose),
  };
}

export type ExportService = ReturnType<typeof createExportService>;
