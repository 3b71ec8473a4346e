import { describe, expect, it } from "vitest";
import { arabicFrame, frameCost, hebrewFrame } from "./arabic.js";
import { romanise, tokenScript } from "./translit.js";
import { eastAsianReadings } from "./translit-east-asian.js";

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
    ["ميخائيل", "mikhail", 0],
    ["چودھری", "chaudhry", 0],
    ["بھٹو", "bhutto", 0],
    ["ښکلې", "khkule", 0],
    ["ښکلې", "shkule", 0],
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

describe("Hebrew", () => {
  it("keeps alef, ayin and vav apart, and reads a final he and a geresh", () => {
    expect(romanise("אברהם")).toEqual({ latin: "avrhm", script: "hebrew", vowelless: true });
    expect(romanise("יעקב").latin).toBe("yokv");
    expect(romanise("משה").latin).toBe("mshe");
    expect(romanise("ג׳ורג׳").latin).toBe("jwrj");
  });
  it.each([
    ["אברהם", "'Brhm"],
    ["משה", "mS@"],
    ["יצחק", "Icxq"],
    ["ג׳ורג׳", "jUrj"],
  ])("frame of %s is %s", (hebrew, frame) => {
    expect(hebrewFrame(hebrew)).toBe(frame);
  });
  it.each([
    ["אברהם", "avraham", 0],
    ["אברהם", "abraham", 0],
    ["יצחק", "yitzhak", 0],
    ["יצחק", "itzhak", 0],
    ["משה", "moshe", 0],
    ["משה", "moses", 1],
    ["פרס", "peres", 0],
    ["פרס", "ferris", 0],
    ["פרס", "barak", 2],
  ])("%s vs %s costs %i", (hebrew, latin, cost) => {
    expect(frameCost(hebrewFrame(hebrew), latin)).toBe(cost);
  });
});

describe("Chinese and Japanese names in Cyrillic", () => {
  it.each([
    ["си", "xi"],
    ["цзиньпин", "jinping"],
    ["цзэдун", "zedong"],
    ["сяопин", "xiaoping"],
    ["чжоу", "zhou"],
    ["эньлай", "enlai"],
    ["цзян", "jiang"],
    ["сюй", "xu"],
    ["ван", "wang"],
  ])("Palladius %s reads as pinyin %s", (cyrillic, pinyin) => {
    expect(eastAsianReadings(cyrillic, romanise(cyrillic).latin)).toContain(pinyin);
  });
  it.each([
    ["хасимото", "hashimoto"],
    ["судзуки", "suzuki"],
    ["тиба", "chiba"],
    ["сёдзи", "shoji"],
    ["кисида", "kishida"],
    ["дзюнъитиро", "junichiro"],
    ["хаттори", "hattori"],
  ])("Polivanov %s reads as Hepburn %s", (cyrillic, hepburn) => {
    expect(eastAsianReadings(cyrillic, romanise(cyrillic).latin)).toContain(hepburn);
  });
  it("gives no other reading to a Russian name that is not such syllables", () => {
    for (const name of ["сергей", "владимир", "дмитрий", "екатерина", "щербаков"])
      expect(eastAsianReadings(name, romanise(name).latin)).toEqual([]);
  });
});
