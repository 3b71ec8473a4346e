// Public surface of firearms: the check at the post, seizure through four-eyes, the list and the matcher.
export type { FirearmCheckInput, Markings } from "./check.js";
export { type FirearmStatus, type ListedFirearm, parseFirearmListCsv } from "./list.js";
export { canonicalMake, MAKE_SYNONYMS, sameMake } from "./makes.js";
export { createFirearmIndex, type FirearmHit, type FirearmIndex } from "./search.js";
export { SEIZE_FIREARM_KIND } from "./seize.js";
export { compareSerials, serialKey } from "./serial.js";
export { createFirearmService, type FirearmService } from "./service.js";
