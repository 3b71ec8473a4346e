import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { realData } from "../../test/support/paths.js";
import { loadSampleWatchlists, SAMPLE_WATCHLISTS } from "./index.js";

describe("sample watchlists", () => {
  it("are unmodified copies of the shared real data", async () => {
    const shared = [
      realData("watchlists", "un-sc-consolidated.xml"),
      realData("watchlists", "ofac-sdn", "sdn.csv"),
    ];
    expect(SAMPLE_WATCHLISTS.map((w) => w.format)).toEqual(["un-xml", "ofac-csv"]);
    for (const [i, { path }] of SAMPLE_WATCHLISTS.entries()) {
      expect((await readFile(path)).equals(await readFile(shared[i]!))).toBe(true);
    }
    for (const f of ["alt.csv", "add.csv"]) {
      const copy = SAMPLE_WATCHLISTS[1]!.path.replace(/sdn\.csv$/, f);
      expect((await readFile(copy)).equals(await readFile(realData("watchlists", "ofac-sdn", f)))).toBe(true);
    }
  });

  it("load as the UN and OFAC lists", async () => {
    const [un, ofac] = await loadSampleWatchlists();
    expect(un?.list).toBe("un-sc");
    expect(un?.counts.bySchema).toEqual({ person: 730, organization: 273 });
    expect(ofac?.list).toBe("ofac-sdn");
    expect(ofac?.counts.entities).toBe(8976);
  });
});
