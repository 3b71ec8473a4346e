// The authoring form's conditions: rows of fact, operator and value combined with all/any, or the
// condition written as JSON for nesting the rows cannot express.
import { t } from "../i18n";
import { buildCondition, type ConditionRow, FIELDS, OPERATORS } from "../lib/rules";

export interface ConditionsState {
  rows: ConditionRow[];
  combine: "all" | "any";
  /** The condition as JSON text; undefined while the rows are used. */
  json?: string;
}

export function RuleConditions({
  value: { rows, combine, json },
  onChange,
}: {
  value: ConditionsState;
  onChange: (next: ConditionsState) => void;
}) {
  const set = (patch: Partial<ConditionsState>) => onChange({ rows, combine, json, ...patch });
  const setRow = (i: number, patch: Partial<ConditionRow>) =>
    set({ rows: rows.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset>
      <legend>{t.rules.conditions}</legend>
      <label className="check-label">
        <input
          type="checkbox"
          checked={json !== undefined}
          onChange={(e) =>
            set({
              json: e.target.checked ? JSON.stringify(buildCondition(rows, combine), null, 2) : undefined,
            })
          }
        />
        {t.rules.writeJson}
      </label>
      {json !== undefined ? (
        <label>
          {t.rules.conditionJson}
          <textarea className="mono" rows={8} value={json} onChange={(e) => set({ json: e.target.value })} />
        </label>
      ) : (
        <>
          {rows.length > 1 && (
            <label>
              {t.rules.combine}
              <select value={combine} onChange={(e) => set({ combine: e.target.value as "all" | "any" })}>
                <option value="all">{t.rules.all}</option>
                <option value="any">{t.rules.any}</option>
              </select>
            </label>
          )}
          {rows.map((r, i) => (
            <ConditionRowFields
              // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position
              key={i}
              row={r}
              index={i}
              onChange={(patch) => setRow(i, patch)}
              onRemove={rows.length > 1 ? () => set({ rows: rows.filter((_, j) => j !== i) }) : undefined}
            />
          ))}
          <button
            type="button"
            className="secondary"
            onClick={() =>
              set({ rows: [...rows, { field: "booking.hoursBeforeDeparture", op: "lt", value: "" }] })
            }
          >
            {t.rules.addCondition}
          </button>
        </>
      )}
    </fieldset>
  );
}

/** One condition: fact, operator and value (none for `exists`), and its remove button when others remain. */
function ConditionRowFields({
  row,
  index,
  onChange,
  onRemove,
}: {
  row: ConditionRow;
  index: number;
  onChange: (patch: Partial<ConditionRow>) => void;
  onRemove?: () => void;
}) {
  return (
    <fieldset className="condition-row">
      <legend className="visually-hidden">{`${t.rules.conditions} ${index + 1}`}</legend>
      <label>
        {t.rules.field}
        <select
          name={`field-${index}`}
          value={row.field}
          onChange={(e) => onChange({ field: e.target.value })}
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
        <select name={`op-${index}`} value={row.op} onChange={(e) => onChange({ op: e.target.value })}>
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
          name={`value-${index}`}
          value={row.value}
          disabled={row.op === "exists"}
          onChange={(e) => onChange({ value: e.target.value })}
        />
      </label>
      {onRemove && (
        <button
          type="button"
          className="secondary"
          aria-label={t.rules.removeCondition(index + 1)}
          onClick={onRemove}
        >
          ×
        </button>
      )}
    </fieldset>
  );
}
