// Proposing an adverse measure (seizing a firearm, retaining cash): a reason and its legal basis. The
// measure is not taken here: it waits for a second officer under /approvals (four-eyes), and the form
// says so once proposed.
import { type ReactNode, useState } from "react";
import { t } from "../i18n";
import type { Reply } from "../lib/api";
import { dateTime } from "../lib/format";
import { useAction } from "../lib/useApi";
import { ErrorBox } from "./State";

export type Approval = Reply<"/api/v1/firearm-checks/{id}/seizure", "post">;
export interface ProposalInput {
  reason: string;
  legalBasis?: string;
}

export function ProposalForm({
  id,
  title,
  failedTitle,
  propose,
  children,
}: {
  id: string;
  title: string;
  failedTitle: string;
  propose: (input: ProposalInput) => Promise<Approval>;
  /** Fields of the measure itself, e.g. retention or seizure. */
  children?: ReactNode;
}) {
  const [reason, setReason] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const [approval, setApproval] = useState<Approval>();
  const action = useAction();
  const submit = (e: { preventDefault(): void }) =>
    action.run(e, async () => {
      setApproval(
        await propose({
          reason: reason.trim(),
          ...(legalBasis.trim() ? { legalBasis: legalBasis.trim() } : {}),
        }),
      );
    });
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {approval ? (
        <p className="notice notice-pending" role="status" data-testid="proposal-pending">
          {t.proposal.waiting(approval.proposedBy.username, dateTime(approval.expiresAt))}
        </p>
      ) : (
        <form onSubmit={submit}>
          {children}
          <label>
            {t.proposal.reason}
            <textarea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              minLength={3}
              rows={2}
              required
            />
          </label>
          <label>
            {t.proposal.legalBasis}
            <input value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" disabled={action.busy}>
              {t.proposal.submit}
            </button>
          </div>
        </form>
      )}
      {action.error && <ErrorBox title={failedTitle} error={action.error} />}
    </section>
  );
}
