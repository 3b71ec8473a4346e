// Risk rules: the list; the chosen rule in words with its versions and fairness report (RuleDetail); for
// analysts, the authoring form that asks the guard on every change (RuleAuthor).
import { useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { RuleAuthor } from "../components/RuleAuthor";
import { RuleDetail } from "../components/RuleDetail";
import { ShowMore } from "../components/ShowMore";
import { Async } from "../components/State";
import { t } from "../i18n";
import { usePaged } from "../lib/paging";
import type { RuleView } from "../lib/rules";
import { useSession } from "../lib/session";

export function Rules() {
  const { user } = useSession();
  const canAuthor = user?.roles.includes("analyst") ?? false;
  const [selected, setSelected] = useState<string>();
  const rules = usePaged<RuleView>("/rules", "rules", {}, []);
  return (
    <section aria-labelledby="rules-title">
      <ScreenTitle id="rules-title">{t.rules.title}</ScreenTitle>
      {/* Only an author has the form beside the list; a reader gets the full width for the charts. */}
      <div className={canAuthor ? "two-col" : undefined}>
        <div>
          <Async
            resource={rules}
            errorTitle={t.rules.failed}
            isEmpty={(r) => r.items.length === 0}
            empty={t.rules.empty}
          >
            {({ items: rs }) => (
              <table className="data">
                <thead>
                  <tr>
                    <th scope="col">{t.rules.colName}</th>
                    <th scope="col">{t.rules.colVersion}</th>
                    <th scope="col">{t.rules.colPriority}</th>
                    <th scope="col">{t.rules.colAction}</th>
                    <th scope="col">{t.rules.colReview}</th>
                    <th scope="col">
                      <span className="visually-hidden">{t.rules.details}</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rs.map((r) => (
                    <tr key={r.id} aria-selected={selected === r.id}>
                      <th scope="row">{r.name}</th>
                      <td>{r.version}</td>
                      <td>{t.priority[r.priority]}</td>
                      <td>{t.rules.actions[r.action]}</td>
                      <td>{r.reviewDate}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t.rules.selectRule(r.name)}
                          aria-pressed={selected === r.id}
                          onClick={() => setSelected(r.id)}
                        >
                          {t.rules.select}
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </Async>
          <ShowMore list={rules} />
          {selected && <RuleDetail id={selected} />}
        </div>
        {canAuthor && <RuleAuthor onSaved={rules.reload} />}
      </div>
    </section>
  );
}
