// Public surface of the sync capability (issue 18): remote posts that work offline and a centre that
// scales out, on NATS JetStream. See docs/architecture.md, "Remote posts and the centre".
export { DEFAULT_SYNC, readSyncConfig, SYNC_ROLES, type SyncConfig, type SyncRole } from "./config.js";
export { applyDecision, publishDecisions } from "./decisions.js";
export { type IngestResult, ingestMessages } from "./ingest.js";
export { type ListAge, listAge, messageId, type PostStatus, type SyncMessage } from "./model.js";
export { outboxCursor, publishOutbox } from "./outbox.js";
export { publishLiveLists } from "./publish-lists.js";
export { receiveLists } from "./receive-lists.js";
export { REVOCATIONS_SUBJECT, type RevocationTarget, startRevocationBus } from "./revocations.js";
export { type SyncLog, type SyncRuntime, startSync } from "./runtime.js";
export { type SyncStatus, syncStatus } from "./status.js";
export { type PostChainVerdict, verifyPostChains } from "./verify-posts.js";
