// The shape of the learned transliteration costs: its own file so that the generated table
// (translit-costs.ts) and the code that reads it (learned.ts) do not import each other.

/** Scripts with learned costs: the romanised native form is compared with the Latin spelling. */
export const LEARNED_SCRIPTS = ["cyrillic", "arabic", "hebrew"] as const;
export type LearnedScript = (typeof LEARNED_SCRIPTS)[number];

/** Costs of one script, as −log probabilities of each operation (rounded to 2 decimals). */
export interface ScriptCosts {
  /** "ab" → cost of romanised letter a written as Latin b ("aa" is keeping it) */
  sub: Record<string, number>;
  /** romanised letter → cost of dropping it in the Latin spelling */
  del: Record<string, number>;
  /** Latin letter → cost of adding it (vowels the native script does not write) */
  ins: Record<string, number>;
  /** "kh>h" → cost of one or two romanised letters written as zero to two Latin ones (not 1 → 1) */
  multi?: Record<string, number>;
  /** Cost of an operation the training data never saw. */
  unseen: number;
  /** Cost per letter at which a pair is as likely right as a wrong pair scores at or above `refer`. */
  referCost: number;
}

export interface TranslitModel {
  version: string;
  scripts: Partial<Record<LearnedScript, ScriptCosts>>;
}
