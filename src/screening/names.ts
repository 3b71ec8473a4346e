// Comparing two names directly, without an index: the name-pair view of the engine.
import { alignNames, extraPenaltyFor, type NameAlignment } from "./compare.js";
import { type NameSchema, tokenizeName } from "./tokens.js";

/** Aligns and scores two names of the given schema. */
export function alignNamePair(name1: string, name2: string, schema: NameSchema = "person"): NameAlignment {
  return alignNames(
    tokenizeName(name1, schema),
    tokenizeName(name2, schema),
    undefined,
    extraPenaltyFor(schema),
  );
}

/** Similarity of two names in 0..1, comparable with the screener's thresholds. */
export function compareNames(name1: string, name2: string, schema: NameSchema = "person"): number {
  return alignNamePair(name1, name2, schema).score;
}
