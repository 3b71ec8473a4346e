// One alert for the second line: the traveller beside the listed entity with the explanation of the match,
// or a goods subject (vessel, consignment, vehicle, firearm, cash) beside the listed record with its
// evidence; then the reasons and history, and the decision. Reading it is audited with the review purpose.
import { useState } from "react";
import { AlertDecisions } from "../components/AlertDecisions";
import { AlertFacts } from "../components/AlertFacts";
import { AlertReasons } from "../components/AlertReasons";
import { DecisionForm, type Notice } from "../components/DecisionForm";
import { ScreenTitle } from "../components/Heading";
import { MatchView } from "../components/MatchView";
import { ProtectionForm } from "../components/ProtectionForm";
import { PartnerCheck } from "../components/partners/PartnerCheck";
import { Async } from "../components/State";
import { SubjectEvidence } from "../components/SubjectEvidence";
import { backArrow, t } from "../i18n";
import { type AlertDetailView, isDecided } from "../lib/alerts";
import { call } from "../lib/api";
import { score } from "../lib/format";
import { Link } from "../lib/router";
import { PURPOSES } from "../lib/screens";
import { useApi } from "../lib/useApi";

export function AlertDetail({ id }: { id: string }) {
  const [notice, setNotice] = useState<Notice>();
  const alert = useApi(
    async (signal) =>
      (
        await call(
          "get",
          "/api/v1/alerts/{id}",
          { params: { id }, query: { purpose: PURPOSES.review } },
          { signal },
        )
      ).data,
    [id],
  );
  return (
    <section aria-labelledby="alert-title">
      <p>
        <Link href="/alerts">
          <span aria-hidden="true">{backArrow()}</span> {t.detail.back}
        </Link>
      </p>
      <Async resource={alert} errorTitle={t.detail.failed}>
        {(a) => (
          <AlertView
            alert={a}
            notice={notice}
            onChange={(n) => {
              setNotice(n);
              alert.reload();
            }}
          />
        )}
      </Async>
    </section>
  );
}

function AlertView({
  alert: a,
  notice,
  onChange,
}: {
  alert: AlertDetailView;
  notice?: Notice;
  onChange: (n?: Notice) => void;
}) {
  const [selected, setSelected] = useState(0);
  const match = a.matches[selected];
  const entity = match ? a.entities[match.entityId] : undefined;
  const open = !isDecided(a.status);

  return (
    <>
      <ScreenTitle id="alert-title">{t.detail.title(a.reference)}</ScreenTitle>
      <AlertFacts alert={a} onChange={() => onChange()} />
      {a.protection.barred && (
        <div className="blocked" role="note">
          {t.detail.protectionBarred(a.protection.openReferrals)}
        </div>
      )}
      {notice && (
        <p className={`notice notice-${notice.kind}`} role="status" data-testid="decision-notice">
          {notice.text}
        </p>
      )}

      <div className="detail-grid">
        <div className="detail-main">
          {a.matches.length > 1 && (
            <div className="tabs" role="tablist" aria-label={t.detail.matches}>
              {a.matches.map((m, i) => (
                <button
                  key={`${m.entityId}-${m.explanation.matchedName}`}
                  type="button"
                  role="tab"
                  aria-selected={i === selected}
                  onClick={() => setSelected(i)}
                >
                  {t.detail.matchTab(i + 1, m.list, m.name, score(m.score))}
                </button>
              ))}
            </div>
          )}
          {a.subjectKind !== "person" ? (
            // A vessel, consignment, vehicle, firearm or cash: its evidence beside the listed record.
            <SubjectEvidence alert={a} />
          ) : match ? (
            <MatchView alert={a} match={match} entity={entity} />
          ) : (
            <p className="card">{t.detail.noMatches}</p>
          )}
          <AlertReasons alert={a} />
        </div>
        <aside className="detail-side">
          <AlertDecisions alert={a} onChange={onChange} />
          {open ? (
            <DecisionForm alert={a} onDone={onChange} />
          ) : (
            <p className="card">{t.decision.closedAlert}</p>
          )}
          <ProtectionForm alertId={a.id} onDone={() => onChange()} />
          <PartnerCheck alertId={a.id} />
        </aside>
      </div>
    </>
  );
}
