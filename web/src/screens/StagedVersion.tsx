// A list version held back by the safety limits: its diff against the live version, why it was held,
// the first entities it would remove, and the approval it waits for. A second watchlist manager approves
// or rejects it with a reason; its uploader sees that it waits for someone else.
import { type FormEvent, useState } from "react";
import { ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { dateTime } from "../lib/format";
import { useSession } from "../lib/session";
import type { StagedView } from "../lib/watchlists";

export function StagedVersion({
  list,
  staged,
  onDecided,
}: {
  list: string;
  staged: StagedView;
  onDecided: () => void;
}) {
  const { user } = useSession();
  const approval = staged.approval;
  const own = approval?.proposedBy.username === user?.username;
  return (
    <section className="card staged" aria-labelledby={`staged-${list}`} data-testid={`staged-${list}`}>
      <h2 id={`staged-${list}`}>{t.watchlists.stagedTitle(list, staged.version)}</h2>
      <p className="notice notice-pending">{t.watchlists.stagedNotice(staged.baseVersion)}</p>
      {staged.diff && <p>{t.watchlists.diff(staged.diff)}</p>}
      <h3>{t.watchlists.breaches}</h3>
      <ul>
        {staged.breaches.map((b) => (
          <li key={`${b.code}-${String(b.params.schema ?? "")}`}>
            {t.watchlists.breach(b.code, b.params, b.message)}
          </li>
        ))}
      </ul>
      {staged.removedSample.length > 0 && (
        <>
          <h3>{t.watchlists.removedSample(staged.diff?.removed ?? staged.removedSample.length)}</h3>
          <ul className="muted">
            {staged.removedSample.map((e) => (
              <li key={e.id}>{e.name}</li>
            ))}
          </ul>
        </>
      )}
      {approval && (
        <p>
          {t.watchlists.proposed(
            approval.proposedBy.username,
            dateTime(approval.proposedAt),
            dateTime(approval.expiresAt),
          )}
          <br />
          <q>{approval.reason}</q>
        </p>
      )}
      {approval && own && <p className="hint">{t.watchlists.ownProposal}</p>}
      {approval && !own && approval.status === "pending" && (
        <Decide approvalId={approval.id} onDecided={onDecided} />
      )}
    </section>
  );
}

function Decide({ approvalId, onDecided }: { approvalId: string; onDecided: () => void }) {
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const decide = (decision: "approve" | "reject") => async (e?: FormEvent) => {
    e?.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", `/approvals/${encodeURIComponent(approvalId)}/${decision}`, { reason });
      onDecided();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form onSubmit={decide("approve")}>
      <label>
        {t.watchlists.decisionReason}
        <textarea
          rows={2}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          required
          minLength={3}
        />
      </label>
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t.watchlists.approve}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || reason.trim().length < 3}
          onClick={() => void decide("reject")()}
        >
          {t.watchlists.reject}
        </button>
      </div>
      {error && <ErrorBox title={t.watchlists.decisionFailed} error={error} />}
    </form>
  );
}
