// The approvals a process can decide: the use cases bound to the database and to the handlers each
// capability registered for its kinds at composition.
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import { type Decision, decideApproval } from "./decide.js";
import type { ApprovalHandlers } from "./handlers.js";
import { approvalFor, pendingFor } from "./pending.js";

export function createApprovalService(db: Db, handlers: ApprovalHandlers) {
  return {
    pendingFor: (p: Principal) => pendingFor(db, p),
    get: (p: Principal, id: string) => approvalFor(db, p, id),
    decide: (p: Principal, id: string, d: Decision) => decideApproval(db, handlers, p, id, d),
  };
}

export type ApprovalService = ReturnType<typeof createApprovalService>;
