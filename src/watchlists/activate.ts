// What approving or rejecting a staged list version does: approval makes it the live version if the
// version it was compared with is still live; rejection marks it rejected. Screening swaps its index
// only after the approval committed.
import type { ApprovalHandler } from "../approvals/index.js";
import { appendAudit } from "../audit/index.js";
import { ConflictError } from "../shared/errors.js";
import { liveVersion, moveVersions } from "./repository.js";

interface ActivatePayload {
  list: string;
  version: number;
  baseVersion: number | null;
}

export function activationHandler(onActivated: () => Promise<void>): ApprovalHandler {
  return {
    async approved(trx, approval, approver) {
      const { list, version, baseVersion } = approval.payload as unknown as ActivatePayload;
      const live = (await liveVersion(trx, list)) ?? null;
      // The diff the approver saw was against the base: a different live version would make it a lie.
      if (live !== baseVersion)
        throw new ConflictError(
          `version ${live} of ${list} went live after this one was staged against ${baseVersion}; upload again`,
          undefined,
          "watchlist_base_moved",
          { list, live: String(live), base: String(baseVersion) },
        );
      if ((await moveVersions(trx, list, "staged", "ready", version)) !== 1)
        throw new ConflictError(
          `version ${version} of ${list} is no longer staged`,
          undefined,
          "watchlist_not_staged",
          {
            list,
            version,
          },
        );
      await appendAudit(trx, {
        actor: approver,
        action: "watchlist.activate",
        objectType: "watchlist",
        objectId: `${list}@${version}`,
        outcome: "success",
        details: { approval: approval.id, proposedBy: approval.proposedBy.username },
      });
    },
    async rejected(trx, approval) {
      const { list, version } = approval.payload as unknown as ActivatePayload;
      await moveVersions(trx, list, "staged", "rejected", version);
    },
    afterCommit: () => onActivated(),
  };
}
