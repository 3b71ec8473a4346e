// The rule authoring form (analysts): what the rule is for, its review date, priority and action, and its
// condition; the guard's answer shows while the analyst types.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { type ApiError, asApiError, call } from "../lib/api";
import { buildCondition, parseCondition, type RuleDraft } from "../lib/rules";
import { type ConditionsState, RuleConditions } from "./RuleConditions";
import { GuardView, useGuard } from "./RuleGuard";
import { ErrorBox } from "./State";

const today = () => new Date().toISOString().slice(0, 10);
const inMonths = (n: number) => {
  const d = new Date();
  d.setMonth(d.getMonth() + n);
  return d.toISOString().slice(0, 10);
};

export function RuleAuthor({ onSaved }: { onSaved: () => void }) {
  const [form, setForm] = useState({
    name: "",
    justification: "",
    evidence: "",
    reviewDate: inMonths(6),
    priority: "standard" as RuleDraft["priority"],
    action: "refer" as RuleDraft["action"],
  });
  const [conditions, setConditions] = useState<ConditionsState>({
    rows: [{ field: "route.origin", op: "eq", value: "" }],
    combine: "all",
  });
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string>();
  const [error, setError] = useState<ApiError>();

  const { rows, combine, json } = conditions;
  const condition = json === undefined ? buildCondition(rows, combine) : parseCondition(json);
  const draft: RuleDraft = { ...form, condition };
  const { guard, checking } = useGuard(JSON.stringify(draft));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(undefined);
    try {
      const { data: rule } = await call("post", "/api/v1/rules", { body: { rule: draft } });
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
      <RuleSettings form={form} onChange={(patch) => setForm({ ...form, ...patch })} />
      <RuleConditions value={conditions} onChange={setConditions} />
      <GuardView guard={guard} checking={checking} />
      <button type="submit" disabled={busy}>
        {busy ? t.rules.saving : t.rules.save}
      </button>
      {saved && <p role="status">{saved}</p>}
      {error && <ErrorBox title={t.rules.saveFailed} error={error} />}
    </form>
  );
}

type Settings = Pick<RuleDraft, "reviewDate" | "priority" | "action">;

/** When the rule must be reviewed, and what a hit does. */
function RuleSettings({ form, onChange }: { form: Settings; onChange: (patch: Partial<Settings>) => void }) {
  return (
    <div className="fields inline">
      <label>
        {t.rules.reviewDate}
        <input
          type="date"
          min={today()}
          value={form.reviewDate}
          onChange={(e) => onChange({ reviewDate: e.target.value })}
          required
        />
      </label>
      <label>
        {t.rules.priority}
        <select
          value={form.priority}
          onChange={(e) => onChange({ priority: e.target.value as RuleDraft["priority"] })}
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
          onChange={(e) => onChange({ action: e.target.value as RuleDraft["action"] })}
        >
          {(["refer", "note"] as const).map((a) => (
            <option key={a} value={a}>
              {t.rules.actions[a]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
