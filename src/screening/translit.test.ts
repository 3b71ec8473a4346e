import { describe, expect, it } from "vitest";
import { arabicFrame, frameCost } from "./arabic.js";
import { romanise, tokenScript } from "./translit.js";

describe("romanise", () => {
  it.each([
    ["путин", "putin", "cyrillic"],
    ["лавров", "lavrov", "cyrillic"],
    ["юрий", "yuriy", "cyrillic"],
    ["щербаков", "shcherbakov", "cyrillic"],
    ["вучић", "vuchich", "cyrillic"],
    ["караџић", "karadzhich", "cyrillic"],
    ["ђорђе", "djordje", "cyrillic"],
    ["љубиша", "ljubisha", "cyrillic"],
    ["њагово", "njagovo", "cyrillic"],
    ["ѓорге", "gjorge", "cyrillic"],
    ["ќосе", "kjose", "cyrillic"],
    ["ѕвезда", "dzvezda", "cyrillic"],
    ["григорій", "hryhoriy", "cyrillic"],
    ["їжак", "yizhak", "cyrillic"],
    ["ципрас", "tsipras", "cyrillic"],
    ["τσίπρας", "tsipras", "greek"],
    ["παπανδρέου", "papandreou", "greek"],
    ["μητσοτάκης", "mitsotakis", "greek"],
  ])("%s → %s (%s)", (input, latin, script) => {
    const r = romanise(input);
    expect(r.latin).toBe(latin);
    expect(r.script).toBe(script);
    expect(r.vowelless).toBe(false);
  });

  it("marks Arabic, Persian and Urdu as vowelless consonant frames", () => {
    expect(romanise("محمد")).toEqual({ latin: "mhmd", script: "arabic", vowelless: true });
    expect(romanise("پزشکیان").latin).toBe("pzshkyan");
    expect(romanise("چوہدری").latin).toBe("chwhdry");
  });

  it("detects the dominant script of a token", () => {
    expect(tokenScript("Ђорђе")).toBe("cyrillic");
    expect(tokenScript("Ὀδυσσεύς")).toBe("greek");
    expect(tokenScript("خامنه‌ای")).toBe("arabic");
    expect(tokenScript("Ramë")).toBe("latin");
  });
});

describe("Arabic frames against Latin spellings", () => {
  it("encodes consonant classes and long vowels", () => {
    expect(arabicFrame("محمد")).toBe("mhmd");
    expect(arabicFrame("محمود")).toBe("mhmUd");
    expect(arabicFrame("حسين")).toBe("hsIn");
    expect(arabicFrame("أسامة")).toBe("AsAm@");
  });
  it.each([
    ["محمد", "muhammad", 0],
    ["محمد", "mohammed", 0],
    ["محمود", "mahmoud", 0],
    ["محمود", "muhammad", 1],
    ["حسين", "hussein", 0],
    ["حسين", "hasan", 1],
    ["أسامة", "usama", 0],
    ["زياد", "ziad", 0],
  ])("%s vs %s costs %i", (arabic, latin, cost) => {
    expect(frameCost(arabicFrame(arabic), latin)).toBe(cost);
  });
});

describe("kana", () => {
  it.each([
    ["スズキ", "suzuki"],
    ["ヒロシ", "hiroshi"],
    ["キョウコ", "kyouko"],
    ["チャン", "chan"],
    ["フィリップ", "firipu"],
    ["すずき", "suzuki"],
  ])("%s → %s", (input, latin) => {
    expect(romanise(input)).toEqual({ latin, script: "kana", vowelless: false });
  });
});
