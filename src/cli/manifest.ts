// `limes manifest screen <file>`: screen every person of a PAXLST message or FAL crew/passenger list
// against watchlists and, optionally, a stolen/lost document list, without a server.
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import type { Entity } from "../screening/index.js";
import { createScreener, type Match } from "../screening/index.js";
import { InvalidError } from "../shared/errors.js";
import {
  createSltdIndex,
  parseManifestFile,
  parseSltdCsv,
  type SltdRecord,
  toScreeningQuery,
} from "../travel/index.js";
import { importWatchlist, parseWatchlistSpec, SAMPLE_WATCHLISTS } from "../watchlists/index.js";
import { createProgress } from "./progress.js";

interface ManifestOptions {
  watchlist: string[];
  sltd?: string;
  format: "jsonl" | "table";
}

export function registerManifestCommands(program: Command): void {
  const manifest = program
    .command("manifest")
    .description("passenger and crew manifests (PAXLST, IMO FAL 5/6)");
  manifest
    .command("screen <file>")
    .description("screen every person of a PAXLST message or FAL 5/6 CSV; refers first")
    .option(
      "-w, --watchlist <format:file>",
      "watchlist to load (repeatable); default: the sample UN and OFAC lists",
      (v: string, p: string[]) => [...p, v],
      [],
    )
    .option(
      "-s, --sltd <file>",
      "stolen and lost documents CSV (number,type,issuing_country,status,reported_date)",
    )
    .option("-f, --format <format>", "output: table or jsonl", "table")
    .addHelpText(
      "after",
      "\nExamples:\n  limes manifest screen flight.edi\n  limes manifest screen crew.csv --sltd data/samples/sltd-sample.csv --format jsonl",
    )
    .action(async (file: string, opts: ManifestOptions) => {
      if (opts.format !== "jsonl" && opts.format !== "table")
        throw new InvalidError(`--format must be jsonl or table, not "${opts.format}"`);
      const m = parseManifestFile(readFileSync(file));
      const specs = opts.watchlist.length ? opts.watchlist.map(parseWatchlistSpec) : SAMPLE_WATCHLISTS;
      const entities: Entity[] = [];
      for (const { format, path } of specs) entities.push(...(await importWatchlist(format, path)).entities);
      const sltd = createSltdIndex(opts.sltd ? parseSltdCsv(readFileSync(opts.sltd, "utf8")) : []);
      const screener = createScreener(entities);
      const bar = createProgress("screen", "persons");
      const rows = m.persons.map((t, i) => {
        const matches: Match[] = screener.screen(toScreeningQuery(t)).matches;
        const hits: SltdRecord[] = t.documents.flatMap((d) =>
          d.issuingCountry ? sltd.check(d.number, d.issuingCountry) : [],
        );
        bar.update(i + 1, m.persons.length);
        const decision = hits.length > 0 || matches.some((x) => x.decision === "refer") ? "refer" : "clear";
        return {
          index: i + 1,
          name: `${t.surname}, ${t.givenNames}`.replace(/, $/, ""),
          role: t.role,
          decision,
          matches,
          hits,
        };
      });
      bar.stop();
      rows.sort((a, b) => (a.decision === b.decision ? a.index - b.index : a.decision === "refer" ? -1 : 1));
      const title = `${m.kind} ${m.number ?? m.carrier ?? ""} ${m.listType}: ${m.persons.length} persons (declared ${m.declaredCount ?? "?"}), ${rows.filter((r) => r.decision === "refer").length} refer`;
      process.stderr.write(`${title}\n${m.warnings.map((w) => `warning: ${w}\n`).join("")}`);
      for (const r of rows) {
        const top = r.matches[0];
        if (opts.format === "jsonl") {
          const out = {
            person: r.index,
            name: r.name,
            role: r.role,
            decision: r.decision,
            matches: r.matches.map(({ entityId, sourceRef, name, score, decision }) => ({
              entityId,
              sourceRef,
              name,
              score,
              decision,
            })),
            documentHits: r.hits,
          };
          process.stdout.write(`${JSON.stringify(out)}\n`);
        } else {
          const why = r.hits.length
            ? `document ${r.hits[0]!.number} ${r.hits[0]!.status}`
            : top
              ? `${top.sourceRef} ${top.name} (${top.score.toFixed(3)})`
              : "";
          process.stdout.write(
            `${String(r.index).padStart(4)}  ${r.decision.padEnd(5)}  ${r.name.padEnd(36).slice(0, 36)}  ${why}\n`,
          );
        }
      }
    });
}
