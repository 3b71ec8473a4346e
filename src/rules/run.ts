// Running the agency's active rules on screened travellers, after watchlist screening.
import type { ScreenedTravellerFacts } from "../db/index.js";
import { identityKey, type Leg, type Traveller } from "../travel/index.js";
import { DAY, type RuleDeps, today } from "./common.js";
import { evaluateRules, type RuleHit } from "./evaluate.js";
import { factsFor } from "./facts.js";
import { depersonalise } from "./population.js";
import { activeRules } from "./read.js";
import { tripCounts } from "./store.js";

/**
 * `refers` says who on the same manifest was referred (co-traveller facts), and earlier crossings of the
 * same identity give the travel pattern. Each person's hits, in input order, and each person's
 * depersonalised facts for the screened population (written with the crossing, whether or not a rule is
 * active).
 */
export async function runRules(
  deps: RuleDeps,
  agency: string,
  travellers: readonly Traveller[],
  trip: { legs?: readonly Leg[]; refers: readonly boolean[] },
): Promise<{ hits: RuleHit[][]; population: ScreenedTravellerFacts[] }> {
  const at = deps.now();
  const day = today(at);
  const rules = await activeRules(deps, agency, day);
  const keys = travellers.map(identityKey);
  const since = new Date(at.getTime() - 90 * DAY).toISOString();
  const trips = await tripCounts(deps.db.kysely, agency, keys, since);
  const referred = trip.refers.filter(Boolean).length;
  const onManifest = travellers.length > 1;
  const facts = travellers.map((t, i) =>
    factsFor(
      t,
      {
        ...(trip.legs ? { legs: trip.legs } : {}),
        tripsLast90Days: trips.get(keys[i]!) ?? 0,
        ...(onManifest ? { watchlistedCoTravellers: referred - (trip.refers[i] ? 1 : 0) } : {}),
      },
      day,
    ),
  );
  return {
    hits: facts.map((f) => evaluateRules(rules, f, day)),
    population: facts.map(depersonalise),
  };
}
