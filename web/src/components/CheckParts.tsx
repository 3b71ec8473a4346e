// What every check at the post shares: the crossing point it is recorded at, the submit button, and the
// area that announces the answer (the result, a problem found before sending, or the server's error).
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { ApiError } from "../lib/api";
import type { useRecordingPoint } from "../lib/crossingPoints";
import { CrossingPointSelect } from "./CrossingPointSelect";
import { ErrorBox } from "./State";

export function RecordingPointSelect({
  point,
  required,
}: {
  point: ReturnType<typeof useRecordingPoint>;
  required?: boolean;
}) {
  return (
    <CrossingPointSelect
      label={t.check.crossingPoint}
      points={point.points}
      value={point.id}
      onChange={point.setId}
      emptyLabel={t.check.noCrossingPoint}
      required={required}
    />
  );
}

/** The submit button, and any buttons beside it. */
export function CheckActions({
  busy,
  label,
  children,
}: {
  busy: boolean;
  label: string;
  children?: ReactNode;
}) {
  return (
    <div className="actions">
      <button type="submit" disabled={busy}>
        {label}
      </button>
      {children}
    </div>
  );
}

/** The answer, announced as it comes; a problem found before sending, or the error, below it. */
export function ResultArea({
  live = "assertive",
  problem,
  error,
  errorTitle,
  children,
}: {
  live?: "assertive" | "polite";
  problem?: string | undefined;
  error?: ApiError | undefined;
  errorTitle: string;
  children?: ReactNode;
}) {
  return (
    <section className="result-area" aria-label={t.check.resultLabel} aria-live={live}>
      {children}
      {problem && (
        <p className="state error" role="alert">
          {problem}
        </p>
      )}
      {error && <ErrorBox title={errorTitle} error={error} />}
    </section>
  );
}
