// A manifest (PAXLST or FAL) as one use case: screen every person as one batch, then write the screening,
// the alerts, the manifest and the audit entries in ONE transaction, so a crash never leaves a screening
// without its manifest (issue 12, item 5). A dry run (`limes manifest screen --dry-run`) goes through the
// same steps and rolls that transaction back: the same decisions, nothing saved, nothing audited.
import { randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { appendAudit } from "../audit/index.js";
import { recordingPoint } from "../crossing-points/index.js";
import { ForbiddenError, InvalidError } from "../shared/errors.js";
import { type Manifest, parseManifestFile } from "../travel/index.js";
import { type PersonOutcome, recordScreened, type ScreenDeps, screenTravellers } from "./screen.js";
import { insertManifest } from "./store.js";

/** Thrown to end a dry run's transaction: the rollback is the point, the outcomes are the answer. */
class RolledBack extends Error {
  constructor(readonly outcomes: PersonOutcome[]) {
    super("dry run: rolled back");
  }
}

export async function screenManifest(
  deps: ScreenDeps & { now: () => Date },
  p: Principal,
  file: string | Uint8Array,
  purpose: string,
  crossingPointId?: string,
  opts: { dryRun?: boolean } = {},
): Promise<{ id: string; screeningId: string; manifest: Manifest; outcomes: PersonOutcome[] }> {
  if (!can(p, "screen"))
    throw new ForbiddenError("this role cannot screen manifests", undefined, "permission_denied", {
      permission: "screen",
    });
  // Checked before screening: an unknown point or another officer's post records nothing.
  const cp = await recordingPoint(deps.db.kysely, p, crossingPointId);
  const manifest = parseManifestFile(file);
  if (manifest.persons.length === 0)
    throw new InvalidError("the manifest lists no persons", undefined, "manifest_empty");
  const screened = await screenTravellers(deps, p, manifest.persons, purpose, cp, manifest.legs);
  const id = randomUUID();
  const record = () =>
    deps.db.kysely.transaction().execute(async (trx) => {
      const at = deps.now();
      const outcomes = await recordScreened(
        trx,
        p,
        { kind: "manifest", id, ...(cp ? { crossingPointId: cp } : {}) },
        screened,
        at,
      );
      await insertManifest(trx, {
        id,
        agency: p.agency,
        user_id: p.userId,
        screening_id: screened.screening.id,
        kind: manifest.kind,
        carrier: manifest.carrier ?? null,
        number: manifest.number ?? null,
        list_type: manifest.listType,
        persons: manifest.persons.length,
        data: JSON.stringify({ manifest, outcomes }),
        created_at: at.toISOString(),
      });
      await appendAudit(trx, {
        actor: p,
        action: "manifest.create",
        objectType: "manifest",
        objectId: id,
        purpose,
        outcome: "success",
        details: { persons: outcomes.length, refer: outcomes.filter((o) => o.decision === "refer").length },
      });
      if (opts.dryRun) throw new RolledBack(outcomes);
      return outcomes;
    });
  const outcomes = await record().catch((err: unknown) => {
    if (err instanceof RolledBack) return err.outcomes;
    throw err;
  });
  return { id, screeningId: screened.screening.id, manifest, outcomes };
}
