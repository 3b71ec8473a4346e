// The administrator's user list: who works in the agency, with which roles, and a form to add an officer.
// An administrator reads no personal data of travellers; this screen holds only accounts.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { Async } from "../components/State";
import { t } from "../i18n";
import { api } from "../lib/api";
import { useAction, useApi } from "../lib/useApi";

interface UserView {
  id: string;
  username: string;
  roles: string[];
  agency: string;
  crossingPointId?: string;
  disabled?: boolean;
}

const ROLES = [
  "first_line",
  "second_line",
  "analyst",
  "watchlist_manager",
  "auditor",
  "protection_officer",
  "admin",
] as const;

function NewUser({ agency, onCreated }: { agency: string; onCreated: (name: string) => void }) {
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [roles, setRoles] = useState<string[]>(["first_line"]);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) =>
    run(e, async () => {
      await api("POST", "/users", { username, password, roles, agency });
      onCreated(username);
      setUsername("");
      setPassword("");
    });
  const toggle = (role: string) =>
    setRoles((rs) => (rs.includes(role) ? rs.filter((r) => r !== role) : [...rs, role]));
  return (
    <form className="card" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">{t.users.create}</h2>
      <label>
        {t.users.username}
        <input
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          minLength={3}
          required
          autoComplete="off"
        />
      </label>
      <label>
        {t.users.password}
        <input
          type="password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          minLength={12}
          required
          autoComplete="new-password"
        />
      </label>
      <fieldset>
        <legend>{t.users.roles}</legend>
        {ROLES.map((r) => (
          <label key={r} className="check-label">
            <input type="checkbox" checked={roles.includes(r)} onChange={() => toggle(r)} />
            {t.roles[r] ?? r}
          </label>
        ))}
      </fieldset>
      <button type="submit" disabled={busy || roles.length === 0}>
        {t.users.submit}
      </button>
      {error && (
        <p role="alert" className="error-text">
          {error.message}
        </p>
      )}
    </form>
  );
}

export function Users({ agency }: { agency: string }) {
  const [created, setCreated] = useState<string>();
  const users = useApi(
    async (signal) => (await api<{ users: UserView[] }>("GET", "/users", undefined, { signal })).data.users,
    [created],
  );
  return (
    <section aria-labelledby="users-title">
      <ScreenTitle id="users-title">{t.users.title}</ScreenTitle>
      {created && (
        <p role="status" className="notice">
          {t.users.created(created)}
        </p>
      )}
      <div className="two-col">
        <Async
          resource={users}
          errorTitle={t.users.failed}
          isEmpty={(u) => u.length === 0}
          empty={t.users.empty}
        >
          {(list) => (
            <table className="data">
              <caption className="visually-hidden">{t.users.title}</caption>
              <thead>
                <tr>
                  <th scope="col">{t.users.username}</th>
                  <th scope="col">{t.users.roles}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <tr key={u.id}>
                    <td>{u.username}</td>
                    <td>{u.roles.map((r) => t.roles[r] ?? r).join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </Async>
        <NewUser agency={agency} onCreated={setCreated} />
      </div>
    </section>
  );
}
