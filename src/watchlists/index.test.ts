import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";
import { REAL_DATA, REPO_ROOT } from "../../test/support/paths.js";
import { loadSampleWatchlists, SAMPLE_WATCHLISTS } from "./index.js";

const DATA = join(REPO_ROOT, "data");

/** data/SHA256SUMS, in `sha256sum` format: the digests of the real files as their sources publish them. */
async function recordedDigests(): Promise<Map<string, string>> {
  const text = await readFile(join(DATA, "SHA256SUMS"), "utf8");
  return new Map(
    text
      .trim()
      .split("\n")
      .map((line) => {
        const [digest, path] = line.split(/ {2}/);
        return [path!, digest!];
      }),
  );
}

async function sha256(path: string): Promise<string> {
  return createHash("sha256")
    .update(await readFile(path))
    .digest("hex");
}

describe("real sample data", () => {
  it("is unmodified: every copied file has the SHA-256 recorded in data/SHA256SUMS", async () => {
    const recorded = await recordedDigests();
    for (const [path, digest] of recorded) expect(await sha256(join(DATA, path)), path).toBe(digest);
  });

  it("has a recorded digest for every file under data/real and for the UN and OFAC samples", async () => {
    const recorded = await recordedDigests();
    // data/real/README.md is the source README with a header of ours, so it is not a copy.
    const real = (await readdir(REAL_DATA, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => relative(DATA, join(e.parentPath, e.name)))
      .filter((p) => p !== join("real", "README.md"));
    const ofac = SAMPLE_WATCHLISTS[1]!.path;
    const samples = [
      SAMPLE_WATCHLISTS[0]!.path,
      ofac,
      ofac.replace(/sdn\.csv$/, "alt.csv"),
      ofac.replace(/sdn\.csv$/, "add.csv"),
    ].map((p) => relative(DATA, p));
    expect([...recorded.keys()].sort()).toEqual([...real, ...samples].sort());
  });
});

describe("sample watchlists", () => {
  it("load as the UN and OFAC lists", async () => {
    expect(SAMPLE_WATCHLISTS.map((w) => w.format)).toEqual(["un-xml", "ofac-csv"]);
    const [un, ofac] = await loadSampleWatchlists();
    expect(un?.list).toBe("un-sc");
    expect(un?.counts.bySchema).toEqual({ person: 730, organization: 273 });
    expect(ofac?.list).toBe("ofac-sdn");
    expect(ofac?.counts.entities).toBe(8976);
  });
});
