// The accounts of one page of the user list, with disable, enable and password reset per user.
import type { FormEvent } from "react";
import { joinWords, t } from "../i18n";
import { call, type Reply } from "../lib/api";
import { useAction } from "../lib/useApi";
import { type Column, DataTable } from "./DataTable";
import { ErrorText } from "./State";

export type UsersPage = Reply<"/api/v1/users", "get">;
type UserView = UsersPage["users"][number];

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
      const { data } = await call("post", `/api/v1/users/{id}/${action}`, { params: { id: user.id } });
      onChanged(
        data && "oneTimePassword" in data ? t.users.resetDone(user.username, data.oneTimePassword) : "",
      );
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
      <ErrorText error={error} inline />
    </div>
  );
}

function userColumns(onChanged: (notice: string) => void): Column<UserView>[] {
  return [
    { key: "username", header: t.users.username, cell: (u) => u.username },
    { key: "roles", header: t.users.roles, cell: (u) => joinWords(u.roles.map((r) => t.roles[r] ?? r)) },
    { key: "status", header: t.users.status, cell: statusOf },
    { key: "actions", header: t.users.actions, cell: (u) => <UserActions user={u} onChanged={onChanged} /> },
  ];
}

export function UserTable({ page, onChanged }: { page: UsersPage; onChanged: (notice: string) => void }) {
  return (
    <DataTable
      caption={t.users.title}
      columns={userColumns(onChanged)}
      rows={page.users}
      rowKey={(u) => u.id}
    />
  );
}
