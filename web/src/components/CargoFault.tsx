// A refused manifest: the error in the UI's words (errorText), where in the file the fault is, and that
// nothing was recorded (a 4xx from the cargo route changes nothing).
import { t } from "../i18n";
import type { ApiError } from "../lib/api";
import { faultPlaces } from "../lib/cargo";

export function CargoFault({ error }: { error: ApiError }) {
  const places = faultPlaces(error);
  return (
    <div className="state error" role="alert" data-testid="cargo-fault">
      <p className="error-title">{t.cargo.failed}</p>
      <p>{error.message}</p>
      {places.length > 0 && (
        <>
          <p>
            <strong>{t.cargo.faultAt}:</strong>
          </p>
          <ul>
            {places.map((p) => (
              <li key={p} className="mono">
                {p}
              </li>
            ))}
          </ul>
        </>
      )}
      {error.status >= 400 && error.status < 500 && <p>{t.cargo.nothingChanged}</p>}
    </div>
  );
}
