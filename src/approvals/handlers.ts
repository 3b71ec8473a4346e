// What an approval's kind does when it is decided. The capability that proposes a kind registers its
// handler at composition, so approvals need not know lists, alerts or seizures.
import type { Transaction } from "kysely";
import type { Principal } from "../access/index.js";
import type { Database } from "../db/index.js";
import type { Approval } from "./model.js";

export interface ApprovalHandler {
  /** Carries out the approved action in the approval's transaction; throwing refuses it and changes nothing. */
  approved(trx: Transaction<Database>, approval: Approval, approver: Principal): Promise<void>;
  /** Records a rejection's effect on the subject (e.g. the staged list version is marked rejected). */
  rejected?(trx: Transaction<Database>, approval: Approval, decider: Principal): Promise<void>;
  /**
   * Records why an approval failed once read (e.g. `approved` threw): its own transaction, after the decision's
   * rolled back, so that a denial (e.g. by the non-refoulement bar) is audited although nothing changed.
   */
  refused?(
    trx: Transaction<Database>,
    approval: Approval,
    approver: Principal,
    error: unknown,
  ): Promise<void>;
  /** Runs after the decision committed, e.g. to swap the screening index. */
  afterCommit?(approval: Approval): Promise<void>;
}

export type ApprovalHandlers = Readonly<Record<string, ApprovalHandler>>;
