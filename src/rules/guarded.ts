// The guard's verdict on a rule (guard.ts), over the agency's own screened population when it is large
// enough to judge by, else over the synthetic one.
import { DAY, type RuleDeps, type RuleInput, today } from "./common.js";
import { checkRule, type GuardResult, type Population } from "./guard.js";
import { factsOfRow, syntheticPopulation } from "./population.js";
import { recentTravellers, screenedSince } from "./store.js";

/** The agency's own population is used for the data check from this many travellers in 90 days. */
export const MIN_OWN_POPULATION = 1000;
/** The most recent travellers read for the data check: enough for a share, bounded in memory. */
const POPULATION_SAMPLE = 20_000;

/** The agency's last 90 days when they hold enough travellers, else the synthetic population. */
async function populationFor(deps: RuleDeps, agency: string): Promise<Population> {
  const since = new Date(deps.now().getTime() - 90 * DAY).toISOString();
  const n = await screenedSince(deps.db.kysely, agency, since);
  if (n < MIN_OWN_POPULATION) return syntheticPopulation();
  const rows = await recentTravellers(deps.db.kysely, agency, since, POPULATION_SAMPLE);
  return { label: "the agency's screenings of the last 90 days", facts: rows.map(factsOfRow) };
}

export async function guardVerdict(deps: RuleDeps, agency: string, input: RuleInput): Promise<GuardResult> {
  const result = checkRule(
    { ...input, id: "new", version: 0 },
    {
      proxies: deps.proxies,
      population: await populationFor(deps, agency),
      ...(deps.maxShare !== undefined ? { maxShare: deps.maxShare } : {}),
    },
  );
  if (result.ok && input.reviewDate <= today(deps.now()))
    return { ok: false, reasons: ["the review date must be in the future"] };
  return result;
}
