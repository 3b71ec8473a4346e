// The partner check on an alert (issue 16): ask a partner node whether it knows the traveller, the
// document, the vehicle or the firearm; the answers so far, each hit with its follow-ups. Added to the
// alert detail with one line; everything else lives in this folder.
import { type FormEvent, useState } from "react";
import { t } from "../../i18n";
import { api, call } from "../../lib/api";
import { dateTime } from "../../lib/format";
import { useAction, useApi } from "../../lib/useApi";
import { Async, ErrorText } from "../State";
import { FollowUps } from "./FollowUps";

const PURPOSES = ["counter-terrorism", "serious-organised-crime", "document-fraud"] as const;
const KINDS = ["person", "document", "vehicle", "firearm"] as const;

function AskForm({
  alertId,
  kind: initial,
  onAsked,
}: {
  alertId: string;
  kind: string;
  onAsked: () => void;
}) {
  const [partner, setPartner] = useState("");
  const [purpose, setPurpose] = useState<string>(PURPOSES[0]);
  const [kind, setKind] = useState<string>(initial);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) =>
    run(e, async () => {
      await api("POST", `/alerts/${encodeURIComponent(alertId)}/partner-checks`, {
        partnerNodeId: partner.trim(),
        purpose,
        kind,
      });
      onAsked();
    });
  return (
    <form className="stack" onSubmit={submit} aria-label={t.partners.checkTitle}>
      <label>
        {t.partners.partner}
        <input
          value={partner}
          onChange={(e) => setPartner(e.target.value.toUpperCase())}
          placeholder="AL-BORDER"
          required
        />
      </label>
      <label>
        {t.partners.purpose}
        <select value={purpose} onChange={(e) => setPurpose(e.target.value)}>
          {PURPOSES.map((p) => (
            <option key={p} value={p}>
              {t.partners.purposes[p] ?? p}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.partners.kind}
        <select value={kind} onChange={(e) => setKind(e.target.value)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t.partners.kinds[k] ?? k}
            </option>
          ))}
        </select>
      </label>
      <button type="submit" disabled={busy || partner.trim().length < 2}>
        {t.partners.ask}
      </button>
      <ErrorText error={error} />
    </form>
  );
}

export function PartnerCheck({ alertId, subjectKind }: { alertId: string; subjectKind?: string }) {
  const checks = useApi(
    async (signal) =>
      (await call("get", "/api/v1/alerts/{id}/partner-checks", { params: { id: alertId } }, { signal })).data
        .checks,
    [alertId],
  );
  const kind = subjectKind === "vehicle" || subjectKind === "firearm" ? subjectKind : "person";
  return (
    <section className="card partner-check" aria-labelledby={`partner-check-${alertId}`}>
      <h3 id={`partner-check-${alertId}`}>{t.partners.checkTitle}</h3>
      <p className="hint">{t.partners.checkIntro}</p>
      <AskForm alertId={alertId} kind={kind} onAsked={checks.reload} />
      <Async
        resource={checks}
        errorTitle={t.partners.checksFailed}
        isEmpty={(c) => c.length === 0}
        empty={t.partners.noChecks}
      >
        {(list) => (
          <ul className="partner-checks">
            {list.map((c) => (
              <li key={c.requestId} data-answer={c.answer}>
                <strong>{c.answer === "hit" ? t.partners.hit : t.partners.noHit}</strong>{" "}
                {t.partners.answer(c.partnerNodeId, t.partners.kinds[c.kind] ?? c.kind, dateTime(c.askedAt))}
                <div className="hint">{t.partners.reference(c.reference, c.contact ?? "—")}</div>
                {c.answer === "hit" && <FollowUps checkId={c.requestId} />}
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
