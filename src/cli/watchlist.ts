// `limes watchlist import | inspect | list`: import list files as versions on the database in LIMES_DB,
// with the same staging rules as the API, and look inside list files.
import type { Command } from "commander";
import {
  checkOfacFilesBeside,
  checkSourceFormat,
  type ImportIssue,
  type ImportResult,
  importWatchlist,
  type SavedListVersion,
  SOURCE_FORMATS,
  summarise,
  type WatchlistSummary,
  type WatchlistView,
} from "../watchlists/index.js";
import { optionError } from "./options.js";
import { createProgress } from "./progress.js";
import { tokenOfficer, withServices } from "./services.js";

/** Issues printed per import; the stored version file keeps all of them. */
const SHOWN_ISSUES = 10;
/** Programmes or document types listed one by one in the summary. */
const SHOWN_KINDS = 12;
/** Longest label in the aligned summary. */
const MAX_LABEL = 40;

const FORMAT_HELP = `
Formats:
  un-xml     UN Security Council consolidated list (XML)
  ofac-csv   OFAC SDN legacy CSV: give the path of sdn.csv; alt.csv and add.csv are read beside it
  ftm-jsonl  FollowTheMoney / OpenSanctions entities, one JSON object per line
  csv        simple national-list CSV (columns in data/samples/README.md)`;

interface ImportOpts {
  list?: string;
  lenient?: boolean;
  /** Commander's negation of --no-aliases: false when given. */
  aliases: boolean;
  reason?: string;
}

interface InspectOpts {
  format: string;
  limit: string;
  json?: boolean;
}

interface ListOpts {
  json?: boolean;
}

export function registerWatchlistCommands(program: Command): void {
  const watchlist = program
    .command("watchlist")
    .description("import, inspect and list watchlists (UN, OFAC, FtM, national CSV)")
    .addHelpText(
      "after",
      `
Examples:
  limes watchlist import un-xml data/samples/un-sc-consolidated.xml
  limes watchlist inspect data/samples/national-list.csv --format csv
  limes watchlist list`,
    );

  registerImport(watchlist);
  registerInspect(watchlist);
  registerList(watchlist);
}

/** `limes watchlist import`: versions on LIMES_DB, staged past the safety limits. */
function registerImport(watchlist: Command): void {
  watchlist
    .command("import")
    .description(
      "import list files as new versions on LIMES_DB, live within the safety limits and staged past one; " +
        "print counts, issues and the diff",
    )
    .argument("<format>", `source format: ${SOURCE_FORMATS.join(", ")}`)
    .argument("<file...>", "files to import, each stored as the next version of its list")
    .option(
      "--list <id>",
      "list id to store under (default: the format's own, e.g. un-sc, ofac-sdn, national)",
    )
    .option("--lenient", "import the good records and report the bad ones, instead of rejecting the file")
    .option("--no-aliases", "ofac-csv: this version really has no alt.csv (and add.csv) beside sdn.csv")
    .option("--reason <text>", "why a version past the safety limits should go live (for the approver)")
    .addHelpText(
      "after",
      `${FORMAT_HELP}

Without --lenient, one bad record rejects the whole file and nothing is stored. The database is LIMES_DB
(migrated first), so a server started on it serves the imported version; a running server sees it at
its next start. A version that removes 5% of the live entities or more (LIMES_LIST_MAX_REMOVED_PCT),
empties a schema, or whose feed date goes backwards waits for a second watchlist manager's approval:
with LIMES_TOKEN set to your token it is staged as yours; without one it is refused.

Examples:
  limes watchlist import un-xml data/samples/un-sc-consolidated.xml
  limes watchlist import ofac-csv data/samples/ofac-sdn/sdn.csv
  limes watchlist import csv national-2026-03.csv --list national --lenient
  LIMES_TOKEN=… limes watchlist import un-xml consolidated.xml --reason "UN delisted 60 entries"
  LIMES_DB=postgres://postgres@127.0.0.1:5432/limes limes watchlist import ftm-jsonl entities.ftm.json --list opensanctions`,
    )
    .action(async (format: string, files: string[], opts: ImportOpts) => {
      const fmt = checkSourceFormat(format);
      await withServices(
        async (s) => {
          // The watchlist manager of LIMES_TOKEN, who can also stage a version past the safety limits for
          // a second manager's approval; without a token, "system", which may only import within them.
          const actor = (await tokenOfficer(s)) ?? "system";
          for (const file of files) {
            if (fmt === "ofac-csv") await checkOfacFilesBeside(file, !opts.aliases);
            const result = await withProgress(file, (onProgress) =>
              importWatchlist(fmt, file, {
                onProgress,
                strict: !opts.lenient,
                ...(opts.list ? { list: opts.list } : {}),
              }),
            );
            const saved = await s.watchlists.importParsed(actor, result, {
              file,
              ...(opts.reason ? { reason: opts.reason } : {}),
            });
            process.stdout.write(renderImport(file, result, saved));
          }
        },
        { migrate: true },
      );
    });
}

/** `limes watchlist inspect`: a file's counts and first entities, nothing stored. */
function registerInspect(watchlist: Command): void {
  watchlist
    .command("inspect")
    .description("read a list file without storing it; print summary counts, issues and the first entities")
    .argument("<file>", "list file (for ofac-csv, the path of sdn.csv)")
    .requiredOption("-f, --format <format>", `source format: ${SOURCE_FORMATS.join(", ")}`)
    .option("-n, --limit <n>", "number of entities to print", "3")
    .option("--json", "print one JSON document instead of text")
    .addHelpText(
      "after",
      `${FORMAT_HELP}

Bad records are reported, not fatal; the exit code is 1 when there is any error issue, so inspect
can check a file before it is imported.

Examples:
  limes watchlist inspect data/samples/un-sc-consolidated.xml --format un-xml
  limes watchlist inspect data/samples/national-list.csv -f csv --limit 0
  limes watchlist inspect entities.ftm.json -f ftm-jsonl --json > summary.json`,
    )
    .action(async (file: string, opts: InspectOpts) => {
      const fmt = checkSourceFormat(opts.format);
      const limit = Number(opts.limit);
      if (!Number.isInteger(limit) || limit < 0) throw optionError("--limit", "a whole number", opts.limit);
      const result = await withProgress(file, (onProgress) =>
        importWatchlist(fmt, file, { onProgress, strict: false }),
      );
      const summary = summarise(result.entities);
      const shown = result.entities.slice(0, limit);
      if (opts.json) {
        process.stdout.write(
          `${JSON.stringify({ file, format: result.format, list: result.list, summary, counts: result.counts, meta: result.meta, issues: result.issues, entities: shown }, null, 2)}\n`,
        );
      } else {
        process.stdout.write(renderInspect(file, result, summary));
        if (shown.length > 0) {
          process.stdout.write(`\nfirst ${shown.length} entit${shown.length === 1 ? "y" : "ies"}:\n`);
          for (const e of shown) process.stdout.write(`${JSON.stringify(e, null, 2)}\n`);
        }
      }
      if (result.issues.some((i) => i.severity === "error")) process.exitCode = 1;
    });
}

/** `limes watchlist list`: the live and staged version of each list on LIMES_DB. */
function registerList(watchlist: Command): void {
  watchlist
    .command("list")
    .description("list the watchlists on LIMES_DB: the live version of each, and one waiting for approval")
    .option("--json", "print JSON instead of a table")
    .addHelpText(
      "after",
      `
Examples:
  limes watchlist list
  LIMES_DB=postgres://postgres@127.0.0.1:5432/limes limes watchlist list --json`,
    )
    .action(async (opts: ListOpts) => {
      const lists = await withServices((s) => s.watchlists.list());
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(lists, null, 2)}\n`);
        return;
      }
      if (lists.length === 0) {
        process.stdout.write("no watchlists in the database\n");
        return;
      }
      process.stdout.write(
        table(
          ["list", "live", "imported at", "format", "entities", "diff", "staged", "file"],
          lists.map(listRow),
        ),
      );
    });
}

async function withProgress<T>(
  file: string,
  run: (onProgress: (done: number, total: number) => void) => Promise<T>,
) {
  const bar = createProgress(`read ${file}`, "bytes");
  try {
    return await run((done, total) => bar.update(done, total));
  } finally {
    bar.stop();
  }
}

/** Label/value lines with the values aligned; indentation in a label nests it under the line above. */
function aligned(rows: [string, string | number][]): string {
  // Source text such as a document type can be long; cut it so one label does not push every value aside.
  const cut = (label: string) => (label.length > MAX_LABEL ? `${label.slice(0, MAX_LABEL - 1)}…` : label);
  const width = Math.max(...rows.map(([label]) => cut(label).length)) + 2;
  return rows.map(([label, value]) => `  ${cut(label).padEnd(width)}${value}\n`).join("");
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `${cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join("  ")
      .trimEnd()}\n`;
  return line(header) + line(widths.map((w) => "-".repeat(w))) + rows.map(line).join("");
}

function byCount(counts: Record<string, number | undefined>): [string, number][] {
  return Object.entries(counts)
    .filter((e): e is [string, number] => e[1] !== undefined)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
}

function listed(counts: Record<string, number | undefined>): string {
  return byCount(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(", ");
}

function issueLines(issues: readonly ImportIssue[]): string {
  const sorted = [
    ...issues.filter((i) => i.severity === "error"),
    ...issues.filter((i) => i.severity === "warning"),
  ];
  const lines = sorted
    .slice(0, SHOWN_ISSUES)
    .map((i) => `    ${i.severity.padEnd(8)}${i.location}  ${i.reason}\n`);
  if (sorted.length > SHOWN_ISSUES) lines.push(`    ... and ${sorted.length - SHOWN_ISSUES} more\n`);
  return lines.join("");
}

function issueCounts(result: ImportResult): string {
  const errors = result.issues.filter((i) => i.severity === "error").length;
  return `${errors} error(s), ${result.issues.length - errors} warning(s)`;
}

function diffLine(saved: SavedListVersion): string {
  const d = saved.diff;
  if (!d) return "  first version\n";
  return `  diff vs v${saved.baseVersion}: +${d.added} added, -${d.removed} removed, ~${d.changed} changed, ${d.unchanged} unchanged\n`;
}

function stagedLines(saved: SavedListVersion): string {
  if (saved.status !== "staged") return "";
  const why = saved.breaches.map((b) => `    ${b.code.padEnd(22)}${b.message}\n`).join("");
  return `  STAGED, not live: it waits for a second watchlist manager (approval ${saved.approval?.id})\n${why}`;
}

function renderImport(file: string, result: ImportResult, saved: SavedListVersion): string {
  const c = result.counts;
  const what = saved.status === "staged" ? "staged" : "imported";
  return [
    `${what} ${file} (${result.format}) as ${saved.list} v${saved.version}\n`,
    aligned([
      ["entities", `${c.entities} (${listed(c.bySchema)})`],
      ["aliases", c.aliases],
      ["documents", c.documents],
      ["unmapped countries", c.unmappedCountries],
      ["unparsed remarks", c.unparsedRemarks],
      ["issues", issueCounts(result)],
    ]),
    issueLines(result.issues),
    diffLine(saved),
    stagedLines(saved),
  ].join("");
}

function listRow(l: WatchlistView): string[] {
  const v = l.live;
  const d = v?.diff;
  return [
    l.id,
    v ? `v${v.version}` : "-",
    v?.importedAt ?? "",
    l.format,
    v ? String(v.counts.entities) : "",
    d ? `+${d.added} -${d.removed} ~${d.changed}` : v ? "first" : "",
    l.staged ? `v${l.staged.version} (${l.staged.breaches.map((b) => b.code).join(", ")})` : "",
    v?.file ?? "",
  ];
}

/** The largest counts as indented rows, the rest summed up in one; sources can hold a hundred kinds. */
function top(counts: [string, number][], what: string): [string, number][] {
  const rows: [string, number][] = counts.slice(0, SHOWN_KINDS).map(([k, n]) => [`  ${k}`, n]);
  const rest = counts.slice(SHOWN_KINDS);
  if (rest.length > 0) rows.push([`  (${rest.length} other ${what})`, rest.reduce((a, [, n]) => a + n, 0)]);
  return rows;
}

function renderInspect(file: string, result: ImportResult, s: WatchlistSummary): string {
  const rows: [string, string | number][] = [["entities", s.entities]];
  for (const [schema, n] of byCount(s.bySchema)) rows.push([`  ${schema}`, n]);
  rows.push(["programmes", Object.keys(s.byProgramme).length]);
  rows.push(...top(byCount(s.byProgramme), "programmes"));
  rows.push(
    ["aliases (strong)", s.aliases.strong],
    ["aliases (weak)", s.aliases.weak],
    ["names by script", listed(s.namesByScript)],
    ["original-script names", s.originalScript.total],
  );
  for (const [script, n] of byCount(s.originalScript.byScript)) rows.push([`  ${script}`, n]);
  rows.push(["documents", s.documents.total]);
  rows.push(...top(byCount(s.documents.byType), "types"));
  rows.push(
    ["birth dates: year", s.birthDates.year],
    ["birth dates: year-month", s.birthDates.yearMonth],
    ["birth dates: full date", s.birthDates.fullDate],
    ["birth dates: range", s.birthDates.range],
    ["birth dates: approximate", s.birthDates.approximate],
    ["entities without birth date", s.birthDates.entitiesWithout],
    ["nationalities mapped", s.nationalities.mapped],
    ["nationalities unmapped", s.nationalities.unmapped],
    ["unparsed remarks", result.counts.unparsedRemarks],
    ["issues", issueCounts(result)],
  );
  for (const [k, v] of Object.entries(result.meta)) rows.push([`meta ${k}`, v]);
  return `${file} (${result.format}, list ${result.list})\n${aligned(rows)}${issueLines(result.issues)}`;
}
