// Why an alert was opened beyond a match: requested actions, programmes, document and rule hits, and the
// traveller's earlier clearances.
import { t } from "../i18n";
import type { AlertDetailView } from "../lib/alerts";
import { dateTime } from "../lib/format";

export function AlertReasons({ alert: a }: { alert: AlertDetailView }) {
  return (
    <div className="card reasons">
      <h2>{t.detail.requestedActions}</h2>
      {a.requestedActions.length ? (
        <ul>
          {a.requestedActions.map((x) => (
            <li key={x} dir="auto">
              {x}
            </li>
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
