// `npm run bench`: name-pair quality, screening quality, speed and scale of Limes next to its baselines,
// in one run. Tables go to stdout, progress to stderr, everything measured to test-results/bench-latest.json.
// Options: see USAGE in plan.ts (`--quick`, `--skip-scale`, `--only names|screening|http|scale`, `--help`).
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { compareNames, DEFAULT_THRESHOLDS } from "../src/screening/index.js";
import { REPO_ROOT } from "../test/support/paths.js";
import { type AtPostResult, atPostReport, runAtPost } from "./at-post.js";
import { type CargoBenchResult, cargoReport, runCargoBench } from "./cargo.js";
import { DATA_FILES, everyNth, missingDataFiles, readCsv, readPersons, rowToQuery } from "./data.js";
import { type HttpLoadResult, httpReport, runHttpLoad } from "./http-load.js";
import { type LoginFloodResult, loginFloodReport, runLoginFlood } from "./login-flood.js";
import { type NamePairsResult, runNamePairs, toPairCase } from "./name-pairs.js";
import { type PartnerBenchResult, partnerReport, runPartnerBench } from "./partner-round-trip.js";
import { type Plan, parsePlan, USAGE } from "./plan.js";
import { note } from "./progress.js";
import { namePairsReport, qualityReport, scaleReport, speedReport, summaryReport } from "./report.js";
import { runScale, type ScaleResult } from "./scale.js";
import { runScreening, type ScreeningReport } from "./screening-run.js";
import { crossValidate, type TranslitCvResult, translitReport } from "./translit-cv.js";

const RESULTS = join(REPO_ROOT, "test-results", "bench-latest.json");

function planOrExit(): Plan {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  try {
    return parsePlan(args);
  } catch (err) {
    process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n\n${USAGE}\n`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const p = planOrExit();
  const missing = missingDataFiles();
  if (missing.length > 0) {
    process.stderr.write(
      "The benchmark reads the real sample data kept in the repository (data/real, data/samples).\n" +
        `Missing:\n${missing.map((m) => `  ${m}`).join("\n")}\n`,
    );
    process.exit(1);
  }
  const started = Date.now();
  const out: Record<string, unknown> = {
    startedAt: new Date(started).toISOString(),
    node: process.version,
    plan: p,
  };
  let names: NamePairsResult | undefined;
  let screening: ScreeningReport | undefined;
  let scale: ScaleResult | undefined;
  let translit: TranslitCvResult[] | undefined;
  let http: HttpLoadResult | undefined;
  let httpError: string | undefined;
  let scaleError: string | undefined;

  if (p.sections.has("names")) {
    note("name pairs");
    const cases = readCsv(DATA_FILES.cases).map(toPairCase);
    names = runNamePairs(cases, readCsv(DATA_FILES.logicV2), compareNames, DEFAULT_THRESHOLDS.refer);
    out.namePairs = names;
  }
  if (p.sections.has("screening")) {
    screening = await runScreening(p);
    out.screening = screening;
  }
  if (p.sections.has("translit")) {
    note("transliteration cross-validation: 3 scripts × 5 folds");
    translit = (["arabic", "cyrillic", "hebrew"] as const).map((s) =>
      p.quick ? crossValidate(s, 40, 200) : crossValidate(s),
    );
    out.translit = translit;
  }
  if (p.sections.has("http")) {
    try {
      const persons = everyNth(readPersons(DATA_FILES.negatives), 25).map(rowToQuery);
      http = await runHttpLoad(persons, p.httpSeconds);
      out.http = http;
    } catch (err) {
      httpError = err instanceof Error ? err.message : String(err);
      out.http = { error: httpError };
    }
  }
  let flood: LoginFloodResult | string | undefined;
  if (p.sections.has("login-flood")) {
    flood = await runLoginFlood(p.httpSeconds).catch((err: unknown) =>
      err instanceof Error ? err.message : String(err),
    );
    out.loginFlood = typeof flood === "string" ? { error: flood } : flood;
  }
  if (p.sections.has("scale")) {
    note(`scale: ${p.scale.persons.toLocaleString("en-US")} synthetic persons, in a child process`);
    try {
      scale = await runScale(p.scale);
      out.scale = scale;
    } catch (err) {
      scaleError = err instanceof Error ? err.message : String(err);
      out.scale = { error: scaleError };
    }
  }
  let cargo: CargoBenchResult | string | undefined;
  if (p.sections.has("cargo")) {
    note("cargo: a 2,000-consignment CUSCAR through the API");
    cargo = await runCargoBench(p.quick ? 3 : 11).catch((err: unknown) =>
      err instanceof Error ? err.message : String(err),
    );
    out.cargo = typeof cargo === "string" ? { error: cargo } : cargo;
  }
  let atPost: AtPostResult | undefined;
  if (p.sections.has("at-post")) {
    note("checks at the post: firearm serials and vehicle + occupants");
    atPost = await runAtPost(p.quick);
    out.atPost = atPost;
  }
  let partners: PartnerBenchResult | string | undefined;
  if (p.sections.has("partners")) {
    partners = await runPartnerBench({ requests: p.quick ? 50 : 300, seconds: p.quick ? 5 : 15 }).catch(
      (err: unknown) => (err instanceof Error ? err.message : String(err)),
    );
    out.partners = typeof partners === "string" ? { error: partners } : partners;
  }
  out.elapsedMs = Date.now() - started;

  const report = [
    `Limes benchmark${p.quick ? " (--quick: small samples; figures are not comparable)" : ""}`,
    "",
  ];
  if (names) report.push(namePairsReport(names));
  if (screening) report.push(qualityReport(screening), speedReport(screening));
  if (translit) report.push(translitReport(translit));
  if (http) report.push(httpReport(http));
  if (httpError) report.push(`5. HTTP load: failed (${httpError})\n`);
  if (flood)
    report.push(typeof flood === "string" ? `6. Login flood: failed (${flood})\n` : loginFloodReport(flood));
  if (scale) report.push(scaleReport(scale));
  if (scaleError) report.push(`4. Scale: failed (${scaleError})\n`);
  if (cargo)
    report.push(typeof cargo === "string" ? `7. Cargo manifest: failed (${cargo})\n` : cargoReport(cargo));
  if (atPost) report.push(atPostReport(atPost));
  if (partners)
    report.push(
      typeof partners === "string" ? `7. Partner exchange: failed (${partners})\n` : partnerReport(partners),
    );
  if (screening) report.push(summaryReport(screening, names));
  report.push(`whole run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  process.stdout.write(`${report.join("\n")}\n`);

  mkdirSync(join(REPO_ROOT, "test-results"), { recursive: true });
  // Sets do not survive JSON.stringify.
  writeFileSync(RESULTS, `${JSON.stringify(out, (_, v) => (v instanceof Set ? [...v] : v), 2)}\n`);
  note(`results written to ${RESULTS}`);
}

await main();
