// An export of the API (src/http/routes/export.ts) as a download: CSV or FtM JSON lines, with the purpose
// the API records in the audit log typed by the officer. The file comes through fetch with the session
// token in a header (lib/download.ts): no token and no name in any URL.
import { type FormEvent, useId, useState } from "react";
import { t } from "../i18n";
import { type ApiError, asApiError } from "../lib/api";
import { downloadExport } from "../lib/download";
import { ErrorBox } from "./State";

const FORMATS = ["csv", "ftm"] as const;

export function ExportFile({
  path,
  query = {},
  fallbackName,
  label,
}: {
  /** The export's API path, e.g. `/alerts/export`. */
  path: string;
  /** Filters the export takes besides format and purpose. */
  query?: Record<string, string | undefined>;
  fallbackName: string;
  /** What is exported, for the section's name ("Export: alert queue"). */
  label: string;
}) {
  const id = useId();
  const [format, setFormat] = useState<(typeof FORMATS)[number]>("csv");
  const [purpose, setPurpose] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setDone(undefined);
    setError(undefined);
    try {
      const name = await downloadExport(path, { ...query, format, purpose: purpose.trim() }, fallbackName);
      setDone(t.exports.done(name));
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="card export-file">
      <summary>{`${t.exports.title}: ${label}`}</summary>
      <form className="inline-form" onSubmit={submit} aria-label={`${t.exports.title}: ${label}`}>
        <label>
          {t.exports.format}
          <select value={format} onChange={(e) => setFormat(e.target.value as (typeof FORMATS)[number])}>
            {FORMATS.map((f) => (
              <option key={f} value={f}>
                {t.exports.formats[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.exports.purpose}
          <input
            value={purpose}
            onChange={(e) => setPurpose(e.target.value)}
            required
            minLength={3}
            maxLength={200}
            aria-describedby={`${id}-hint`}
          />
        </label>
        <button type="submit" disabled={busy}>
          {busy ? t.exports.downloading : t.exports.download}
        </button>
      </form>
      <p id={`${id}-hint`} className="hint">
        {t.exports.purposeHint}
      </p>
      {done && <p role="status">{done}</p>}
      {error && <ErrorBox title={t.exports.failed} error={error} />}
    </details>
  );
}
