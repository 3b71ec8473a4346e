// The decision: outcome, reason, legal basis, and for a confirmed match an action against the traveller,
// which a second officer must approve. An action barred by a protection need says so before it is sent.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { ADVERSE_ACTIONS, type AdverseAction, type AlertDetailView, OUTCOMES } from "../lib/alerts";
import { type ApiError, api, asApiError } from "../lib/api";
import { PURPOSES } from "../lib/screens";
import { ErrorBox } from "./State";

export interface Notice {
  kind: "ok" | "pending";
  text: string;
}

export function DecisionForm({ alert, onDone }: { alert: AlertDetailView; onDone: (n: Notice) => void }) {
  const [outcome, setOutcome] = useState<string>("");
  const [adverseAction, setAdverseAction] = useState<AdverseAction | "">("");
  const [reason, setReason] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const [clearance, setClearance] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const blocked =
    alert.protection.barred && adverseAction && alert.protection.barredActions.includes(adverseAction)
      ? t.detail.protectionBarred(alert.protection.openReferrals)
      : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const body = {
        outcome,
        reason,
        legalBasis,
        purpose: PURPOSES.review,
        ...(outcome === "confirmed" && adverseAction ? { adverseAction } : {}),
        ...(outcome === "cleared_false_positive" && clearance ? { clearance: true } : {}),
      };
      const { status } = await api("POST", `/alerts/${encodeURIComponent(alert.id)}/decisions`, body);
      if (status === 202) onDone({ kind: "pending", text: t.decision.pending });
      else onDone({ kind: "ok", text: t.decision.recorded });
      setReason("");
      setAdverseAction("");
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card decision" onSubmit={submit} aria-labelledby="decision-title">
      <h2 id="decision-title">{t.decision.title}</h2>
      <fieldset>
        <legend>{t.decision.outcome}</legend>
        {OUTCOMES.map((o) => (
          <label key={o} className="check-label">
            <input
              type="radio"
              name="outcome"
              value={o}
              checked={outcome === o}
              onChange={() => setOutcome(o)}
              required
            />
            {t.decision.outcomes[o]}
          </label>
        ))}
      </fieldset>
      {outcome === "confirmed" && (
        <label>
          {t.decision.adverseAction}
          <select
            name="adverseAction"
            value={adverseAction}
            onChange={(e) => setAdverseAction(e.target.value as AdverseAction | "")}
            aria-describedby="adverse-hint"
          >
            <option value="">{t.decision.noAdverseAction}</option>
            {ADVERSE_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t.decision.adverseActions[a]}
              </option>
            ))}
          </select>
        </label>
      )}
      {outcome === "confirmed" && (
        <p id="adverse-hint" className="hint field-hint">
          {t.decision.adverseHint}
        </p>
      )}
      {outcome === "cleared_false_positive" && (
        <label className="check-label">
          <input type="checkbox" checked={clearance} onChange={(e) => setClearance(e.target.checked)} />
          {t.decision.clearance}
        </label>
      )}
      <label>
        {t.decision.reason}
        <textarea
          name="reason"
          rows={3}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-describedby="reason-hint"
          required
          minLength={20}
        />
      </label>
      <p id="reason-hint" className="hint field-hint">
        {t.decision.reasonHint(reason.trim().length)}
      </p>
      <label>
        {t.decision.legalBasis}
        <select name="legalBasis" value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} required>
          <option value="">{t.decision.chooseLegalBasis}</option>
          {alert.legalBases.map((b) => (
            <option key={b} value={b}>
              {b}
            </option>
          ))}
        </select>
      </label>
      {blocked && (
        <div className="blocked" role="alert">
          <strong>{t.decision.blocked}</strong>: {blocked}
        </div>
      )}
      <button type="submit" disabled={busy || !!blocked}>
        {busy ? t.decision.submitting : t.decision.submit}
      </button>
      {error && (
        <ErrorBox title={error.status === 409 ? t.decision.blocked : t.decision.refused} error={error} />
      )}
    </form>
  );
}
