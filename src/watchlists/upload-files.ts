// The files of one list upload: a single file, several (multipart), or a zip of them. OFAC's list is
// three files, and sdn.csv alone would silently lose every alias, so it is refused unless the uploader
// says explicitly that this version has no aliases.
import { stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { unzipSync } from "fflate";
import { InvalidError } from "../shared/errors.js";
import type { SourceFormat } from "./model.js";

export interface UploadFile {
  /** The file's name as uploaded; only its base name counts. */
  name: string;
  body: Buffer;
}

export const OFAC_FILES = ["sdn.csv", "alt.csv", "add.csv"] as const;

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export function isZip(body: Buffer): boolean {
  return body.subarray(0, 4).equals(ZIP_MAGIC);
}

/** The files in a zip; declared sizes are checked before anything is inflated, so a zip bomb is refused. */
export function unzipUpload(body: Buffer, limit: number): UploadFile[] {
  let declared = 0;
  const out: UploadFile[] = [];
  try {
    const files = unzipSync(body, {
      filter: (f) => {
        if (f.name.endsWith("/")) return false;
        declared += f.originalSize;
        if (declared > limit)
          throw new InvalidError(`the zip unpacks to more than ${limit} bytes`, { limit }, "zip_too_large", {
            limit,
          });
        return true;
      },
    });
    for (const [name, data] of Object.entries(files)) out.push({ name, body: Buffer.from(data) });
  } catch (err) {
    if (err instanceof InvalidError) throw err;
    throw new InvalidError(`the zip cannot be read: ${(err as Error).message}`, {}, "zip_unreadable");
  }
  return out;
}

/**
 * The files to import, by the name the importer reads: `sdn.csv`, `alt.csv`, `add.csv` for OFAC, one file
 * otherwise. Zips are unpacked first.
 */
export function resolveUpload(
  format: SourceFormat,
  uploaded: readonly UploadFile[],
  opts: { noAliases?: boolean; limit: number },
): UploadFile[] {
  const files = uploaded.flatMap((f) => (isZip(f.body) ? unzipUpload(f.body, opts.limit) : [f]));
  if (format !== "ofac-csv") {
    if (files.length !== 1)
      throw new InvalidError(
        `a ${format} list is one file; this upload has ${files.length}`,
        {
          files: files.map((f) => f.name),
        },
        "one_file_expected",
        { format, count: files.length },
      );
    return [{ name: "upload", body: (files[0] as UploadFile).body }];
  }
  const byName = new Map(files.map((f) => [basename(f.name).toLowerCase(), f.body]));
  // A single file sent as the raw body has no name: it can only be sdn.csv.
  if (files.length === 1 && !OFAC_FILES.some((n) => byName.has(n)))
    byName.set("sdn.csv", (files[0] as UploadFile).body);
  const missing = OFAC_FILES.filter((n) => !byName.has(n));
  if (missing.includes("sdn.csv"))
    throw new InvalidError("an OFAC upload needs sdn.csv", { missing }, "ofac_files_missing", {
      missing: missing.join(", "),
    });
  if (missing.length > 0 && !opts.noAliases)
    throw new InvalidError(
      `an OFAC upload is sdn.csv, alt.csv and add.csv together (multipart or one zip); ${missing.join(" and ")} ` +
        "missing. Without alt.csv every alias is lost: send noAliases=true only if this version really has none",
      { missing },
      "ofac_files_missing",
      { missing: missing.join(", ") },
    );
  return OFAC_FILES.filter((n) => byName.has(n)).map((n) => ({ name: n, body: byName.get(n) as Buffer }));
}

/** The CLI's OFAC rule: sdn.csv is given by path, and alt.csv and add.csv must lie beside it. */
export async function checkOfacFilesBeside(sdnPath: string, noAliases: boolean): Promise<void> {
  const dir = dirname(sdnPath);
  const missing: string[] = [];
  for (const name of OFAC_FILES.slice(1)) {
    const found = await stat(join(dir, name)).then(
      (s) => s.isFile(),
      () => false,
    );
    if (!found) missing.push(name);
  }
  if (missing.length > 0 && !noAliases)
    throw new InvalidError(
      `${missing.join(" and ")} missing beside ${sdnPath}: without alt.csv every alias is lost; ` +
        "pass --no-aliases only if this version really has none",
      { missing },
      "ofac_files_missing",
      { missing: missing.join(", ") },
    );
}
