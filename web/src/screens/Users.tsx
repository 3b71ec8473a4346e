// The administrator's user list: who works in the agency, with which roles and in which state, page by
// page; disable, enable and password reset per user; a form to add an officer; and the sign-in attempts
// (spraying first). An administrator reads no personal data of travellers; this screen holds only accounts.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { LoginActivity } from "../components/LoginActivity";
import { Async } from "../components/State";
import { joinWords, t } from "../i18n";
import { api } from "../lib/api";
import { useAction, useApi } from "../lib/useApi";

interface UserView {
  id: string;
  username: string;
  roles: string[];
  agency: string;
  crossingPointId?: string;
  disabledAt?: string;
  changeRequired: boolean;
  secondFactor: boolean;
}

interface UsersPage {
  users: UserView[];
  total: number;
  nextCursor?: string;
}

const PAGE_SIZE = 50;

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
        {t.users.passwordOneTime}
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

function statusOf(u: UserView): string {
  const parts = [u.disabledAt ? t.users.disabled : t.users.active];
  if (u.changeRequired) parts.push(t.users.mustChange);
  if (u.secondFactor) parts.push(t.users.secondFactor);
  return joinWords(parts);
}

/** Disable or enable, and reset the password; the new one-time password is shown once, here. */
function UserActions({ user, onChanged }: { user: UserView; onChanged: (notice: string) => void }) {
  const { busy, error, run } = useAction();
  const act = (action: "disable" | "enable" | "reset-password") => (e: FormEvent) =>
    run(e, async () => {
      const { data } = await api<{ oneTimePassword?: string }>(
        "POST",
        `/users/${encodeURIComponent(user.id)}/${action}`,
      );
      onChanged(data?.oneTimePassword ? t.users.resetDone(user.username, data.oneTimePassword) : "");
    });
  return (
    <div className="row-actions">
      {user.disabledAt ? (
        <button type="button" className="secondary" disabled={busy} onClick={act("enable")}>
          {t.users.enable(user.username)}
        </button>
      ) : (
        <button type="button" className="secondary" disabled={busy} onClick={act("disable")}>
          {t.users.disable(user.username)}
        </button>
      )}
      <button type="button" className="secondary" disabled={busy} onClick={act("reset-password")}>
        {t.users.reset(user.username)}
      </button>
      {error && (
        <span role="alert" className="error-text">
          {error.message}
        </span>
      )}
    </div>
  );
}

function UserTable({ page, onChanged }: { page: UsersPage; onChanged: (notice: string) => void }) {
  return (
    <table className="data">
      <caption className="visually-hidden">{t.users.title}</caption>
      <thead>
        <tr>
          <th scope="col">{t.users.username}</th>
          <th scope="col">{t.users.roles}</th>
          <th scope="col">{t.users.status}</th>
          <th scope="col">{t.users.actions}</th>
        </tr>
      </thead>
      <tbody>
        {page.users.map((u) => (
          <tr key={u.id}>
            <td>{u.username}</td>
            <td>{joinWords(u.roles.map((r) => t.roles[r] ?? r))}</td>
            <td>{statusOf(u)}</td>
            <td>
              <UserActions user={u} onChanged={onChanged} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Users({ agency }: { agency: string }) {
  const [created, setCreated] = useState<string>();
  const [notice, setNotice] = useState("");
  const [version, setVersion] = useState(0);
  // The cursors of the pages seen: the last is the current page's ("" for the first page).
  const [cursors, setCursors] = useState<string[]>([""]);
  const cursor = cursors[cursors.length - 1]!;
  const users = useApi(
    async (signal) =>
      (
        await api<UsersPage>("GET", "/users", undefined, {
          signal,
          query: { limit: String(PAGE_SIZE), cursor: cursor || undefined },
        })
      ).data,
    [created, cursor, version],
  );
  const changed = (text: string) => {
    setNotice(text);
    setVersion((v) => v + 1);
  };
  const from = (cursors.length - 1) * PAGE_SIZE + 1;
  return (
    <section aria-labelledby="users-title">
      <ScreenTitle id="users-title">{t.users.title}</ScreenTitle>
      {created && (
        <p role="status" className="notice">
          {t.users.created(created)}
        </p>
      )}
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      <div className="two-col">
        <Async
          resource={users}
          errorTitle={t.users.failed}
          isEmpty={(p) => p.total === 0}
          empty={t.users.empty}
        >
          {(page) => (
            <div>
              <UserTable page={page} onChanged={changed} />
              <p className="pager">
                <span>{t.users.page(from, from + page.users.length - 1, page.total)}</span>
                {cursors.length > 1 && (
                  <button type="button" className="secondary" onClick={() => setCursors([""])}>
                    {t.users.first}
                  </button>
                )}
                {page.nextCursor && (
                  <button
                    type="button"
                    className="secondary"
                    onClick={() => setCursors((c) => [...c, page.nextCursor!])}
                  >
                    {t.users.next}
                  </button>
                )}
              </p>
            </div>
          )}
        </Async>
        <NewUser agency={agency} onCreated={setCreated} />
      </div>
      <LoginActivity />
    </section>
  );
}
