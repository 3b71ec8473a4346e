// `npx tsx bench/dev-errors.ts`: the name pairs of the development half that compareNames gets wrong at
// its default threshold, by case group, for error analysis. It never prints a test-half pair (issue 14:
// the test half is not looked at while changing the engine).
import { compareNames, DEFAULT_THRESHOLDS } from "../src/screening/index.js";
import { DATA_FILES, readCsv } from "./data.js";
import { halfOf, toPairCase } from "./name-pairs.js";

const dev = readCsv(DATA_FILES.cases)
  .map(toPairCase)
  .filter((c) => halfOf(c.name1, c.name2) === "dev");
const wrong = dev
  .map((c) => ({ c, score: compareNames(c.name1, c.name2, c.schema) }))
  .filter(({ c, score }) => score >= DEFAULT_THRESHOLDS.refer !== c.isMatch)
  .sort((a, b) => a.c.group.localeCompare(b.c.group) || Number(a.c.isMatch) - Number(b.c.isMatch));
for (const { c, score } of wrong)
  process.stdout.write(
    `${c.group}\t${c.isMatch ? "FN" : "FP"}\t${score.toFixed(3)}\t${c.schema}\t${c.name1}\t${c.name2}\n`,
  );
process.stdout.write(`${wrong.length} of ${dev.length} development-half pairs wrong\n`);
