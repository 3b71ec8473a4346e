// A crossing at the booth as one use case: read the MRZ or manual entry, screen the person, and write the
// screening, its alerts, the crossing and the audit entries in ONE transaction. A crash at any point
// leaves either all of them or none: never an audited screening without its crossing (issue 12, item 5).
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { type ManualEntry, parseManualEntry, parseMrz, type Traveller } from "../travel/index.js";
import { type PersonOutcome, recordScreened, type ScreenDeps, screenTravellers } from "./screen.js";
import { insertCrossing } from "./store.js";

export interface CrossingInput {
  /** A raw MRZ read at the booth, or a manual entry (person, document, vehicle, direction). */
  mrz?: string;
  entry?: unknown;
  direction?: "entry" | "exit";
  crossingPointId?: string;
  purpose: string;
}

function readEntry(p: Principal, input: CrossingInput): { entry: ManualEntry; warnings: string[] } {
  const warnings: string[] = [];
  if (input.mrz) {
    const mrz = parseMrz(input.mrz);
    if (!mrz.valid)
      throw new InvalidError(`MRZ check digits failed: ${mrz.failedChecks.join(", ")}`, { mrz });
    warnings.push(
      ...mrz.warnings,
      ...mrz.corrections.map((c) => `MRZ corrected: ${c.reason} (line ${c.line}, column ${c.column})`),
    );
    const doc = mrz.traveller.documents[0];
    const entry: ManualEntry = {
      person: mrz.traveller,
      ...(doc ? { document: doc } : {}),
      direction: input.direction ?? "entry",
      crossingPointId: input.crossingPointId ?? p.crossingPointId ?? "",
    };
    return { entry, warnings };
  }
  if (input.entry !== undefined) return { entry: parseManualEntry(input.entry), warnings };
  throw new InvalidError("give either mrz or entry");
}

/** The document presented first, then any others the person holds. */
function travellerOf(entry: ManualEntry): Traveller {
  const doc = entry.document;
  if (!doc) return entry.person;
  return {
    ...entry.person,
    documents: [doc, ...entry.person.documents.filter((d) => d.number !== doc.number)],
  };
}

export async function recordCrossing(
  deps: ScreenDeps & { now: () => Date },
  p: Principal,
  input: CrossingInput,
): Promise<{
  id: string;
  screeningId: string;
  direction: "entry" | "exit";
  warnings: string[];
  outcome: PersonOutcome;
}> {
  if (!can(p, "screen")) throw new ForbiddenError("this role cannot record crossings");
  const { entry, warnings } = readEntry(p, input);
  const traveller = travellerOf(entry);
  const cp = entry.crossingPointId || undefined;
  const screened = await screenTravellers(deps, p, [traveller], input.purpose, cp);
  const id = randomUUID();
  const outcome = await deps.db.kysely.transaction().execute(async (trx) => {
    const at = deps.now();
    const [outcome] = await recordScreened(
      trx,
      p,
      { kind: "crossing", id, ...(cp ? { crossingPointId: cp } : {}) },
      screened,
      at,
    );
    await insertCrossing(trx, {
      id,
      agency: p.agency,
      user_id: p.userId,
      screening_id: screened.screening.id,
      crossing_point_id: cp ?? null,
      direction: entry.direction,
      decision: outcome!.decision,
      data: JSON.stringify({ traveller, vehiclePlate: entry.vehiclePlate ?? null, warnings }),
      created_at: at.toISOString(),
    });
    await appendAudit(trx, {
      actor: p,
      action: "crossing.create",
      objectType: "crossing",
      objectId: id,
      purpose: input.purpose,
      outcome: "success",
      details: {
        decision: outcome!.decision,
        documentHit: (outcome!.documentHits?.length ?? 0) > 0,
        ...(outcome!.alertId ? { alertId: outcome!.alertId } : {}),
      },
    });
    return outcome!;
  });
  return { id, screeningId: screened.screening.id, direction: entry.direction, warnings, outcome };
}
