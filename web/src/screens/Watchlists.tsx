// The lists in force, their versions and the diff of their last import; versions held back by the
// safety limits with the approval they wait for; uploading a new version with its progress (bytes sent,
// then the server's import); and a name search in one list.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { Name } from "../components/Name";
import { Async, Empty, ErrorBox } from "../components/State";
import { formatNumber, t } from "../i18n";
import type { Entity } from "../lib/alerts";
import { ApiError, api, asApiError, uploadWithProgress } from "../lib/api";
import { birthDateText } from "../lib/explain";
import { dateTime } from "../lib/format";
import { PURPOSES } from "../lib/screens";
import { useApi } from "../lib/useApi";
import { StagedVersion, type StagedView } from "./StagedVersion";

interface VersionView {
  version: number;
  status: string;
  importedAt: string;
  file: string | null;
  counts: { entities: number; aliases: number; documents: number };
  diff: { added: number; removed: number; changed: number; unchanged: number } | null;
}

interface WatchlistView {
  id: string;
  name: string;
  format: string;
  latest?: VersionView;
  live?: VersionView;
  staged?: StagedView;
  versions: number;
  import?: { status: string; bytesRead: number; bytesTotal: number; error?: string };
}

const FORMATS = ["un-xml", "ofac-csv", "ftm-jsonl", "csv"] as const;

export function Watchlists() {
  const lists = useApi(
    async (signal) =>
      (await api<{ watchlists: WatchlistView[] }>("GET", "/watchlists", undefined, { signal })).data
        .watchlists,
    [],
  );
  return (
    <section aria-labelledby="watchlists-title">
      <ScreenTitle id="watchlists-title">{t.watchlists.title}</ScreenTitle>
      <Async
        resource={lists}
        errorTitle={t.watchlists.failed}
        isEmpty={(l) => l.length === 0}
        empty={t.watchlists.empty}
      >
        {(ls) => (
          <table className="data">
            <thead>
              <tr>
                <th scope="col">{t.watchlists.colList}</th>
                <th scope="col">{t.watchlists.colFormat}</th>
                <th scope="col">{t.watchlists.colLive}</th>
                <th scope="col">{t.watchlists.colVersions}</th>
                <th scope="col">{t.watchlists.colImported}</th>
                <th scope="col" className="num">
                  {t.watchlists.colEntities}
                </th>
                <th scope="col">{t.watchlists.colDiff}</th>
              </tr>
            </thead>
            <tbody>
              {ls.map((l) => {
                // Screening uses the live version; a staged one is shown below with its approval.
                const v = l.live ?? l.latest;
                return (
                  <tr key={l.id}>
                    <th scope="row">
                      {l.name} <span className="muted mono">({l.id})</span>
                    </th>
                    <td>{l.format}</td>
                    <td>{v?.version ?? "—"}</td>
                    <td>{l.versions}</td>
                    <td>{dateTime(v?.importedAt)}</td>
                    <td className="num">{(v ? formatNumber(v.counts.entities) : undefined) ?? "—"}</td>
                    <td>{v ? (v.diff ? t.watchlists.diff(v.diff) : t.watchlists.firstVersion) : "—"}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </Async>
      {(lists.data ?? []).map((l) =>
        l.staged ? <StagedVersion key={l.id} list={l.id} staged={l.staged} onDecided={lists.reload} /> : null,
      )}
      <div className="two-col">
        <Upload lists={lists.data ?? []} onDone={lists.reload} />
        <Search lists={lists.data ?? []} />
      </div>
    </section>
  );
}

type Progress = { label: string; value: number; max: number };

/**
 * The server imports in the background: follows it until the version is live, staged for approval or
 * refused, and returns the sentence that says which.
 */
async function followImport(list: string, onProgress: (p: Progress) => void): Promise<string> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 400));
    const { data } = await api<WatchlistView>("GET", `/watchlists/${encodeURIComponent(list)}`);
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

function Upload({ lists, onDone }: { lists: WatchlistView[]; onDone: () => void }) {
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

function Search({ lists }: { lists: WatchlistView[] }) {
  const [list, setList] = useState("");
  const [q, setQ] = useState("");
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<Entity[]>();
  const [error, setError] = useState<ApiError>();
  const chosen = list || lists[0]?.id || "";

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // The name goes in the body: never in a URL, where logs and history would keep it.
      const { data } = await api<{ entities: Entity[] }>(
        "POST",
        `/watchlists/${encodeURIComponent(chosen)}/entities/search`,
        { q, purpose: PURPOSES.watchlistSearch },
      );
      setResults(data.entities);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" aria-labelledby="search-title">
      <h2 id="search-title">{t.watchlists.search}</h2>
      <form className="inline-form" onSubmit={submit}>
        <label>
          {t.watchlists.searchList}
          <select value={chosen} onChange={(e) => setList(e.target.value)}>
            {lists.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.watchlists.query}
          <input value={q} onChange={(e) => setQ(e.target.value)} minLength={2} required dir="auto" />
        </label>
        <button type="submit" disabled={busy || !chosen}>
          {busy ? t.watchlists.searching : t.watchlists.searchSubmit}
        </button>
      </form>
      {error && <ErrorBox title={t.watchlists.searchFailed} error={error} />}
      {results && results.length === 0 && <Empty>{t.watchlists.noResults}</Empty>}
      {results && results.length > 0 && (
        <table className="data">
          <thead>
            <tr>
              <th scope="col">{t.watchlists.colName}</th>
              <th scope="col">{t.watchlists.colBorn}</th>
              <th scope="col">{t.watchlists.colNationality}</th>
              <th scope="col">{t.watchlists.colProgramme}</th>
              <th scope="col">{t.watchlists.colRef}</th>
            </tr>
          </thead>
          <tbody>
            {results.map((en) => (
              <tr key={en.id}>
                <td>
                  <Name>{en.name}</Name>
                </td>
                <td>{en.birthDates.map(birthDateText).join("; ") || "—"}</td>
                <td>{en.nationalities.join(", ") || "—"}</td>
                <td>{en.programmes.join(", ") || "—"}</td>
                <td className="mono">{en.sourceRef}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
