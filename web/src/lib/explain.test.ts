import { describe, expect, it } from "vitest";
import { alignTokens, lightOf } from "./explain";

describe("alignTokens", () => {
  const alignment = [
    { query: "Gaston", candidate: "GASTON", similarity: 1, method: "exact" },
    { query: "Iyamuremy", candidate: "IYAMUREMYE", similarity: 0.95, method: "edit distance" },
  ];

  it("marks each token with the pair it was aligned in, on both sides", () => {
    expect(alignTokens("Gaston Iyamuremy Jr", alignment, "query")).toEqual([
      { text: "Gaston", pair: 0 },
      { text: "Iyamuremy", pair: 1 },
      { text: "Jr" },
    ]);
    expect(alignTokens("IYAMUREMYE GASTON", alignment, "candidate")).toEqual([
      { text: "IYAMUREMYE", pair: 1 },
      { text: "GASTON", pair: 0 },
    ]);
  });

  it("marks every word of a compound and ignores diacritics and case", () => {
    const compound = [
      { query: "Abd al Rahman", candidate: "ABDULRAHMAN", similarity: 0.9, method: "compound" },
    ];
    expect(alignTokens("Abd al Rahmán", compound, "query").map((x) => x.pair)).toEqual([0, 0, 0]);
  });

  it("marks a hyphenated word the engine aligned as two words", () => {
    const arabic = [
      { query: "al Haddad", candidate: "الحداد", similarity: 0.94, method: "arabic script ↔ latin spelling" },
    ];
    expect(alignTokens("Mohammed al-Haddad", arabic, "query")).toEqual([
      { text: "Mohammed" },
      { text: "al-Haddad", pair: 0 },
    ]);
    expect(alignTokens("محمد الحداد", arabic, "candidate")).toEqual([
      { text: "محمد" },
      { text: "الحداد", pair: 0 },
    ]);
  });

  it("keeps names in other scripts whole", () => {
    const cyr = [{ query: "Иванов", candidate: "IVANOV", similarity: 0.97, method: "transliteration" }];
    expect(alignTokens("Иванов Пётр", cyr, "query")).toEqual([{ text: "Иванов", pair: 0 }, { text: "Пётр" }]);
  });
});

describe("lightOf", () => {
  it("maps comparison outcomes to traffic lights", () => {
    expect(["match", "partial", "mismatch", "missing"].map((o) => lightOf(o as never))).toEqual([
      "green",
      "amber",
      "red",
      "grey",
    ]);
  });
});
