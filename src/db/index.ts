// Public surface of the database capability.
export {
  type Db,
  DEFAULT_DB,
  type Dialect,
  databaseAnswers,
  migrate,
  openDatabase,
  parseDbUrl,
} from "./connect.js";
export { isUniqueViolation } from "./errors.js";
export { type Exclusive, runExclusive } from "./exclusive.js";
export {
  createGroupCommit,
  type GroupCommit,
  type GroupCommitOptions,
  type SavepointState,
} from "./group-commit.js";
export {
  decodeCursor,
  encodeCursor,
  type KeyValue,
  keysetPage,
  type Page,
  type PageRequest,
  type SortKey,
} from "./paging.js";
export { ensurePartitions, schedulePartitions } from "./partitions.js";
export type { AlertSource, Database, ScreenedTravellerFacts, SubjectKind } from "./schema.js";
