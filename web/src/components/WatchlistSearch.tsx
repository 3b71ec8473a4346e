// A name search in one list. The name goes in the body, never in a URL.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import type { Entity } from "../lib/alerts";
import { type ApiError, asApiError, call } from "../lib/api";
import { birthDateText } from "../lib/explain";
import { PURPOSES } from "../lib/screens";
import type { WatchlistView } from "../lib/watchlists";
import { type Column, DataTable } from "./DataTable";
import { Name } from "./Name";
import { ErrorBox } from "./State";

// Built at render: the headers are in the language chosen since the module loaded.
const entityColumns = (): Column<Entity>[] => [
  { key: "name", header: t.watchlists.colName, cell: (en) => <Name>{en.name}</Name> },
  {
    key: "born",
    header: t.watchlists.colBorn,
    cell: (en) => en.birthDates.map(birthDateText).join("; ") || "—",
  },
  {
    key: "nationality",
    header: t.watchlists.colNationality,
    cell: (en) => en.nationalities.join(", ") || "—",
  },
  { key: "programme", header: t.watchlists.colProgramme, cell: (en) => en.programmes.join(", ") || "—" },
  { key: "ref", header: t.watchlists.colRef, className: "mono", cell: (en) => en.sourceRef },
];

export function WatchlistSearch({ lists }: { lists: WatchlistView[] }) {
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
      const { data } = await call("post", "/api/v1/watchlists/{id}/entities/search", {
        params: { id: chosen },
        body: { q, purpose: PURPOSES.watchlistSearch },
      });
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
      {results && (
        <DataTable
          caption={t.watchlists.search}
          columns={entityColumns()}
          rows={results}
          rowKey={(en) => en.id}
          empty={t.watchlists.noResults}
        />
      )}
    </section>
  );
}
