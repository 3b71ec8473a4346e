// Entry or exit: the direction of a crossing, for every check at the post.
import { t } from "../i18n";

export type Direction = "entry" | "exit";

export function DirectionSelect({ value, onChange }: { value: Direction; onChange: (d: Direction) => void }) {
  return (
    <label>
      {t.check.direction}
      <select value={value} onChange={(e) => onChange(e.target.value as Direction)}>
        <option value="entry">{t.check.entry}</option>
        <option value="exit">{t.check.exit}</option>
      </select>
    </label>
  );
}
