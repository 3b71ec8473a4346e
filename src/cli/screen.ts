// `limes screen`: screen persons from a file through the use case of POST /api/v1/screenings, on the
// database named by LIMES_DB as the officer whose token is in LIMES_TOKEN (recorded and audited, or
// nothing saved with --dry-run), against the live lists or list files; one JSON line per person.
import type { Command } from "commander";
import type { Db } from "../db/index.js";
import { createScreener, type Entity, type Match, type ScreeningQuery } from "../screening/index.js";
import { type DetailedResult, type FirstLineResult, MAX_BATCH } from "../screenings/index.js";
import { importWatchlist, loadLatestEntities, parseWatchlistSpec } from "../watchlists/index.js";
import { optionError } from "./options.js";
import { readPersons } from "./persons.js";
import { createProgress } from "./progress.js";
import { asOfficer } from "./services.js";

interface ScreenOptions {
  watchlist: string[];
  input: string;
  threshold?: string;
  format: "jsonl" | "table";
  limit: string;
  dryRun?: boolean;
  purpose: string;
}

type Result = FirstLineResult | DetailedResult;

export function registerScreenCommand(program: Command): void {
  program
    .command("screen")
    .description(
      "screen persons (CSV or JSONL) as POST /api/v1/screenings does, on LIMES_DB as the officer in LIMES_TOKEN; one result line per person, in input order",
    )
    .option(
      "-w, --watchlist <format:file>",
      "screen against this list file, e.g. un-xml:data/samples/un-sc-consolidated.xml (repeatable), instead of the live lists on LIMES_DB",
      collect,
      [],
    )
    .requiredOption(
      "-i, --input <file>",
      "persons to screen: .csv or .jsonl with full_name, first_name, middle_name, last_name, gender, date_of_birth, place_of_birth, nationality",
    )
    .option(
      "-t, --threshold <score>",
      "refer threshold between 0 and 1 (default: the engine's documented default)",
    )
    .option("-f, --format <format>", "output format: jsonl or table", "jsonl")
    .option("-n, --limit <n>", "matches reported per person", "5")
    .option("--dry-run", "the same results, with nothing saved and nothing audited")
    .option(
      "--purpose <text>",
      "why the persons are screened (audited)",
      "batch screening from the command line",
    )
    .addHelpText(
      "after",
      `
Formats for --watchlist: un-xml, ofac-csv (path of sdn.csv), ftm-jsonl, csv.
Each output line: {"input": <row from 1>, "name": ..., "matches": [{"entityId", "sourceRef", "name", "score", "decision"}]};
for a role that may not see list details (first line), {"input", "name", "decision", "reference"}.
Persons are screened ${MAX_BATCH} to a recorded screening.

Examples:
  LIMES_TOKEN=… limes screen --input travellers.csv
  LIMES_TOKEN=… limes screen --watchlist un-xml:data/samples/un-sc-consolidated.xml --input travellers.csv --dry-run
  LIMES_TOKEN=… limes screen -w un-xml:un.xml -w ofac-csv:sdn/sdn.csv -i persons.jsonl --threshold 0.8 --format table --dry-run`,
    )
    .action(async (opts: ScreenOptions) => {
      await runScreen(opts);
    });
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function runScreen(opts: ScreenOptions): Promise<void> {
  if (opts.format !== "jsonl" && opts.format !== "table")
    throw optionError("--format", "jsonl or table", opts.format);
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1) throw optionError("--limit", "a positive integer", opts.limit);
  let refer: number | undefined;
  if (opts.threshold !== undefined) {
    refer = Number(opts.threshold);
    if (!(refer >= 0 && refer <= 1))
      throw optionError("--threshold", "a number between 0 and 1", opts.threshold);
  }
  const persons: { row: number; query: ScreeningQuery }[] = [];
  for await (const p of readPersons(opts.input)) persons.push(p);
  const results = await asOfficer(async (p, s) => {
    const entities = await entitiesFor(opts, s.db);
    const started = Date.now();
    // The engine's settings of this run: how many matches to report, and the refer threshold.
    s.screenings.swap(
      createScreener(entities, refer === undefined ? { limit } : { limit, thresholds: { refer } }),
    );
    process.stderr.write(
      `index built over ${s.screenings.screener.size} entities in ${Date.now() - started} ms\n`,
    );
    const bar = createProgress("screen", "persons");
    const out: Result[] = [];
    for (let start = 0; start < persons.length; start += MAX_BATCH) {
      const batch = persons.slice(start, start + MAX_BATCH).map((x) => x.query);
      const record = await s.screenings.screen(
        p,
        { persons: batch, purpose: opts.purpose },
        opts.dryRun ? { dryRun: true } : {},
      );
      if (!opts.dryRun) process.stderr.write(`screening ${record.id}\n`);
      out.push(...record.results);
      bar.update(out.length, persons.length);
    }
    bar.stop();
    return out;
  });
  print(persons, results, opts);
}

async function entitiesFor(opts: ScreenOptions, db: Db): Promise<Entity[]> {
  if (opts.watchlist.length === 0) return loadLatestEntities(db);
  const entities: Entity[] = [];
  for (const spec of opts.watchlist) {
    const { format, path } = parseWatchlistSpec(spec);
    const bar = createProgress(`load ${format}`, "bytes");
    const result = await importWatchlist(format, path, {
      onProgress: (done, total) => bar.update(done, total),
    });
    bar.stop();
    entities.push(...result.entities);
    process.stderr.write(`loaded ${result.entities.length} entities from ${path}\n`);
  }
  return entities;
}

/** One line per person, in input order: the matches when the officer may see them, the outcome otherwise. */
function print(persons: { row: number; query: ScreeningQuery }[], results: Result[], opts: ScreenOptions) {
  const rows: string[][] = [];
  results.forEach((r, i) => {
    const { row, query } = persons[i]!;
    const matches = "matches" in r ? r.matches : undefined;
    const name = query.name ?? [query.firstName, query.middleName, query.lastName].filter(Boolean).join(" ");
    if (opts.format === "jsonl") {
      const line = matches
        ? { input: row, name, matches: matches.map(summary) }
        : { input: row, name, decision: r.decision, reference: r.reference };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      return;
    }
    const top = matches?.[0];
    rows.push([
      String(row),
      name,
      top ? top.decision : r.decision,
      top ? top.score.toFixed(3) : "",
      top ? `${top.sourceRef} ${top.name}` : "",
    ]);
  });
  if (opts.format === "table")
    process.stdout.write(table(["#", "name", "decision", "score", "top match"], rows));
  const refers = results.filter((r) => r.decision === "refer").length;
  const saved = opts.dryRun ? "; dry run: nothing saved, nothing audited" : "";
  process.stderr.write(`${persons.length} persons screened, ${refers} refer${saved}\n`);
}

function summary(m: Match) {
  return { entityId: m.entityId, sourceRef: m.sourceRef, name: m.name, score: m.score, decision: m.decision };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}\n`;
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
