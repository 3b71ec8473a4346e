import { describe, expect, it } from "vitest";
import { ImportError, InvalidError } from "../shared/errors.js";
import { buildProgram, formatError } from "./main.js";

describe("buildProgram", () => {
  it("registers the command groups without running anything", () => {
    const names = buildProgram().commands.map((c) => c.name());
    expect(names).toEqual([
      "watchlist",
      "screen",
      "manifest",
      "db",
      "audit",
      "alert",
      "approval",
      "user",
      "retention",
      "keys",
      "exchange",
    ]);
    const watchlist = buildProgram().commands.find((c) => c.name() === "watchlist");
    expect(watchlist?.commands.map((c) => c.name())).toEqual(["import", "inspect", "list"]);
  });
});

describe("formatError", () => {
  it("prints one line without a stack", () => {
    expect(formatError(new InvalidError("watchlist file not found: x.csv"))).toBe(
      "limes: watchlist file not found: x.csv\n",
    );
  });

  it("lists the bad records of a rejected import when there are several", () => {
    const one = new ImportError("a.csv:4: Quote Not Closed", [
      { severity: "error", location: "a.csv:4", reason: "Quote Not Closed" },
    ]);
    expect(formatError(one)).toBe("limes: a.csv:4: Quote Not Closed\n");
    const two = new ImportError("a.csv: 2 bad record(s), first at a.csv:3: missing id", [
      { severity: "error", location: "a.csv:3", reason: "missing id" },
      { severity: "warning", location: "a.csv:4", reason: "unmapped" },
      { severity: "error", location: "a.csv:5", reason: "bad gender" },
    ]);
    expect(formatError(two)).toBe(
      "limes: a.csv: 2 bad record(s), first at a.csv:3: missing id\n  a.csv:3: missing id\n  a.csv:5: bad gender\n",
    );
  });

  it("prints the stack when debugging", () => {
    expect(formatError(new InvalidError("boom"), true)).toMatch(/^InvalidError: boom\n\s+at /);
  });
});
