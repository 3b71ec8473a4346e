import { describe, expect, it } from "vitest";
import { chartFilename, csvText, filenameOf } from "./download";

describe("download helpers", () => {
  it("takes the file name from the API's content-disposition, else the fallback", () => {
    expect(filenameOf('attachment; filename="screening-abc-matches.csv"', "x.csv")).toBe(
      "screening-abc-matches.csv",
    );
    expect(filenameOf(null, "alerts.csv")).toBe("alerts.csv");
    expect(filenameOf("attachment", "alerts.csv")).toBe("alerts.csv");
  });

  it("names a chart's file after its title", () => {
    expect(chartFilename("Alerts opened per day", "png")).toBe("alerts-opened-per-day.png");
    expect(chartFilename("Fairness: hit rate by nationality", "svg")).toBe(
      "fairness-hit-rate-by-nationality.svg",
    );
    expect(chartFilename("—", "csv")).toBe("chart.csv");
  });

  it("writes CSV with a header and quotes what needs quoting", () => {
    expect(
      csvText(
        ["label", "value"],
        [
          ["E2E-LAND", 3],
          ['Lot "A", north', "12.5% · disparity 1.20"],
        ],
      ),
    ).toBe('label,value\nE2E-LAND,3\n"Lot ""A"", north",12.5% · disparity 1.20\n');
  });
});
