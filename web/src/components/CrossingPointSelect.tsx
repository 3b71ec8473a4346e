// The one crossing-point picker, with its label: the agency's posts as `CODE · name`, with an empty first choice whose
// text the screen gives ("any", "none").
import type { Schemas } from "../lib/api";

export function CrossingPointSelect({
  label,
  points,
  value,
  onChange,
  emptyLabel,
  required,
}: {
  label: string;
  points: readonly Schemas["CrossingPoint"][] | undefined;
  value: string;
  onChange: (id: string) => void;
  emptyLabel: string;
  required?: boolean;
}) {
  return (
    <label>
      {label}
      <select value={value} onChange={(e) => onChange(e.target.value)} required={required}>
        <option value="">{emptyLabel}</option>
        {points?.map((p) => (
          <option key={p.id} value={p.id}>
            {p.code} · {p.name}
          </option>
        ))}
      </select>
    </label>
  );
}
