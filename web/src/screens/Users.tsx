// The administrator's user list: who works in the agency, with which roles and in which state, page by
// page; disable, enable and password reset per user; a form to add an officer; and the sign-in attempts
// (spraying first). An administrator reads no personal data of travellers; this screen holds only accounts.
import { useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { LoginActivity } from "../components/LoginActivity";
import { NewUser } from "../components/NewUser";
import { Async } from "../components/State";
import { UserTable } from "../components/UserTable";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useApi } from "../lib/useApi";

const PAGE_SIZE = 50;

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
        await call(
          "get",
          "/api/v1/users",
          { query: { limit: String(PAGE_SIZE), ...(cursor ? { cursor } : {}) } },
          { signal },
        )
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
