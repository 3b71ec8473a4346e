// Where tests find the real sample data: copies kept in the repository, so a fresh clone needs nothing
// beside it. The UN and OFAC lists live once, under data/samples (the demo reads them there); every
// other real file is under data/real, laid out as its source README describes.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const REAL_DATA = resolve(REPO_ROOT, "data", "real");
export const SAMPLES = resolve(REPO_ROOT, "data", "samples");

/** Absolute path of a real data file kept in the repository; fails loudly when it is missing. */
export function realData(...path: string[]): string {
  const parts = path.flatMap((s) => s.split("/"));
  const p = parts[0] === "watchlists" ? join(SAMPLES, ...parts.slice(1)) : join(REAL_DATA, ...parts);
  if (!existsSync(p)) throw new Error(`real sample data missing: ${p}`);
  return p;
}

/** Absolute path of a fixture that ships with the repository under test/fixtures. */
export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, "test", "fixtures", ...parts);
}
