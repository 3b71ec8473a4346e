// Public surface of the audit capability: an append-only log on several hash chains, signed checkpoints
// of their heads kept in the database and in an external file, erasable payloads, and the verifier.
//
// Retention erases payloads with
//   erasePayloads(db, signing, { olderThan: Date } | { ids: number[] }, { actor?, now? })
//     → { erased: number, checkpoint?: number }
// It nulls the purpose and details of the matching entries (those not erased yet), appends an
// `audit.erase` entry and a signed prune checkpoint listing the erased ids, in one transaction, then
// appends the checkpoint to the external file. The chains still verify; an erasure without a signed
// prune checkpoint is reported by verify. `signing` is the server's AuditSigning: `auditSigning` in
// startServer (src/http/server.ts), made by resolveAuditSigning from LIMES_AUDIT_KEY.

export { type BoundedAuditOptions, createBoundedAudit } from "./bounded.js";
export {
  type AuditPayload,
  type ChainBreak,
  type ChainChecker,
  type ChainedFields,
  canonicalJson,
  chainChecker,
  entryHash,
  findBreak,
  GENESIS_HASH,
  payloadDigest,
  type StoredEntry,
} from "./chain.js";
export type {
  ChainHead,
  CheckpointBody,
  CheckpointKind,
  SignedCheckpoint,
} from "./checkpoint.js";
export {
  type AuditSigning,
  type Checkpointer,
  type CheckpointSchedule,
  startCheckpointer,
  writeCheckpoint,
} from "./checkpointer.js";
export { type EraseCriteria, erasePayloads } from "./erase.js";
export {
  generateKeyFiles,
  KEY_PURPOSES,
  type KeyPurpose,
  keyFiles,
  loadPrivateKey,
  loadPublicKey,
} from "./keys.js";
export {
  type AuditActor,
  type AuditEntry,
  type AuditEntryInput,
  type AuditFilter,
  appendAudit,
  auditSavepointState,
  countAudit,
  queryAudit,
} from "./log.js";
export { AUDIT_PAGE, type AuditSearch, searchAudit } from "./search.js";
export { type AuditSettings, resolveAuditSigning } from "./setup.js";
export { type AuditVerdict, type VerifyOptions, verifyAuditChain } from "./verify.js";
