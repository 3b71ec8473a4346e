// A PAXLST or FAL file, screened: the conveyance, then one row per person, refers on top, sortable.
import { type FormEvent, useState } from "react";
import { ExportFile } from "../components/ExportFile";
import { ScreenTitle } from "../components/Heading";
import { Name } from "../components/Name";
import { SortHeader } from "../components/SortHeader";
import { Empty, ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError, type Schemas } from "../lib/api";
import { PURPOSES } from "../lib/screens";
import { type Direction, sortRows } from "../lib/sort";

type ManifestAnswer = Schemas["ManifestReply"];

type Column = "decision" | "line" | "name" | "role" | "reference";

export function Manifests() {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [answer, setAnswer] = useState<ManifestAnswer>();
  const [sort, setSort] = useState<{ column: Column; dir: Direction }>({
    column: "decision",
    dir: "ascending",
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const text = await file.text();
      const { data } = await api<ManifestAnswer>("POST", "/manifests", undefined, {
        text,
        query: { purpose: PURPOSES.manifest },
      });
      setAnswer(data);
      setSort({ column: "decision", dir: "ascending" });
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const onSort = (column: Column) =>
    setSort((s) => ({
      column,
      dir: s.column === column && s.dir === "ascending" ? "descending" : "ascending",
    }));

  const rows = answer
    ? answer.results.map((r) => {
        const p = answer.manifest.persons.find((x) => x.index === r.index);
        return { ...r, name: p ? `${p.surname}, ${p.givenNames}` : "", role: p?.role ?? "" };
      })
    : [];
  const key = (r: (typeof rows)[number]): string | number => {
    switch (sort.column) {
      case "decision":
        // Refers first when ascending: the order the second line works in.
        return r.decision === "refer" ? 0 : 1;
      case "line":
        return r.index;
      case "name":
        return r.name;
      case "role":
        return r.role;
      case "reference":
        return r.reference;
    }
  };
  const sorted = sortRows(rows, key, sort.dir);
  const m = answer?.manifest;

  return (
    <section aria-labelledby="manifests-title">
      <ScreenTitle id="manifests-title">{t.manifests.title}</ScreenTitle>
      <form className="card inline-form" onSubmit={submit}>
        <label>
          {t.manifests.file}
          <input
            type="file"
            name="manifest"
            accept=".txt,.edi,.paxlst,.csv,text/plain"
            required
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <button type="submit" disabled={busy || !file}>
          {busy ? t.manifests.submitting : t.manifests.submit}
        </button>
      </form>
      {error && <ErrorBox title={t.manifests.failed} error={error} />}
      {busy && (
        <p role="status" className="state loading">
          {t.manifests.submitting}
        </p>
      )}
      {!answer && !error && !busy && <Empty>{t.manifests.empty}</Empty>}
      {answer && m && (
        <>
          <dl className="facts card">
            <div>
              <dt>{t.manifests[m.kind]}</dt>
              <dd>{[m.carrier, m.number].filter(Boolean).join(" ") || "—"}</dd>
            </div>
            <div>
              <dt>{t.manifests.route}</dt>
              <dd>
                {m.legs
                  .map((l) => [l.departure?.location, l.arrival?.location].filter(Boolean).join(" → "))
                  .join("; ") || "—"}
              </dd>
            </div>
            <div>
              <dt>{t.manifests.listType}</dt>
              <dd>{t.manifests[m.listType]}</dd>
            </div>
            <div>
              <dt>{t.manifests.results}</dt>
              <dd>{t.manifests.summary(answer.summary.persons, answer.summary.refer, m.declaredCount)}</dd>
            </div>
          </dl>
          <ExportFile
            path={`/manifests/${encodeURIComponent(answer.id)}/export`}
            fallbackName="manifest.csv"
            label={t.exports.manifest}
          />
          {m.warnings.length > 0 && (
            <div className="warnings" role="note">
              <h2>{t.manifests.warnings}</h2>
              <ul>
                {m.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          <table className="data">
            <caption>{t.manifests.results}</caption>
            <thead>
              <tr>
                <SortHeader label={t.manifests.colResult} column="decision" sort={sort} onSort={onSort} />
                <SortHeader label={t.manifests.colLine} column="line" sort={sort} onSort={onSort} />
                <SortHeader label={t.manifests.colName} column="name" sort={sort} onSort={onSort} />
                <SortHeader label={t.manifests.colRole} column="role" sort={sort} onSort={onSort} />
                <SortHeader label={t.manifests.colReference} column="reference" sort={sort} onSort={onSort} />
              </tr>
            </thead>
            <tbody>
              {sorted.map((r) => (
                <tr key={r.index} className={r.decision === "refer" ? "row-refer" : undefined}>
                  <td>
                    <span className={`badge badge-${r.decision}`}>
                      {r.decision === "refer" ? t.manifests.refer : t.manifests.clear}
                    </span>
                  </td>
                  <td>{r.index + 1}</td>
                  <td>
                    <Name>{r.name}</Name>
                  </td>
                  <td>{r.role}</td>
                  <td className="mono">{r.reference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
