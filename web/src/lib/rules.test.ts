import { describe, expect, it } from "vitest";
import { buildCondition, parseCondition } from "./rules";

describe("buildCondition", () => {
  it("types values by the fact they test and splits lists for in/nin", () => {
    expect(
      buildCondition(
        [
          { field: "booking.hoursBeforeDeparture", op: "lt", value: "6" },
          { field: "route.origin", op: "in", value: "AAA, BBB" },
          { field: "booking.oneWay", op: "eq", value: "true" },
        ],
        "all",
      ),
    ).toEqual({
      all: [
        { field: "booking.hoursBeforeDeparture", op: "lt", value: 6 },
        { field: "route.origin", op: "in", value: ["AAA", "BBB"] },
        { field: "booking.oneWay", op: "eq", value: true },
      ],
    });
  });

  it("sends a single test as it is, and exists without a value", () => {
    expect(buildCondition([{ field: "route.transit", op: "exists", value: "x" }], "any")).toEqual({
      field: "route.transit",
      op: "exists",
    });
  });
});

describe("parseCondition", () => {
  it("reads a condition typed as JSON, and hands the guard null for what does not parse", () => {
    expect(parseCondition('{"not":{"field":"route.origin","op":"eq","value":"IST"}}')).toEqual({
      not: { field: "route.origin", op: "eq", value: "IST" },
    });
    expect(parseCondition('{"all":[')).toBeNull();
  });
});
