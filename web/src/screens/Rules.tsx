// Risk rules: the authoring form asks the guard on every change and shows why a rule would be refused;
// each rule's versions, statistics and fairness report (hit rate by group) as a small chart.
import { type FormEvent, useEffect, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { RuleStatsView } from "../components/RuleStats";
import { ShowMore } from "../components/ShowMore";
import { Async, ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { dateTime } from "../lib/format";
import { usePaged } from "../lib/paging";
import {
  buildCondition,
  type ConditionRow,
  FIELDS,
  OPERATORS,
  parseCondition,
  type RuleDraft,
  type RuleStats,
  type RuleView,
} from "../lib/rules";
import { useSession } from "../lib/session";
import { useApi } from "../lib/useApi";

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
        {canAuthor && <Author onSaved={rules.reload} />}
      </div>
    </section>
  );
}

const today = () => new Date().toISOString().slice(0, 10);
const inMonths = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + n);
  return d.toISOString().slice(0, 10);
};

function Author({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState({
    name: "",
    justification: "",
    evidence: "",
    reviewDate: inMonths(6),
    priority: "standard" as RuleDraft["priority"],
    action: "refer" as RuleDraft["action"],
  });
  const [combine, setCombine] = useState<"all" | "any">("all");
  const [rows, setRows] = useState<ConditionRow[]>([{ field: "route.origin", op: "eq", value: "" }]);
  const [guard, setGuard] = useState<{ ok: boolean; reasons: string[] }>();
  const [checking, setChecking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<ApiError>();

  // A condition written as JSON, for nesting the rows cannot express; undefined while the rows are used.
  const [json, setJson] = useState<string>();
  const condition = json === undefined ? buildCondition(rows, combine) : parseCondition(json);
  const draft: RuleDraft = { ...form, condition };
  const draftKey = JSON.stringify(draft);

  // The guard answers while the analyst types: a refused rule says why before anyone presses Save.
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setChecking(true);
      try {
        const { data } = await api<{ ok: boolean; reasons: string[] }>(
          "POST",
          "/rules/check",
          { rule: JSON.parse(draftKey) },
          { signal: ctrl.signal },
        );
        setGuard(data);
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        const e = err as ApiError;
        setGuard({ ok: false, reasons: e.reasons.length ? e.reasons : [e.message] });
      } finally {
        setChecking(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [draftKey]);

  const setRow = (i: number, patch: Partial<ConditionRow>) =>
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const { data } = await api<RuleView | { rule: RuleView }>("POST", "/rules", { rule: draft });
      const rule = "rule" in data ? data.rule : data;
      setSaved(t.rules.saved(rule.name, rule.version));
      onSaved();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const text = (key: "name" | "justification" | "evidence", label: string, multiline = false) => {
    const onChange = (e: { target: { value: string } }) => setForm({ ...form, [key]: e.target.value });
    return multiline ? (
      <label>
        {label}
        <textarea rows={2} value={form[key]} onChange={onChange} required />
      </label>
    ) : (
      <label>
        {label}
        <input value={form[key]} onChange={onChange} required />
      </label>
    );
  };

  return (
    <form className="card" onSubmit={submit} aria-labelledby="author-title">
      <h2 id="author-title">{t.rules.author}</h2>
      {text("name", t.rules.name)}
      {text("justification", t.rules.justification, true)}
      {text("evidence", t.rules.evidence)}
      <div className="fields inline">
        <label>
          {t.rules.reviewDate}
          <input
            type="date"
            min={today()}
            value={form.reviewDate}
            onChange={(e) => setForm({ ...form, reviewDate: e.target.value })}
            required
          />
        </label>
        <label>
          {t.rules.priority}
          <select
            value={form.priority}
            onChange={(e) => setForm({ ...form, priority: e.target.value as RuleDraft["priority"] })}
          >
            {(["standard", "high", "immediate"] as const).map((p) => (
              <option key={p} value={p}>
                {t.priority[p]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.rules.action}
          <select
            value={form.action}
            onChange={(e) => setForm({ ...form, action: e.target.value as RuleDraft["action"] })}
          >
            {(["refer", "note"] as const).map((a) => (
              <option key={a} value={a}>
                {t.rules.actions[a]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <fieldset>
        <legend>{t.rules.conditions}</legend>
        <label className="check-label">
          <input
            type="checkbox"
            checked={json !== undefined}
            onChange={(e) =>
              setJson(e.target.checked ? JSON.stringify(buildCondition(rows, combine), null, 2) : undefined)
            }
          />
          {t.rules.writeJson}
        </label>
        {json !== undefined ? (
          <label>
            {t.rules.conditionJson}
            <textarea className="mono" rows={8} value={json} onChange={(e) => setJson(e.target.value)} />
          </label>
        ) : (
          <>
            {rows.length > 1 && (
              <label>
                {t.rules.combine}
                <select value={combine} onChange={(e) => setCombine(e.target.value as "all" | "any")}>
                  <option value="all">{t.rules.all}</option>
                  <option value="any">{t.rules.any}</option>
                </select>
              </label>
            )}
            {rows.map((r, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
              <fieldset key={i} className="condition-row">
                <legend className="visually-hidden">{`${t.rules.conditions} ${i + 1}`}</legend>
                <label>
                  {t.rules.field}
                  <select
                    name={`field-${i}`}
                    value={r.field}
                    onChange={(e) => setRow(i, { field: e.target.value })}
                  >
                    {Object.keys(FIELDS).map((f) => (
                      <option key={f} value={f}>
                        {f}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t.rules.op}
                  <select name={`op-${i}`} value={r.op} onChange={(e) => setRow(i, { op: e.target.value })}>
                    {OPERATORS.map((o) => (
                      <option key={o} value={o}>
                        {o}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t.rules.value}
                  <input
                    name={`value-${i}`}
                    value={r.value}
                    disabled={r.op === "exists"}
                    onChange={(e) => setRow(i, { value: e.target.value })}
                  />
                </label>
                {rows.length > 1 && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t.rules.removeCondition(i + 1)}
                    onClick={() => setRows((rs) => rs.filter((_, j) => j !== i))}
                  >
                    ×
                  </button>
                )}
              </fieldset>
            ))}
            <button
              type="button"
              className="secondary"
              onClick={() =>
                setRows((rs) => [...rs, { field: "booking.hoursBeforeDeparture", op: "lt", value: "" }])
              }
            >
              {t.rules.addCondition}
            </button>
          </>
        )}
      </fieldset>
      <section
        className={`guard ${guard?.ok ? "guard-ok" : "guard-no"}`}
        aria-live="polite"
        aria-labelledby="guard-title"
      >
        <h3 id="guard-title">
          {t.rules.guard}
          {checking && <span className="muted"> · {t.rules.checking}</span>}
        </h3>
        {guard &&
          (guard.ok ? (
            <p>{t.rules.accepted}</p>
          ) : (
            <>
              <p>{t.rules.rejected}</p>
              <ul data-testid="guard-reasons">
                {guard.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </>
          ))}
      </section>
      <button type="submit" disabled={busy}>
        {busy ? t.rules.saving : t.rules.save}
      </button>
      {saved && <p role="status">{saved}</p>}
      {error && <ErrorBox title={t.rules.saveFailed} error={error} />}
    </form>
  );
}

function RuleDetail({ id }: { id: string }) {
  const rule = useApi(
    async (signal) =>
      (
        await api<RuleView & { versions?: RuleView[] }>(
          "GET",
          `/rules/${encodeURIComponent(id)}`,
          undefined,
          { signal },
        )
      ).data,
    [id],
  );
  const stats = useApi(
    async (signal) =>
      (await api<RuleStats>("GET", `/rules/${encodeURIComponent(id)}/stats`, undefined, { signal })).data,
    [id],
  );
  return (
    <div className="card">
      <Async resource={rule} errorTitle={t.rules.failed}>
        {(r) => (
          <>
            <h2>{r.name}</h2>
            <p dir="auto">{r.justification}</p>
            <pre className="mono condition">{JSON.stringify(r.condition, null, 2)}</pre>
            <h3>{t.rules.versions}</h3>
            <ol data-testid="rule-versions">
              {(r.versions ?? [r]).map((v) => (
                <li key={v.version}>
                  {t.rules.colVersion} {v.version}
                  {v.createdAt ? ` · ${dateTime(v.createdAt)}` : ""}
                  {v.owner ? ` · ${v.owner}` : ""}
                </li>
              ))}
            </ol>
          </>
        )}
      </Async>
      <h3>{t.rules.stats}</h3>
      <Async resource={stats} errorTitle={t.rules.statsFailed}>
        {(s) => <RuleStatsView stats={s} />}
      </Async>
    </div>
  );
}
