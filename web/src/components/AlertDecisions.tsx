// The decisions on an alert, with the second officer's approval of one waiting for it (four-eyes).
import { useState } from "react";
import { t } from "../i18n";
import type { AlertDetailView } from "../lib/alerts";
import { type ApiError, api, asApiError } from "../lib/api";
import { dateTime } from "../lib/format";
import { PURPOSES } from "../lib/screens";
import { useSession } from "../lib/session";
import type { Notice } from "./DecisionForm";
import { ErrorBox } from "./State";

export function AlertDecisions({
  alert: a,
  onChange,
}: {
  alert: AlertDetailView;
  onChange: (n?: Notice) => void;
}) {
  const { user } = useSession();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const approve = async (decisionId: string) => {
    setBusy(true);
    setError(undefined);
    try {
      await api(
        "POST",
        `/alerts/${encodeURIComponent(a.id)}/decisions/${encodeURIComponent(decisionId)}/approve`,
        {
          purpose: PURPOSES.review,
        },
      );
      onChange({ kind: "ok", text: t.decision.recorded });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="card">
      <h2>{t.detail.decisions}</h2>
      {a.decisions.length === 0 ? (
        <p>{t.detail.noDecisions}</p>
      ) : (
        <ol className="decisions">
          {a.decisions.map((d) => (
            <li key={d.id} className={`decision-${d.status}`}>
              <strong>{t.decision.outcomes[d.outcome] ?? t.status[d.outcome] ?? d.outcome}</strong>
              {d.adverseAction && <> · {t.decision.adverseActions[d.adverseAction] ?? d.adverseAction}</>}
              {d.clearance && <> · {t.decision.clearanceDecision}</>} ·{" "}
              <span className="badge">{t.status[d.status] ?? d.status}</span>
              <div className="muted">{t.detail.decisionBy(d.by, dateTime(d.at))}</div>
              {d.approvedBy && (
                <div className="muted">{t.detail.approvedBy(d.approvedBy, dateTime(d.approvedAt))}</div>
              )}
              <q dir="auto">{d.reason}</q>
              {d.legalBasis && (
                <div className="muted" dir="auto">
                  {d.legalBasis}
                </div>
              )}
              {d.status === "pending_approval" && d.by !== user?.username && (
                <button type="button" disabled={busy} onClick={() => void approve(d.id)}>
                  {busy ? t.detail.approving : t.detail.approve}
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
      {error && <ErrorBox title={t.decision.blocked} error={error} />}
    </div>
  );
}
