// The audit log for an auditor: search with a stated purpose (itself recorded), page through the
// results by cursor, and verify every hash chain against the signed checkpoints with one button.
import { type FormEvent, useState } from "react";
import { AuditEntries, type AuditPage } from "../components/AuditEntries";
import { AuditVerify } from "../components/AuditVerify";
import { ScreenTitle } from "../components/Heading";
import { Empty, ErrorBox, Loading } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { PURPOSES } from "../lib/screens";

const PAGE = 50;
const FILTERS = ["actor", "action", "objectType", "objectId"] as const;

export function Audit() {
  const [filter, setFilter] = useState<Record<string, string>>({
    actor: "",
    action: "",
    objectType: "",
    objectId: "",
    from: "",
    to: "",
  });
  const [purpose, setPurpose] = useState<string>(PURPOSES.audit);
  // The cursor of every page shown so far: the last one is the current page, popping goes back to newer.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<AuditPage>();
  const entries = page?.entries;
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const search = async (trail: (string | undefined)[]) => {
    const cursor = trail[trail.length - 1];
    setBusy(true);
    setError(undefined);
    try {
      const iso = (local: string) => (local ? new Date(local).toISOString() : undefined);
      const { data } = await api<AuditPage>("GET", "/audit", undefined, {
        query: {
          actor: filter.actor,
          action: filter.action,
          objectType: filter.objectType,
          objectId: filter.objectId,
          from: iso(filter.from ?? ""),
          to: iso(filter.to ?? ""),
          limit: String(PAGE),
          cursor,
          purpose,
        },
      });
      setPage(data);
      setCursors(trail);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search([undefined]);
  };

  return (
    <section aria-labelledby="audit-title">
      <ScreenTitle id="audit-title">{t.audit.title}</ScreenTitle>
      <AuditVerify />
      <form className="card filters" onSubmit={submit} aria-labelledby="audit-search-title">
        <h2 id="audit-search-title">{t.audit.search}</h2>
        <div className="fields grid">
          {FILTERS.map((k) => (
            <label key={k}>
              {t.audit[k]}
              <input value={filter[k]} onChange={(e) => setFilter({ ...filter, [k]: e.target.value })} />
            </label>
          ))}
          <label>
            {t.audit.from}
            <input
              type="datetime-local"
              value={filter.from}
              onChange={(e) => setFilter({ ...filter, from: e.target.value })}
            />
          </label>
          <label>
            {t.audit.to}
            <input
              type="datetime-local"
              value={filter.to}
              onChange={(e) => setFilter({ ...filter, to: e.target.value })}
            />
          </label>
          <label className="wide">
            {t.audit.purpose}
            <input value={purpose} onChange={(e) => setPurpose(e.target.value)} required minLength={3} />
          </label>
        </div>
        <button type="submit" disabled={busy}>
          {busy ? t.audit.searching : t.audit.submit}
        </button>
      </form>
      {error && <ErrorBox title={t.audit.failed} error={error} />}
      {busy && !entries && <Loading />}
      {entries && entries.length === 0 && <Empty>{t.audit.empty}</Empty>}
      {page && entries && entries.length > 0 && (
        <AuditEntries
          page={page}
          busy={busy}
          hasNewer={cursors.length > 1}
          onNewer={() => void search(cursors.slice(0, -1))}
          onOlder={() => void search([...cursors, page.nextCursor])}
        />
      )}
    </section>
  );
}
