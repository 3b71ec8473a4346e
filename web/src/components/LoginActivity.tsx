// Sign-in attempts for the administrator: addresses spraying one password across many accounts (which
// the server already slows down on every account), and failed sign-ins per username and address.
import { t } from "../i18n";
import { api } from "../lib/api";
import { dateTime } from "../lib/format";
import { useApi } from "../lib/useApi";
import { Async } from "./State";

interface LoginActivityView {
  spraying: { ip: string; usernames: number; failures: number; last: string }[];
  sprayingAudit: { auditId: number; ts: string; ip: string }[];
  failures: { username: string; ip: string; failures: number; last: string }[];
}

export function LoginActivity() {
  const activity = useApi(
    async (signal) =>
      (await api<LoginActivityView>("GET", "/users/login-activity", undefined, { signal })).data,
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
            {a.failures.length === 0 ? (
              <p className="state empty">{t.users.noFailures}</p>
            ) : (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t.users.username}</th>
                    <th scope="col">{t.users.address}</th>
                    <th scope="col">{t.users.count}</th>
                    <th scope="col">{t.users.last}</th>
                  </tr>
                </thead>
                <tbody>
                  {a.failures.map((f) => (
                    <tr key={`${f.username} ${f.ip}`}>
                      <td>{f.username}</td>
                      <td>{f.ip}</td>
                      <td>{f.failures}</td>
                      <td>{dateTime(f.last)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Async>
    </section>
  );
}
