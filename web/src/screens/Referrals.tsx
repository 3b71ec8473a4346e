// The protection officer's referrals: asylum requests, children and possible victims of trafficking
// referred to their services, tracked to completion. Closing a referral lifts the non-refoulement bar,
// so it takes a written outcome.
import { type FormEvent, useState } from "react";
import { type Column, DataTable } from "../components/DataTable";
import { ScreenTitle } from "../components/Heading";
import { Async, ErrorText } from "../components/State";
import { t } from "../i18n";
import { api, call, type Schemas } from "../lib/api";
import { dateTime, deadline } from "../lib/format";
import { useAction, useApi, useNow } from "../lib/useApi";

type Referral = Schemas["ReferralView"];

const PURPOSE = "protection referral tracking";

function CloseForm({ referral, onClosed }: { referral: Referral; onClosed: () => void }) {
  const [outcome, setOutcome] = useState("");
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) =>
    run(e, async () => {
      await api("POST", `/protection/referrals/${encodeURIComponent(referral.id)}/close`, {
        outcome,
        purpose: PURPOSE,
      });
      onClosed();
    });
  const id = `outcome-${referral.id}`;
  return (
    <form className="inline-form" onSubmit={submit}>
      <label htmlFor={id}>{t.referrals.outcome}</label>
      <input id={id} value={outcome} onChange={(e) => setOutcome(e.target.value)} minLength={10} required />
      <button type="submit" disabled={busy || outcome.trim().length < 10}>
        {t.referrals.close}
      </button>
      <ErrorText error={error} inline />
    </form>
  );
}

function late(r: Referral, now: number): boolean {
  return r.status === "open" && (r.overdue || deadline(r.dueAt, now).overdue);
}

function referralColumns(now: number, reload: () => void): Column<Referral>[] {
  const open = (r: Referral) => r.status === "open";
  return [
    {
      key: "service",
      header: t.referrals.colService,
      cell: (r) => t.referrals.services[r.service] ?? r.service,
    },
    {
      key: "created",
      header: t.referrals.colCreated,
      cell: (r) => <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>,
    },
    {
      key: "deadline",
      header: t.referrals.colDeadline,
      cell: (r) =>
        open(r) ? (
          <time dateTime={r.dueAt} className={late(r, now) ? "overdue" : undefined}>
            {late(r, now) ? t.referrals.overdue : deadline(r.dueAt, now).text}
          </time>
        ) : (
          "—"
        ),
    },
    {
      key: "status",
      header: t.referrals.colStatus,
      cell: (r) => (open(r) ? t.referrals.open : t.referrals.closedBy(r.closedBy ?? "—")),
    },
    {
      key: "action",
      header: t.referrals.colAction,
      cell: (r) => (open(r) ? <CloseForm referral={r} onClosed={reload} /> : <span>{r.outcome}</span>),
    },
  ];
}

export function Referrals() {
  const [status, setStatus] = useState<"open" | "closed" | "">("open");
  const now = useNow(1000);
  const referrals = useApi(
    async (signal) =>
      (
        await call(
          "get",
          "/api/v1/protection/referrals",
          { query: { ...(status ? { status } : {}), purpose: PURPOSE } },
          { signal },
        )
      ).data.referrals,
    [status],
  );
  return (
    <section aria-labelledby="referrals-title">
      <ScreenTitle id="referrals-title">{t.referrals.title}</ScreenTitle>
      <p>{t.referrals.intro}</p>
      <form
        className="card inline-form"
        aria-label={t.referrals.filters}
        onSubmit={(e) => e.preventDefault()}
      >
        <label>
          {t.referrals.status}
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)}>
            <option value="open">{t.referrals.open}</option>
            <option value="closed">{t.referrals.closed}</option>
            <option value="">{t.referrals.all}</option>
          </select>
        </label>
      </form>
      <Async
        resource={referrals}
        errorTitle={t.referrals.failed}
        isEmpty={(r) => r.length === 0}
        empty={t.referrals.empty}
      >
        {(list) => (
          <DataTable
            caption={t.referrals.title}
            columns={referralColumns(now, referrals.reload)}
            rows={list}
            rowKey={(r) => r.id}
            rowClassName={(r) => (late(r, now) ? "row-overdue" : undefined)}
          />
        )}
      </Async>
    </section>
  );
}
