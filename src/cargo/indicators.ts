// Goods risk indicators: which HS codes deserve a look, and descriptions that contradict the declared
// code. This is the product's own judgment, so it is written here rather than taken from a library, and
// every entry is a published category, not a fit to any manifest.
//
// - Chapters 93 (arms and ammunition) and 36 (explosives, pyrotechnics) are always sensitive.
// - Drug precursors: the scheduled substances of Category 1 and 2 of the EU drug-precursor regulations
//   (Regulation (EC) 273/2004 and 111/2005, following Tables I and II of the 1988 UN Convention), at the HS
//   subheadings that name them. Dual use: headings of Annex I of Regulation (EU) 2021/821 that the HS
//   names as such (nuclear reactors 8401, radioactive elements 2844, uranium and thorium ores 2612).
//   Both lists are configurable (GoodsConfig): an agency adds national codes without a code change.
// - Contradiction: words that name goods of a sensitive chapter, checked against the declared code. A
//   description with "pistol" declared under chapter 94 (furniture) is worth a look; one under 93 is not.
//   Words are whole words, in English, the language of manifests; a word is listed only where it names
//   the chapter's goods in ordinary trade usage.

export const SENSITIVE_CHAPTERS: Record<string, string> = {
  "93": "arms and ammunition",
  "36": "explosives and pyrotechnics",
};

export const DEFAULT_PRECURSOR_CODES: readonly string[] = [
  "293941", // ephedrine
  "293942", // pseudoephedrine
  "291524", // acetic anhydride
  "284161", // potassium permanganate
  "291431", // phenylacetone (1-phenyl-2-propanone)
  "291634", // phenylacetic acid
  "292243", // anthranilic acid
  "293291", // isosafrole
  "293292", // 3,4-MDP-2-P
  "293293", // piperonal
  "293294", // safrole
  "293332", // piperidine
];

export const DEFAULT_DUAL_USE_CODES: readonly string[] = ["8401", "2844", "2612"];

/** Words that name the goods of a chapter, for the contradiction check. */
export const CHAPTER_WORDS: Record<string, readonly string[]> = {
  "93": [
    "pistol",
    "pistols",
    "revolver",
    "revolvers",
    "rifle",
    "rifles",
    "shotgun",
    "shotguns",
    "firearm",
    "firearms",
    "ammunition",
    "cartridges",
    "bullets",
    "grenade",
    "grenades",
    "munitions",
  ],
  "36": ["explosive", "explosives", "detonator", "detonators", "dynamite", "fireworks", "pyrotechnic"],
  "29": ["ephedrine", "pseudoephedrine", "safrole", "piperonal", "phenylacetone"],
};

/** The chapters whose goods the description names and the declared code is not in. */
export function contradictedChapters(description: string, declaredCode: string | undefined): string[] {
  const words = new Set(description.toLowerCase().split(/[^a-z]+/));
  const chapter = declaredCode?.slice(0, 2);
  return Object.entries(CHAPTER_WORDS)
    .filter(([ch, list]) => ch !== chapter && list.some((w) => words.has(w)))
    .map(([ch]) => ch);
}
