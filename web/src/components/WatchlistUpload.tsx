// Uploading a new version of a list: one file, or several as one multipart request, with a bar for the
// bytes sent and then for the server's import, which runs in the background.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { ApiError, asApiError, call } from "../lib/api";
import { uploadWithProgress } from "../lib/upload";
import type { WatchlistView } from "../lib/watchlists";
import { ErrorBox } from "./State";

const FORMATS = ["un-xml", "ofac-csv", "ftm-jsonl", "csv"] as const;

type Progress = { label: string; value: number; max: number };

/**
 * The server imports in the background: follows it until the version is live, staged for approval or
 * refused, and returns the sentence that says which.
 */
async function followImport(list: string, onProgress: (p: Progress) => void): Promise<string> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const { data } = await call("get", "/api/v1/watchlists/{id}", { params: { id: list } });
    const imp = data.import;
    if (imp?.status === "staged") return t.watchlists.uploadedStaged(list, data.staged?.version ?? 0);
    if (!imp || imp.status === "ready") {
      const latest = data.latest;
      const diff = latest?.diff ? t.watchlists.diff(latest.diff) : t.watchlists.firstVersion;
      return t.watchlists.uploaded(list, latest?.version ?? 0, diff);
    }
    if (imp.status === "failed") throw new ApiError(422, "import_failed", imp.error ?? "import failed", {});
    onProgress({
      label: t.watchlists.progressImport(imp.status),
      value: imp.bytesRead,
      max: imp.bytesTotal || 1,
    });
  }
}

export function WatchlistUpload({ lists, onDone }: { lists: WatchlistView[]; onDone: () => void }) {
  const [list, setList] = useState("");
  const [format, setFormat] = useState<string>("csv");
  const [files, setFiles] = useState<File[]>([]);
  const [noAliases, setNoAliases] = useState(false);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<Progress>();
  const [done, setDone] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const file = files[0];
    if (!file) return;
    setBusy(true);
    setError(undefined);
    setDone(undefined);
    try {
      const size = files.reduce((n, f) => n + f.size, 0);
      setProgress({ label: t.watchlists.progressSend, value: 0, max: size });
      const aliases = format === "ofac-csv" && noAliases ? "&noAliases=true" : "";
      const query = `?format=${encodeURIComponent(format)}&list=${encodeURIComponent(list)}${aliases}`;
      // Several files (OFAC's sdn, alt and add) go as one multipart request, named as chosen.
      const body = files.length === 1 ? file : new FormData();
      if (body instanceof FormData) for (const f of files) body.append(f.name, f, f.name);
      await uploadWithProgress(
        `/watchlists${query}`,
        body,
        (sent, total) => setProgress({ label: t.watchlists.progressSend, value: sent, max: total }),
        { prefer: "respond-async" },
      );
      setDone(await followImport(list, setProgress));
      // The bar stays, full, so that the end of the import is visible and not just an absence.
      setProgress({ label: t.watchlists.progressDone, value: 1, max: 1 });
      onDone();
    } catch (err) {
      setProgress(undefined);
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="upload-title">
      <h2 id="upload-title">{t.watchlists.upload}</h2>
      <label>
        {t.watchlists.list}
        <input
          list="known-lists"
          value={list}
          onChange={(e) => setList(e.target.value)}
          required
          pattern="[a-z0-9][a-z0-9\-]{1,40}"
        />
        <datalist id="known-lists">
          {lists.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </datalist>
      </label>
      <label>
        {t.watchlists.format}
        <select value={format} onChange={(e) => setFormat(e.target.value)}>
          {FORMATS.map((f) => (
            <option key={f} value={f}>
              {f}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.watchlists.file}
        <input
          type="file"
          multiple
          required
          aria-describedby="files-hint"
          onChange={(e) => setFiles([...(e.target.files ?? [])])}
        />
      </label>
      <p id="files-hint" className="hint field-hint">
        {t.watchlists.filesHint}
      </p>
      {format === "ofac-csv" && (
        <label className="check-label">
          <input type="checkbox" checked={noAliases} onChange={(e) => setNoAliases(e.target.checked)} />
          {t.watchlists.noAliases}
        </label>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t.watchlists.uploading : t.watchlists.uploadSubmit}
      </button>
      {progress && (
        <label className="progress">
          {progress.label}
          <progress value={progress.value} max={progress.max} />
        </label>
      )}
      {done && (
        <p role="status" data-testid="upload-done">
          {done}
        </p>
      )}
      {error && <ErrorBox title={t.watchlists.uploadFailed} error={error} />}
    </form>
  );
}
