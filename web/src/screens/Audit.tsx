// The audit log for an auditor: search with a stated purpose (itself recorded), page through the
// results by cursor, and verify every hash chain against the signed checkpoints with one button.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { Empty, ErrorBox, Loading } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { dateTime } from "../lib/format";
import { PURPOSES } from "../lib/screens";

interface AuditEntry {
  id: number;
  ts: string;
  actor: { username?: string; roles?: string[] };
  action: string;
  objectType: string;
  objectId?: string;
  purpose?: string;
  outcome: string;
  erasedAt?: string;
}

interface AuditPage {
  entries: AuditEntry[];
  total: number;
  nextCursor?: string;
}

/** The server's verdict: the same sentence `limes audit verify` prints. */
interface Verify {
  ok: boolean;
  verdict: string;
}

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
  const [verify, setVerify] = useState<Verify>();
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<ApiError>();

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

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    setVerify(undefined);
    try {
      setVerify((await api<Verify>("GET", "/audit/verify")).data);
    } catch (err) {
      setVerifyError(asApiError(err));
    } finally {
      setVerifying(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void search([undefined]);
  };

  return (
    <section aria-labelledby="audit-title">
      <ScreenTitle id="audit-title">{t.audit.title}</ScreenTitle>
      <div className="card verify">
        <button type="button" onClick={() => void runVerify()} disabled={verifying}>
          {verifying ? t.audit.verifying : t.audit.verify}
        </button>
        <div aria-live="polite" data-testid="verify-result">
          {verify?.ok && <p className="notice notice-ok">{verify.verdict}</p>}
          {verify && !verify.ok && (
            <p className="notice notice-bad" role="alert">
              {verify.verdict}
            </p>
          )}
        </div>
        {verifyError && <ErrorBox title={t.audit.verifyFailed} error={verifyError} />}
      </div>
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
        <>
          <p className="muted">{t.audit.shown(entries.length, page.total)}</p>
          <table className="data">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t.audit.colTime}</th>
                <th scope="col">{t.audit.colActor}</th>
                <th scope="col">{t.audit.colAction}</th>
                <th scope="col">{t.audit.colObject}</th>
                <th scope="col">{t.audit.colPurpose}</th>
                <th scope="col">{t.audit.colOutcome}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} className={e.outcome === "denied" ? "row-overdue" : undefined}>
                  <td className="num">{e.id}</td>
                  <td>{dateTime(e.ts)}</td>
                  <td>{e.actor.username ?? "—"}</td>
                  <td className="mono">{e.action}</td>
                  <td>
                    {e.objectType}
                    {e.objectId && <span className="muted mono"> {e.objectId}</span>}
                  </td>
                  <td>{e.erasedAt ? <span className="muted">{t.audit.erased}</span> : (e.purpose ?? "—")}</td>
                  <td>{e.outcome}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="actions">
            <button
              type="button"
              className="secondary"
              disabled={cursors.length < 2 || busy}
              onClick={() => void search(cursors.slice(0, -1))}
            >
              {t.audit.previous}
            </button>
            <button
              type="button"
              className="secondary"
              disabled={!page.nextCursor || busy}
              onClick={() => void search([...cursors, page.nextCursor])}
            >
              {t.audit.next}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
