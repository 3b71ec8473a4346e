// The loading, empty and error states every screen shows the same way.
import type { ReactNode } from "react";
import { t } from "../i18n";
import type { ApiError } from "../lib/api";
import type { Resource } from "../lib/useApi";

export function Loading() {
  return (
    <p className="state loading" role="status" aria-live="polite">
      {t.app.loading}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state empty">{children}</p>;
}

export function ErrorBox({ title, error, retry }: { title: string; error: ApiError; retry?: () => void }) {
  const reasons = error.reasons;
  return (
    <div className="state error" role="alert">
      <p className="error-title">{title}</p>
      {/* Already in the UI's language: ApiError words it from the error's code and params. */}
      <p>{error.message}</p>
      {reasons.length > 0 && (
        <ul>
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
      {retry && (
        <button type="button" onClick={retry}>
          {t.app.retry}
        </button>
      )}
    </div>
  );
}

/** Renders `children(data)` once loaded, or the loading / error / empty state. */
export function Async<T>({
  resource,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  resource: Resource<T>;
  errorTitle: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  if (resource.error) return <ErrorBox title={errorTitle} error={resource.error} retry={resource.reload} />;
  if (resource.data === undefined) return <Loading />;
  if (isEmpty?.(resource.data)) return <Empty>{empty}</Empty>;
  return <>{children(resource.data)}</>;
}

/** A form's error in one line, beside or under its button; `inline` inside a row of buttons. */
export function ErrorText({ error, inline = false }: { error?: ApiError | undefined; inline?: boolean }) {
  if (!error) return null;
  const Tag = inline ? "span" : "p";
  return (
    <Tag role="alert" className="error-text">
      {error.message}
    </Tag>
  );
}
