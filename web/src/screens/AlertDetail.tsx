// One alert for the second line: the traveller beside the listed entity, the explanation of the match,
// the reasons and history, and the decision. Reading it is audited with the review purpose.
import { useState } from "react";
import { Alignment } from "../components/Alignment";
import { DecisionForm, type Notice } from "../components/DecisionForm";
import { ScreenTitle } from "../components/Heading";
import { Light } from "../components/Light";
import { Name } from "../components/Name";
import { ProtectionForm } from "../components/ProtectionForm";
import { PartnerCheck } from "../components/partners/PartnerCheck";
import { Async, ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type AlertDetailView, type Entity, isDecided, type Match, type Traveller } from "../lib/alerts";
import { type ApiError, api, asApiError } from "../lib/api";
import { birthDateText, featureOf } from "../lib/explain";
import { dateTime, deadline, fullName, score } from "../lib/format";
import { Link } from "../lib/router";
import { PURPOSES } from "../lib/screens";
import { useSession } from "../lib/session";
import { useApi, useNow } from "../lib/useApi";

export function AlertDetail({ id }: { id: string }) {
  const [notice, setNotice] = useState<Notice>();
  const alert = useApi(
    async (signal) =>
      (
        await api<AlertDetailView>("GET", `/alerts/${encodeURIComponent(id)}`, undefined, {
          query: { purpose: PURPOSES.review },
          signal,
        })
      ).data,
    [id],
  );
  return (
    <section aria-labelledby="alert-title">
      <p>
        <Link href="/alerts">← {t.detail.back}</Link>
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
  const now = useNow(1000);
  const [selected, setSelected] = useState(0);
  const match = a.matches[selected];
  const entity = match ? a.entities[match.entityId] : undefined;
  const open = !isDecided(a.status);
  const due = deadline(a.dueAt, now);
  const [reviewError, setReviewError] = useState<ApiError>();

  const takeIntoReview = async () => {
    try {
      await api("POST", `/alerts/${encodeURIComponent(a.id)}/review`, { purpose: PURPOSES.review });
      onChange();
    } catch (err) {
      setReviewError(asApiError(err));
    }
  };

  return (
    <>
      <ScreenTitle id="alert-title">{t.detail.title(a.reference)}</ScreenTitle>
      <dl className="facts card">
        <div>
          <dt>{t.alerts.colPriority}</dt>
          <dd>
            <span className={`badge priority-${a.priority}`}>{t.priority[a.priority]}</span>
          </dd>
        </div>
        <div>
          <dt>{t.alerts.colStatus}</dt>
          <dd data-testid="alert-status">{t.status[a.status] ?? a.status}</dd>
        </div>
        <div>
          <dt>{t.detail.deadline}</dt>
          <dd className={open && due.overdue ? "overdue" : undefined}>
            {open ? due.text : dateTime(a.dueAt)}
          </dd>
        </div>
        <div>
          <dt>{t.detail.created}</dt>
          <dd>{dateTime(a.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.detail.source}</dt>
          <dd>{a.source}</dd>
        </div>
        {a.status === "open" && (
          <div>
            <dt className="visually-hidden">{t.detail.takeIntoReview}</dt>
            <dd>
              <button type="button" className="secondary" onClick={() => void takeIntoReview()}>
                {t.detail.takeIntoReview}
              </button>
            </dd>
          </div>
        )}
      </dl>
      {reviewError && <ErrorBox title={t.detail.failed} error={reviewError} />}
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
          {match ? (
            <MatchView alert={a} match={match} entity={entity} />
          ) : (
            <p className="card">{t.detail.noMatches}</p>
          )}
          <Reasons alert={a} />
        </div>
        <aside className="detail-side">
          <Decisions alert={a} onChange={onChange} />
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

function MatchView({ alert: a, match, entity }: { alert: AlertDetailView; match: Match; entity?: Entity }) {
  const f = match.explanation.features;
  // Matches against listed persons are only ever on a person's alert.
  const tr = a.traveller as Traveller;
  const rows: { key: string; label: string; traveller: string; listed: string; feature?: string }[] = [
    {
      key: "birthDate",
      label: t.detail.birthDate,
      traveller: tr.birthDate ?? "—",
      listed: entity?.birthDates.map(birthDateText).join("; ") || "—",
      feature: "birthDate",
    },
    {
      key: "nationality",
      label: t.detail.nationality,
      traveller: tr.nationality ?? "—",
      listed: [...(entity?.nationalities ?? []), ...(entity?.nationalitiesText ?? [])].join(", ") || "—",
      feature: "nationality",
    },
    {
      key: "document",
      label: t.detail.documents,
      traveller:
        tr.documents.map((d) => [d.number, d.issuingCountry].filter(Boolean).join(" ")).join("; ") || "—",
      listed:
        entity?.documents
          .map((d) => `${d.type} ${d.number} ${d.country ?? d.countryText ?? ""}`.trim())
          .join("; ") || "—",
      feature: "document",
    },
    {
      key: "gender",
      label: t.detail.gender,
      traveller: tr.gender ?? "—",
      listed: entity?.gender ?? "—",
      feature: "gender",
    },
    {
      key: "placeOfBirth",
      label: t.detail.placeOfBirth,
      traveller: tr.placeOfBirth ?? "—",
      listed: entity?.placesOfBirth.join("; ") || "—",
    },
  ];
  return (
    <>
      <table className="data compare" aria-label={`${t.detail.traveller} / ${t.detail.entity}`}>
        <thead>
          <tr>
            <th scope="col">
              <span className="visually-hidden">{t.detail.colFeature}</span>
            </th>
            <th scope="col">{t.detail.traveller}</th>
            <th scope="col">
              {t.detail.entity}
              <span className="muted">
                {" "}
                · {match.list} {match.sourceRef} · {t.detail.score} {score(match.score)}
              </span>
            </th>
            <th scope="col">{t.detail.colOutcome}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">{t.detail.name}</th>
            <td>
              <Name className="big" testId="traveller-name">
                {fullName(tr)}
              </Name>
            </td>
            <td>
              <Name className="big" testId="entity-name">
                {entity?.name ?? match.name}
              </Name>
            </td>
            <td>
              <Light outcome={featureOf(f, "name")?.outcome} />
            </td>
          </tr>
          {rows.map((r) => {
            const feat = r.feature ? featureOf(f, r.feature) : undefined;
            return (
              <tr key={r.key} className={feat ? `row-light-${feat.outcome}` : undefined}>
                <th scope="row">{r.label}</th>
                <td>{r.traveller}</td>
                <td>{r.listed}</td>
                <td>{r.feature ? <Light outcome={feat?.outcome} /> : null}</td>
              </tr>
            );
          })}
          <tr>
            <th scope="row">{t.detail.programmes}</th>
            <td />
            <td colSpan={2}>{entity?.programmes.join(", ") || "—"}</td>
          </tr>
          {entity?.listedOn && (
            <tr>
              <th scope="row">{t.detail.listedOn}</th>
              <td />
              <td colSpan={2}>{entity.listedOn}</td>
            </tr>
          )}
          {entity && entity.aliases.length > 0 && (
            <tr>
              <th scope="row">{t.detail.aliases}</th>
              <td />
              <td colSpan={2}>
                {entity.aliases.map((al, i) => (
                  <span key={`${al.name}-${al.quality}`}>
                    {i > 0 && "; "}
                    <Name>{al.name}</Name>
                  </span>
                ))}
              </td>
            </tr>
          )}
        </tbody>
      </table>
      <div className="card">
        <Alignment
          queryName={match.explanation.queryName}
          matchedName={match.explanation.matchedName}
          matchedNameKind={match.explanation.matchedNameKind}
          alignment={match.explanation.alignment}
        />
        <table className="data features">
          <caption>{t.detail.comparisons}</caption>
          <thead>
            <tr>
              <th scope="col">{t.detail.colFeature}</th>
              <th scope="col">{t.detail.colDetail}</th>
              <th scope="col">{t.detail.colContribution}</th>
              <th scope="col">{t.detail.colOutcome}</th>
            </tr>
          </thead>
          <tbody>
            {f.map((x) => (
              <tr key={x.feature} className={`row-light-${x.outcome}`}>
                <th scope="row">{t.detail.feature[x.feature] ?? x.feature}</th>
                <td>{x.detail}</td>
                <td className="num">
                  {x.contribution > 0 ? "+" : ""}
                  {score(x.contribution)}
                </td>
                <td>
                  <Light outcome={x.outcome} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function Reasons({ alert: a }: { alert: AlertDetailView }) {
  return (
    <div className="card reasons">
      <h2>{t.detail.requestedActions}</h2>
      {a.requestedActions.length ? (
        <ul>
          {a.requestedActions.map((x) => (
            <li key={x}>{x}</li>
          ))}
        </ul>
      ) : (
        <p>{t.detail.noRequestedActions}</p>
      )}
      {a.programmes && a.programmes.length > 0 && (
        <p>
          <strong>{t.detail.programmes}:</strong> {a.programmes.join(", ")}
        </p>
      )}
      {a.documentHits.length > 0 && (
        <>
          <h2>{t.detail.documentHits}</h2>
          <ul>
            {a.documentHits.map((d) => (
              <li key={`${d.number}-${d.issuingCountry}`}>
                {t.detail.documentHit(d.number, d.issuingCountry, d.status)} — {d.action}
              </li>
            ))}
          </ul>
        </>
      )}
      {a.ruleHits.length > 0 && (
        <>
          <h2>{t.detail.ruleHits}</h2>
          <ul>
            {a.ruleHits.map((r) => (
              <li key={`${r.ruleId}-${r.version}`}>{t.detail.ruleHit(r.name, r.version)}</li>
            ))}
          </ul>
        </>
      )}
      <h2>{t.detail.clearances}</h2>
      {a.previouslyCleared.length > 0 && (
        <p className="notice notice-pending">{t.detail.previouslyCleared}</p>
      )}
      {a.clearances.length ? (
        <ul>
          {a.clearances.map((c) => (
            <li key={c.id}>
              {t.detail.clearance(c.entityId, c.createdBy, dateTime(c.createdAt), dateTime(c.expiresAt))}
              {c.expired && ` (${t.detail.expired})`}: <q>{c.reason}</q>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t.detail.noClearances}</p>
      )}
    </div>
  );
}

function Decisions({ alert: a, onChange }: { alert: AlertDetailView; onChange: (n?: Notice) => void }) {
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
              <q>{d.reason}</q>
              {d.legalBasis && <div className="muted">{d.legalBasis}</div>}
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
