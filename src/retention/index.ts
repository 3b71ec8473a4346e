// Public surface of retention: the policy, the job, and its schedule in the server.
export {
  type Cutoffs,
  cutoffs,
  DEFAULT_RETENTION,
  type RetentionPolicy,
  readRetentionPolicy,
} from "./policy.js";
export { type AuditExpiry, expireAuditPayloads, type RetentionReport, runRetention } from "./run.js";
export { scheduleRetention } from "./schedule.js";
