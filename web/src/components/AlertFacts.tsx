// The head of an alert: priority, status, deadline (counting down while open), when and where from, and
// taking an open alert into review.
import { useState } from "react";
import { t } from "../i18n";
import { type AlertDetailView, isDecided } from "../lib/alerts";
import { type ApiError, api, asApiError } from "../lib/api";
import { dateTime, deadline } from "../lib/format";
import { PURPOSES } from "../lib/screens";
import { useNow } from "../lib/useApi";
import { ErrorBox } from "./State";

export function AlertFacts({ alert: a, onChange }: { alert: AlertDetailView; onChange: () => void }) {
  const now = useNow(1000);
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
          <dd>{t.values.source[a.source] ?? a.source}</dd>
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
    </>
  );
}
