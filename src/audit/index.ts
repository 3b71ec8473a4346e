// Public surface of the audit capability: an append-only, hash-chained log and its verifier.
export {
  type ChainBreak,
  type ChainChecker,
  canonicalJson,
  chainChecker,
  entryHash,
  findBreak,
  GENESIS_HASH,
} from "./chain.js";
export {
  type AuditActor,
  type AuditEntry,
  type AuditEntryInput,
  type AuditFilter,
  appendAudit,
  queryAudit,
  verifyAuditChain,
} from "./log.js";
