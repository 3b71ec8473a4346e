// One page of audit entries, denied ones marked, with the buttons to the newer and the older page.
import { t } from "../i18n";
import type { Reply } from "../lib/api";
import { dateTime } from "../lib/format";
import { type Column, DataTable } from "./DataTable";

export type AuditPage = Reply<"/api/v1/audit", "get">;
type AuditEntry = AuditPage["entries"][number];

// Built at render: the headers are in the language chosen since the module loaded.
const columns = (): Column<AuditEntry>[] => [
  { key: "id", header: "#", className: "num", cell: (e) => e.id },
  { key: "time", header: t.audit.colTime, cell: (e) => dateTime(e.ts) },
  { key: "actor", header: t.audit.colActor, cell: (e) => e.actor.username ?? "—" },
  { key: "action", header: t.audit.colAction, className: "mono", cell: (e) => e.action },
  {
    key: "object",
    header: t.audit.colObject,
    cell: (e) => (
      <>
        {e.objectType}
        {e.objectId && <span className="muted mono"> {e.objectId}</span>}
      </>
    ),
  },
  {
    key: "purpose",
    header: t.audit.colPurpose,
    cell: (e) => (e.erasedAt ? <span className="muted">{t.audit.erased}</span> : (e.purpose ?? "—")),
  },
  { key: "outcome", header: t.audit.colOutcome, cell: (e) => e.outcome },
];

export function AuditEntries({
  page,
  busy,
  hasNewer,
  onNewer,
  onOlder,
}: {
  page: AuditPage;
  busy: boolean;
  hasNewer: boolean;
  onNewer: () => void;
  onOlder: () => void;
}) {
  return (
    <>
      <p className="muted">{t.audit.shown(page.entries.length, page.total)}</p>
      <DataTable
        caption={t.audit.title}
        columns={columns()}
        rows={page.entries}
        rowKey={(e) => e.id}
        rowClassName={(e) => (e.outcome === "denied" ? "row-overdue" : undefined)}
      />
      <div className="actions">
        <button type="button" className="secondary" disabled={!hasNewer || busy} onClick={onNewer}>
          {t.audit.previous}
        </button>
        <button type="button" className="secondary" disabled={!page.nextCursor || busy} onClick={onOlder}>
          {t.audit.next}
        </button>
      </div>
    </>
  );
}
