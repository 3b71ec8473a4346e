// The person a protection record is about, from exactly one source: an alert, a crossing, or as the
// officer saw them.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { InvalidError, NotFoundError } from "../shared/errors.js";
import { identityKey, type Traveller } from "../travel/index.js";
import { alertPerson, crossingPerson } from "./store.js";
import type { RecordInput } from "./views.js";

/** The person a record is about, and the alert it belongs to, from exactly one source. */
export async function subject(db: Db, p: Principal, input: RecordInput) {
  const sources = [input.alertId, input.crossingId, input.person].filter((x) => x !== undefined);
  if (sources.length !== 1)
    throw new InvalidError(
      "give exactly one of alertId, crossingId or person",
      undefined,
      "protection_source",
    );
  if (input.alertId) {
    const a = await alertPerson(db.kysely, p.agency, input.alertId);
    if (!a)
      throw new NotFoundError(`alert ${input.alertId} not found`, undefined, "alert_not_found", {
        id: input.alertId,
      });
    return {
      person: JSON.parse(a.traveller) as Traveller,
      key: a.identity_key,
      alertId: input.alertId,
      crossingId: a.source === "crossing" ? a.source_id : null,
    };
  }
  if (input.crossingId) {
    const c = await crossingPerson(db.kysely, p.agency, input.crossingId);
    if (!c)
      throw new NotFoundError(`crossing ${input.crossingId} not found`, undefined, "crossing_not_found", {
        id: input.crossingId,
      });
    const person = (JSON.parse(c.data) as { traveller: Traveller }).traveller;
    // The alert the crossing opened, if any: the bar then holds for it whatever the identity says.
    return { person, key: identityKey(person), alertId: c.alertId, crossingId: input.crossingId };
  }
  const given = input.person!;
  const person: Traveller = {
    surname: given.surname,
    givenNames: given.givenNames ?? "",
    role: "passenger",
    documents: given.documents ?? [],
    ...(given.birthDate ? { birthDate: given.birthDate } : {}),
    ...(given.nationality ? { nationality: given.nationality } : {}),
  };
  return { person, key: identityKey(person), alertId: null, crossingId: null };
}
