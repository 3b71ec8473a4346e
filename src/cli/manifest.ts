// `limes manifest screen <file>`: a PAXLST message or FAL crew/passenger list through the same use case as
// `POST /api/v1/manifests`, on the database named by LIMES_DB, as the officer whose token is in
// LIMES_TOKEN: the same screening, document check, rules, alerts and audit. `--dry-run` rolls it all back
// and prints the same decisions. `--watchlist` screens against list files instead of the live lists.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { Db } from "../db/index.js";
import type { Entity } from "../screening/index.js";
import { createSltdIndex, parseSltdCsv } from "../travel/index.js";
import { importWatchlist, loadLatestEntities, parseWatchlistSpec } from "../watchlists/index.js";
import { optionError } from "./options.js";
import { asOfficer, type Services } from "./services.js";

interface ManifestOptions {
  watchlist: string[];
  sltd?: string;
  format: "jsonl" | "table";
  dryRun?: boolean;
  purpose: string;
  crossingPoint?: string;
}

type Screened = Awaited<ReturnType<Services["crossings"]["screenManifest"]>>;
interface MatchLine {
  entityId: string;
  sourceRef: string;
  name: string;
  score: number;
  decision: string;
}

async function entitiesFor(opts: ManifestOptions, db: Db): Promise<Entity[]> {
  if (opts.watchlist.length === 0) return loadLatestEntities(db);
  const entities: Entity[] = [];
  for (const { format, path } of opts.watchlist.map(parseWatchlistSpec))
    entities.push(...(await importWatchlist(format, path)).entities);
  return entities;
}

/** Runs the manifest use case on LIMES_DB as the officer of LIMES_TOKEN. */
async function screen(file: string, opts: ManifestOptions): Promise<Screened> {
  const content = readFileSync(file);
  const sltd = createSltdIndex(opts.sltd ? parseSltdCsv(readFileSync(opts.sltd, "utf8")) : []);
  return asOfficer(
    (p, s) =>
      s.crossings.screenManifest(p, content, opts.purpose, opts.crossingPoint, {
        ...(opts.dryRun ? { dryRun: true } : {}),
      }),
    { entities: (db) => entitiesFor(opts, db), sltd },
  );
}

/** One line per person, refers first as the use case sorted them; persons are numbered from 1. */
function print(r: Screened, opts: ManifestOptions): void {
  const m = r.manifest;
  const title = `${m.kind} ${m.number ?? m.carrier ?? ""} ${m.listType}: ${r.summary.persons} persons (declared ${m.declaredCount ?? "?"}), ${r.summary.refer} refer`;
  const dry = opts.dryRun ? "dry run: nothing saved, nothing audited\n" : `manifest ${r.id}\n`;
  process.stderr.write(`${title}\n${dry}${m.warnings.map((w) => `warning: ${w}\n`).join("")}`);
  for (const o of r.results) {
    const person = m.persons[o.index]!;
    const name = `${person.surname}, ${person.givenNames}`.replace(/, $/, "");
    const matches = (o.matches ?? []) as MatchLine[];
    const hits = o.documentHits ?? [];
    if (opts.format === "jsonl") {
      const line = {
        person: o.index + 1,
        name,
        role: person.role,
        decision: o.decision,
        reference: o.reference,
        matches: matches.map(({ entityId, sourceRef, name, score, decision }) => ({
          entityId,
          sourceRef,
          name,
          score,
          decision,
        })),
        documentHits: hits,
      };
      process.stdout.write(`${JSON.stringify(line)}\n`);
      continue;
    }
    const top = matches[0];
    const why = hits[0]
      ? `document ${hits[0].number} ${hits[0].status}`
      : top
        ? `${top.sourceRef} ${top.name} (${top.score.toFixed(3)})`
        : "";
    process.stdout.write(
      `${String(o.index + 1).padStart(4)}  ${o.decision.padEnd(5)}  ${name.padEnd(36).slice(0, 36)}  ${why}\n`,
    );
  }
}

export function registerManifestCommands(program: Command): void {
  const manifest = program
    .command("manifest")
    .description("passenger and crew manifests (PAXLST, IMO FAL 5/6)");
  manifest
    .command("screen <file>")
    .description(
      "screen every person of a PAXLST message or FAL 5/6 CSV as POST /api/v1/manifests does, on LIMES_DB as the officer in LIMES_TOKEN; refers first",
    )
    .option(
      "-w, --watchlist <format:file>",
      "screen against this list file (repeatable) instead of the live lists on LIMES_DB",
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option(
      "-s, --sltd <file>",
      "stolen and lost documents CSV (number,type,issuing_country,status,reported_date)",
    )
    .option("--dry-run", "the same decisions, with nothing saved and nothing audited")
    .option("--purpose <text>", "why the manifest is screened (audited)", "manifest screening at the post")
    .option("--crossing-point <id>", "the crossing point the manifest is recorded at")
    .option("-f, --format <format>", "output: table or jsonl", "table")
    .addHelpText(
      "after",
      "\nExamples:\n  LIMES_TOKEN=… limes manifest screen flight.edi --dry-run\n  LIMES_TOKEN=… limes manifest screen crew.csv --sltd data/samples/sltd-sample.csv --format jsonl",
    )
    .action(async (file: string, opts: ManifestOptions) => {
      if (opts.format !== "jsonl" && opts.format !== "table")
        throw optionError("--format", "jsonl or table", opts.format);
      print(await screen(file, opts), opts);
    });
}
