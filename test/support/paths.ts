// Where tests find the real sample data: `../shared/data` beside the checkout (as CI lays it out).
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHARED_DATA = resolve(REPO_ROOT, "..", "shared", "data");

/** Absolute path of a file under `../shared/data`; fails loudly when the shared data is missing. */
export function sharedData(...parts: string[]): string {
  const p = join(SHARED_DATA, ...parts);
  if (!existsSync(p)) throw new Error(`shared sample data missing: ${p}`);
  return p;
}

/** Absolute path of a fixture that ships with the repository under test/fixtures. */
export function fixture(...parts: string[]): string {
  return join(REPO_ROOT, "test", "fixtures", ...parts);
}
