// `limes screen`: screen persons from a file against one or more watchlists, one JSON line per person.
import type { Command } from "commander";
import type { Entity } from "../screening/index.js";
import { createScreener, type Match, type ScreeningQuery } from "../screening/index.js";
import { InvalidError } from "../shared/errors.js";
import { importWatchlist, parseWatchlistSpec } from "../watchlists/index.js";
import { readPersons } from "./persons.js";
import { createProgress } from "./progress.js";

interface ScreenOptions {
  watchlist: string[];
  input: string;
  threshold?: string;
  format: "jsonl" | "table";
  limit: string;
}

export function registerScreenCommand(program: Command): void {
  program
    .command("screen")
    .description(
      "screen persons (CSV or JSONL) against watchlists; one result line per person, in input order",
    )
    .requiredOption(
      "-w, --watchlist <format:file>",
      "watchlist to load, e.g. un-xml:data/samples/un-sc-consolidated.xml (repeatable)",
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
    .addHelpText(
      "after",
      `
Formats for --watchlist: un-xml, ofac-csv (path of sdn.csv), ftm-jsonl, csv.
Each output line: {"input": <row from 1>, "name": ..., "matches": [{"entityId", "sourceRef", "name", "score", "decision"}]}

Examples:
  limes screen --watchlist un-xml:data/samples/un-sc-consolidated.xml --input travellers.csv
  limes screen -w un-xml:un.xml -w ofac-csv:sdn/sdn.csv -i persons.jsonl --threshold 0.8 --format table`,
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
    throw new InvalidError(`--format must be jsonl or table, not "${opts.format}"`);
  const limit = Number(opts.limit);
  if (!Number.isInteger(limit) || limit < 1)
    throw new InvalidError(`--limit must be a positive integer, not "${opts.limit}"`);
  let refer: number | undefined;
  if (opts.threshold !== undefined) {
    refer = Number(opts.threshold);
    if (!(refer >= 0 && refer <= 1))
      throw new InvalidError(`--threshold must be a number between 0 and 1, not "${opts.threshold}"`);
  }
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
  const started = Date.now();
  const screener = createScreener(
    entities,
    refer === undefined ? { limit } : { limit, thresholds: { refer } },
  );
  process.stderr.write(`index built over ${screener.size} entities in ${Date.now() - started} ms\n`);
  const persons: { row: number; query: ScreeningQuery }[] = [];
  for await (const p of readPersons(opts.input)) persons.push(p);
  const bar = createProgress("screen", "persons");
  const rows: string[][] = [];
  let refers = 0;
  persons.forEach(({ row, query }, i) => {
    const { matches } = screener.screen(query);
    const name = query.name ?? [query.firstName, query.middleName, query.lastName].filter(Boolean).join(" ");
    if (matches.some((m) => m.decision === "refer")) refers++;
    if (opts.format === "jsonl") {
      process.stdout.write(`${JSON.stringify({ input: row, name, matches: matches.map(summary) })}\n`);
    } else {
      const top = matches[0];
      rows.push([
        String(row),
        name,
        top ? top.decision : "clear",
        top ? top.score.toFixed(3) : "",
        top ? `${top.sourceRef} ${top.name}` : "",
      ]);
    }
    bar.update(i + 1, persons.length);
  });
  bar.stop();
  if (opts.format === "table")
    process.stdout.write(table(["#", "name", "decision", "score", "top match"], rows));
  process.stderr.write(`${persons.length} persons screened, ${refers} refer\n`);
}

function summary(m: Match) {
  return { entityId: m.entityId, sourceRef: m.sourceRef, name: m.name, score: m.score, decision: m.decision };
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) => `${cells.map((c, i) => c.padEnd(widths[i]!)).join("  ")}\n`;
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}
