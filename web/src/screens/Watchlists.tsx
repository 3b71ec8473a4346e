// The lists in force, their versions and the diff of their last import; versions held back by the
// safety limits with the approval they wait for; uploading a new version with its progress (bytes sent,
// then the server's import); and a name search in one list.
import { type Column, DataTable } from "../components/DataTable";
import { ScreenTitle } from "../components/Heading";
import { Async } from "../components/State";
import { WatchlistSearch } from "../components/WatchlistSearch";
import { WatchlistUpload } from "../components/WatchlistUpload";
import { formatNumber, t } from "../i18n";
import { call } from "../lib/api";
import { dateTime } from "../lib/format";
import { useApi } from "../lib/useApi";
import type { VersionView, WatchlistView } from "../lib/watchlists";
import { StagedVersion } from "./StagedVersion";

// Screening uses the live version; a staged one is shown below with its approval.
const shown = (l: WatchlistView): VersionView | undefined => l.live ?? l.latest;

// Built at render: the headers are in the language chosen since the module loaded.
const listColumns = (): Column<WatchlistView>[] => [
  {
    key: "list",
    header: t.watchlists.colList,
    rowHeader: true,
    cell: (l) => (
      <>
        {l.name} <span className="muted mono">({l.id})</span>
      </>
    ),
  },
  { key: "format", header: t.watchlists.colFormat, cell: (l) => l.format },
  { key: "live", header: t.watchlists.colLive, cell: (l) => shown(l)?.version ?? "—" },
  { key: "versions", header: t.watchlists.colVersions, cell: (l) => l.versions },
  { key: "imported", header: t.watchlists.colImported, cell: (l) => dateTime(shown(l)?.importedAt) },
  {
    key: "entities",
    header: t.watchlists.colEntities,
    className: "num",
    headerClassName: "num",
    cell: (l) => {
      const v = shown(l);
      return v ? formatNumber(v.counts.entities) : "—";
    },
  },
  {
    key: "diff",
    header: t.watchlists.colDiff,
    cell: (l) => {
      const v = shown(l);
      return v ? (v.diff ? t.watchlists.diff(v.diff) : t.watchlists.firstVersion) : "—";
    },
  },
];

export function Watchlists() {
  const lists = useApi(
    async (signal) => (await call("get", "/api/v1/watchlists", {}, { signal })).data.watchlists,
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
          <DataTable caption={t.watchlists.title} columns={listColumns()} rows={ls} rowKey={(l) => l.id} />
        )}
      </Async>
      {(lists.data ?? []).map((l) =>
        l.staged ? <StagedVersion key={l.id} list={l.id} staged={l.staged} onDecided={lists.reload} /> : null,
      )}
      <div className="two-col">
        <WatchlistUpload lists={lists.data ?? []} onDone={lists.reload} />
        <WatchlistSearch lists={lists.data ?? []} />
      </div>
    </section>
  );
}
