import { describe, expect, it } from "vitest";
import { fixture } from "../../test/support/paths.js";
import { InvalidError } from "../shared/errors.js";
import { importWatchlist, parseWatchlistSpec } from "./import.js";

describe("parseWatchlistSpec", () => {
  it("splits at the first colon", () => {
    expect(parseWatchlistSpec("un-xml:data/samples/un-sc-consolidated.xml")).toEqual({
      format: "un-xml",
      path: "data/samples/un-sc-consolidated.xml",
    });
    expect(parseWatchlistSpec("csv:lists/a:b.csv")).toEqual({ format: "csv", path: "lists/a:b.csv" });
  });

  it("rejects a missing colon, an unknown format and an empty path", () => {
    expect(() => parseWatchlistSpec("un.xml")).toThrow(InvalidError);
    expect(() => parseWatchlistSpec("un.xml")).toThrow('watchlist "un.xml" must be written format:path');
    expect(() => parseWatchlistSpec("xml:un.xml")).toThrow(
      'unknown watchlist format "xml"; expected one of: un-xml, ofac-csv, ftm-jsonl, csv',
    );
    expect(() => parseWatchlistSpec("csv:")).toThrow('watchlist "csv:" has no file path after the colon');
  });
});

describe("importWatchlist", () => {
  it("dispatches on the format", async () => {
    const r = await importWatchlist("ftm-jsonl", fixture("ftm", "sample.jsonl"), { strict: false });
    expect(r.format).toBe("ftm-jsonl");
    expect(r.counts.entities).toBe(5);
  });

  it("fails clearly on an unknown format, a missing file and a directory", async () => {
    await expect(importWatchlist("pdf", fixture("ftm", "sample.jsonl"))).rejects.toThrow(
      'unknown watchlist format "pdf"; expected one of: un-xml, ofac-csv, ftm-jsonl, csv',
    );
    const missing = fixture("csv", "absent.csv");
    await expect(importWatchlist("csv", missing)).rejects.toThrow(`watchlist file not found: ${missing}`);
    await expect(importWatchlist("csv", fixture("csv"))).rejects.toThrow(InvalidError);
  });
});
