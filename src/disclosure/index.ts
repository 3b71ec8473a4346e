// Public surface of disclosure control: which counts of a set of tables may be published, and what anyone
// holding all of them can still work out about the withheld ones.
export {
  type Counts,
  type Disclosure,
  type DisclosureOptions,
  disclosureControl,
  type Published,
  publish,
  type WindowCounts,
  withheldRanges,
} from "./control.js";
export type { Interval } from "./solve.js";
