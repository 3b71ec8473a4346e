// What the FtM and CSV importers share: file checks, byte progress, alias building and the strict-mode rule.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import { ImportError, InvalidError } from "../shared/errors.js";
import { detectScript } from "../shared/script.js";
import type {
  Alias,
  AliasQuality,
  Entity,
  ImportIssue,
  ImportOptions,
  ImportResult,
  SourceFormat,
} from "./model.js";
import { countEntities } from "./model.js";

/** Size of a watchlist file in bytes; a missing path or a directory is the caller's mistake. */
export async function watchlistFileSize(path: string): Promise<number> {
  try {
    const s = await stat(path);
    if (!s.isFile()) throw new InvalidError(`watchlist path is not a file: ${path}`);
    return s.size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT")
      throw new InvalidError(`watchlist file not found: ${path}`);
    throw err;
  }
}

export function alias(name: string, quality: AliasQuality): Alias {
  return { name, quality, script: detectScript(name) };
}

/** Splits a `;`-separated cell or repeated values into trimmed, non-empty, first-seen-unique strings. */
export function uniqueValues(values: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const v of values) {
    const t = v.replace(/\s+/g, " ").trim();
    if (t) out.add(t);
  }
  return [...out];
}

export interface Collected {
  list: string;
  format: SourceFormat;
  path: string;
  entities: Entity[];
  issues: ImportIssue[];
  meta: Record<string, string>;
  unmappedCountries: number;
}

/**
 * Applies the `strict` rule of ImportOptions: in strict mode (the default) any error issue rejects the
 * whole file, so a list is never half imported; otherwise the good records go through with the issues.
 */
export function finishImport(c: Collected, opts: ImportOptions): ImportResult {
  const errors = c.issues.filter((i) => i.severity === "error");
  const first = errors[0];
  if (first && (opts.strict ?? true)) {
    throw new ImportError(
      `${basename(c.path)}: ${errors.length} bad record(s), first at ${first.location}: ${first.reason}`,
      c.issues,
      "list_bad_records",
      { file: basename(c.path), errors: errors.length, location: first.location, reason: first.reason },
    );
  }
  return {
    list: c.list,
    format: c.format,
    entities: c.entities,
    issues: c.issues,
    counts: countEntities(c.entities, { unmappedCountries: c.unmappedCountries }),
    meta: c.meta,
  };
}
