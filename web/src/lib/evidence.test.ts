import { describe, expect, it } from "vitest";
import { confusableGroup, containers, goodsLines, markCharacters } from "./evidence";

describe("marking evidence side by side", () => {
  it("names the confusable group of each pair the serial matcher tolerates, and no other pair", () => {
    expect(confusableGroup("O", "0")).toBe("0/O/D/Q");
    expect(confusableGroup("d", "Q")).toBe("0/O/D/Q");
    expect(confusableGroup("L", "1")).toBe("1/I/L");
    expect(confusableGroup("S", "5")).toBe("5/S");
    expect(confusableGroup("8", "B")).toBe("8/B");
    expect(confusableGroup("Z", "2")).toBe("2/Z");
    expect(confusableGroup("A", "4")).toBeUndefined();
    expect(confusableGroup("5", "8")).toBeUndefined();
  });

  it("marks the matcher's confusable and unreadable positions, 1-based", () => {
    // A serial read with two confusions (8 for B, S for 5) and two unreadable characters.
    const marks = markCharacters("80S1??37", "B0512837", { confusable: [0, 2], unreadable: [4, 5] });
    expect(marks.filter((m) => m.mark === "confusable").map((m) => m.position)).toEqual([1, 3]);
    expect(marks.filter((m) => m.mark === "unreadable").map((m) => [m.position, m.listed])).toEqual([
      [5, "2"],
      [6, "8"],
    ]);
    expect(marks.filter((m) => m.mark === "same")).toHaveLength(4);
  });

  it("classes differences itself when the hit gives no positions (plates, VINs)", () => {
    const marks = markCharacters("BG123AB", "BG128A8");
    expect(marks.map((m) => m.mark)).toEqual([
      "same",
      "same",
      "same",
      "same",
      "differs",
      "same",
      "confusable",
    ]);
    expect(markCharacters("AB1", "AB12").at(-1)).toEqual({
      position: 4,
      declared: "",
      listed: "2",
      mark: "differs",
    });
  });

  it("reads containers with and without a verdict, and goods lines, ignoring what is not one", () => {
    expect(
      containers([
        "MSKU1000377",
        { valid: false, number: "CSQU3054384", reason: "check digit 4 should be 3" },
        { valid: true, number: "MSKU1000377", owner: "MSK" },
        42,
      ]),
    ).toEqual([
      { number: "MSKU1000377" },
      { number: "CSQU3054384", valid: false, reason: "check digit 4 should be 3" },
      { number: "MSKU1000377", valid: true },
    ]);
    expect(goodsLines([{ hsCode: "930200", description: "Pistols", hs: "exact" }, null])).toEqual([
      { hsCode: "930200", description: "Pistols", hs: "exact" },
    ]);
  });
});
