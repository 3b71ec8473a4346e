// Risk rules: the list; the chosen rule in words with its versions and fairness report (RuleDetail); for
// analysts, the authoring form that asks the guard on every change (RuleAuthor).
import { useState } from "react";
import { type Column, DataTable } from "../components/DataTable";
import { ScreenTitle } from "../components/Heading";
import { RuleAuthor } from "../components/RuleAuthor";
import { RuleDetail } from "../components/RuleDetail";
import { ShowMore } from "../components/ShowMore";
import { Async } from "../components/State";
import { t } from "../i18n";
import { usePaged } from "../lib/paging";
import type { RuleView } from "../lib/rules";
import { useSession } from "../lib/session";

function ruleColumns(selected: string | undefined, select: (id: string) => void): Column<RuleView>[] {
  return [
    { key: "name", header: t.rules.colName, rowHeader: true, cell: (r) => r.name },
    { key: "version", header: t.rules.colVersion, cell: (r) => r.version },
    { key: "priority", header: t.rules.colPriority, cell: (r) => t.priority[r.priority] },
    { key: "action", header: t.rules.colAction, cell: (r) => t.rules.actions[r.action] },
    { key: "review", header: t.rules.colReview, cell: (r) => r.reviewDate },
    {
      key: "details",
      header: t.rules.details,
      headerContent: <span className="visually-hidden">{t.rules.details}</span>,
      cell: (r) => (
        <button
          type="button"
          className="secondary"
          aria-label={t.rules.selectRule(r.name)}
          aria-pressed={selected === r.id}
          onClick={() => select(r.id)}
        >
          {t.rules.select}
        </button>
      ),
    },
  ];
}

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
              <DataTable
                caption={t.rules.title}
                columns={ruleColumns(selected, setSelected)}
                rows={rs}
                rowKey={(r) => r.id}
                rowProps={(r) => ({ "aria-selected": selected === r.id })}
              />
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
