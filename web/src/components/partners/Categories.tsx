// The data categories a follow-up asks for or an approval returns, as checkboxes.
import { t } from "../../i18n";

export const CATEGORIES = ["identity", "birth", "nationality", "documents", "listing"] as const;

export function Categories({
  options = CATEGORIES,
  value,
  onChange,
}: {
  options?: readonly string[];
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  return (
    <fieldset className="categories">
      <legend>{t.partners.categories}</legend>
      {options.map((c) => (
        <label key={c}>
          <input
            type="checkbox"
            checked={value.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...value, c] : value.filter((v) => v !== c))}
          />{" "}
          {t.partners.category[c] ?? c}
        </label>
      ))}
    </fieldset>
  );
}
