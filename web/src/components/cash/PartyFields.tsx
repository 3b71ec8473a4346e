// A person in a cash record: the carrier, or the owner when someone else owns the sums.
import { t } from "../../i18n";
import type { PartyForm } from "../../lib/cash";

export function PartyFields({
  legend,
  value,
  onChange,
  required,
}: {
  legend: string;
  value: PartyForm;
  onChange: (p: PartyForm) => void;
  required?: boolean;
}) {
  const field = (key: keyof PartyForm, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        {...extra}
      />
    </label>
  );
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="fields grid">
        {field("name", t.cash.name, { required })}
        {field("birthDate", t.cash.birthDate, {
          pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
          inputMode: "numeric",
        })}
        {field("nationality", t.cash.nationality)}
        {field("documentNumber", t.cash.documentNumber)}
      </div>
    </fieldset>
  );
}
