export { type CsvRow, type RowProblem, readCsv, rejectIfProblems } from "./csv.js";
export { type FalForm, parseFalCsv } from "./fal.js";
export { identityKey, personKey } from "./identity.js";
export { parseManifestFile } from "./manifest-file.js";
export { parseManualEntry } from "./manual.js";
export type {
  Gender,
  Leg,
  LegEnd,
  Manifest,
  ManualEntry,
  TravelDocument,
  Traveller,
  TravellerRole,
  Vessel,
} from "./model.js";
export { toScreeningQuery } from "./model.js";
export { type MrzCheck, type MrzCorrection, type MrzFormat, type MrzResult, parseMrz } from "./mrz.js";
export { parsePaxlst, parsePaxlstInterchange } from "./paxlst.js";
export {
  type CellProblem,
  type ColumnCheck,
  oneOfWords,
  optionalDate,
  type RecordListSpec,
  readRecordCsv,
} from "./record-csv.js";
export {
  createSltdIndex,
  type DocumentHit,
  normaliseDocNumber,
  parseSltdCsv,
  type SltdIndex,
  type SltdRecord,
  type SltdStatus,
} from "./sltd.js";
