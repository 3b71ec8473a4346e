// The administrator's form to add an officer: a username, a one-time password and the roles.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { api } from "../lib/api";
import { useAction } from "../lib/useApi";
import { ErrorText } from "./State";

const ROLES = [
  "first_line",
  "second_line",
  "analyst",
  "watchlist_manager",
  "auditor",
  "protection_officer",
  "admin",
] as const;

export function NewUser({ agency, onCreated }: { agency: string; onCreated: (name: string) => void }) {
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
      <ErrorText error={error} />
    </form>
  );
}
