// `npx tsx bench/screening-limes.ts [every]`: Limes alone, for a quick check between engine changes:
// UN recall strict and with OFAC twins (with the rows missed), and false refers on every n-th negative,
// full and by name only. The same functions as `npm run bench -- --only screening`, without the baselines.
import { createScreener, type ScreeningQuery } from "../src/screening/index.js";
import { DATA_FILES, everyNth, loadWatchlists, readPersons, rowToQuery } from "./data.js";
import { falsePositivesOf, findTwins, recallOf, resolveGroundTruth } from "./screening-quality.js";
import { type Hit, limesSystem } from "./systems.js";

const every = Number(process.argv[2] ?? 1);
const lists = await loadWatchlists();
const s = limesSystem(createScreener(lists.all));
const byId = new Map(lists.all.map((e) => [e.id, e.name]));
const untreatedRows = readPersons(DATA_FILES.untreated);
const treatedRows = readPersons(DATA_FILES.treated);
const truth = resolveGroundTruth(untreatedRows, lists.un);
const twins = findTwins(
  truth.ids.flatMap((ids) => ids ?? []),
  lists.all,
);
for (const [label, rows] of [
  ["untreated", untreatedRows],
  ["treated", treatedRows],
] as const) {
  const qs = rows.map(rowToQuery);
  const r = recallOf(
    qs.map((q) => s.screen(q) as Hit[]),
    qs,
    truth.ids,
    twins,
  );
  console.log(`${label}: strict ${r.topStrict}/${r.n}, with twins ${r.top}/${r.n}`);
  for (const m of r.misses)
    console.log(
      `  miss row ${m.row}: ${m.name} -> ${m.top ? byId.get(m.top) : "-"}; right: ${truth.ids[m.row - 1]?.map((id) => byId.get(id)).join(" / ")}`,
    );
}
const neg = everyNth(readPersons(DATA_FILES.negatives), every).map(rowToQuery);
const full = falsePositivesOf(neg.map((q) => s.screen(q) as Hit[]));
console.log(`negatives full: ${full.flagged}/${full.n} = ${(100 * full.rate).toFixed(3)}%`);
const nameOnly = (q: ScreeningQuery): ScreeningQuery => {
  const { birthDate: _b, nationalities: _n, gender: _g, placeOfBirth: _p, documents: _d, ...names } = q;
  return names;
};
const no = falsePositivesOf(neg.map((q) => s.screen(nameOnly(q)) as Hit[]));
console.log(`negatives name-only: ${no.flagged}/${no.n} = ${(100 * no.rate).toFixed(3)}%`);
