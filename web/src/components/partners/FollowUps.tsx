// The follow-ups of one hit on the asking node: each with its status and the data received until it
// expires, and the form that sends a new one with a reason and a legal basis.
import { type FormEvent, useState } from "react";
import { t } from "../../i18n";
import { api, call } from "../../lib/api";
import { dateTime } from "../../lib/format";
import { useAction, useApi } from "../../lib/useApi";
import { Async, ErrorText } from "../State";
import { CATEGORIES, Categories } from "./Categories";

function FollowUpForm({ checkId, onSent }: { checkId: string; onSent: () => void }) {
  const [categories, setCategories] = useState<string[]>([...CATEGORIES]);
  const [reason, setReason] = useState("");
  const [legalBasis, setLegalBasis] = useState("");
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) =>
    run(e, async () => {
      await api("POST", `/partner-checks/${encodeURIComponent(checkId)}/follow-ups`, {
        categories,
        reason,
        legalBasis,
      });
      setReason("");
      onSent();
    });
  return (
    <form className="stack" onSubmit={submit} aria-label={t.partners.followUpTitle}>
      <Categories value={categories} onChange={setCategories} />
      <label>
        {t.partners.reason}
        <input value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} required />
      </label>
      <label>
        {t.partners.legalBasis}
        <input value={legalBasis} onChange={(e) => setLegalBasis(e.target.value)} minLength={3} required />
      </label>
      <button type="submit" disabled={busy || categories.length === 0}>
        {t.partners.sendFollowUp}
      </button>
      <ErrorText error={error} />
    </form>
  );
}

export function FollowUps({ checkId }: { checkId: string }) {
  const followUps = useApi(
    async (signal) =>
      (await call("get", "/api/v1/partner-checks/{id}/follow-ups", { params: { id: checkId } }, { signal }))
        .data.followUps,
    [checkId],
  );
  return (
    <div className="follow-ups">
      <h4>{t.partners.followUpTitle}</h4>
      <Async resource={followUps} errorTitle={t.partners.checksFailed}>
        {(list) => (
          <ul>
            {list.map((f) => (
              <li key={f.id} data-status={f.status}>
                <strong>{t.partners.followUpStatus[f.status] ?? f.status}</strong> · {dateTime(f.createdAt)}
                {f.decisionReason && <span> · {f.decisionReason}</span>}
                {f.data && (
                  <div>
                    <p className="hint">{t.partners.received(f.data.length, dateTime(f.expiresAt))}</p>
                    <pre className="received-data">{JSON.stringify(f.data, null, 2)}</pre>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </Async>
      <FollowUpForm checkId={checkId} onSent={followUps.reload} />
    </div>
  );
}
