// Sign-in attempts for the administrator: addresses spraying one password across many accounts (which
// the server already slows down on every account), and failed sign-ins per username and address.
import { t } from "../i18n";
import { call, type Reply } from "../lib/api";
import { dateTime } from "../lib/format";
import { useApi } from "../lib/useApi";
import { type Column, DataTable } from "./DataTable";
import { Async } from "./State";

type Failure = Reply<"/api/v1/users/login-activity", "get">["failures"][number];

// Built at render: the headers are in the language chosen since the module loaded.
const failureColumns = (): Column<Failure>[] => [
  { key: "username", header: t.users.username, cell: (f) => f.username },
  { key: "ip", header: t.users.address, cell: (f) => f.ip },
  { key: "count", header: t.users.count, cell: (f) => f.failures },
  { key: "last", header: t.users.last, cell: (f) => new Date(f.last).toLocaleString() },
];

export function LoginActivity() {
  const activity = useApi(
    async (signal) => (await call("get", "/api/v1/users/login-activity", {}, { signal })).data,
    [],
  );
  return (
    <section className="card" aria-labelledby="login-activity-title">
      <h2 id="login-activity-title">{t.users.activityTitle}</h2>
      <Async resource={activity} errorTitle={t.users.activityFailed}>
        {(a) => (
          <>
            <h3>{t.users.sprayingTitle}</h3>
            {a.spraying.length === 0 ? (
              <p className="state empty">{t.users.noSpraying}</p>
            ) : (
              <ul className="spraying" role="alert">
                {a.spraying.map((s) => (
                  <li key={s.ip}>
                    {t.users.spraying(s.ip, s.usernames, s.failures)}
                    {a.sprayingAudit
                      .filter((e) => e.ip === s.ip)
                      .map((e) => ` ${t.users.sprayingAudited(e.auditId, dateTime(e.ts))}`)
                      .join("")}
                  </li>
                ))}
              </ul>
            )}
            <h3>{t.users.failures}</h3>
            <DataTable
              caption={t.users.failures}
              columns={failureColumns()}
              rows={a.failures}
              rowKey={(f) => `${f.username} ${f.ip}`}
              empty={t.users.noFailures}
            />
          </>
        )}
      </Async>
    </section>
  );
}
