// The firearm as the officer reads it: serial (with ? or * for unreadable characters), make, model,
// calibre, type, and the marking details a tracing request needs (International Tracing Instrument).
import { t } from "../../i18n";

export const EMPTY_FIREARM = {
  serial: "",
  make: "",
  model: "",
  calibre: "",
  type: "",
  countryOfManufacture: "",
  yearOfManufacture: "",
  importMarking: "",
  proofMarks: "",
  otherMarkings: "",
  serialCondition: "",
};
export type FirearmForm = typeof EMPTY_FIREARM;

const MARKINGS = [
  "countryOfManufacture",
  "yearOfManufacture",
  "importMarking",
  "proofMarks",
  "otherMarkings",
] as const;
const CONDITIONS = ["intact", "partly_obliterated", "obliterated"] as const;

/** What POST /firearm-checks takes, empty fields left out. */
export function firearmBody(f: FirearmForm) {
  const set = (keys: readonly (keyof FirearmForm)[]) =>
    Object.fromEntries(keys.filter((k) => f[k].trim()).map((k) => [k, f[k].trim()]));
  const markings = {
    ...set(MARKINGS),
    ...(f.serialCondition ? { serialCondition: f.serialCondition as (typeof CONDITIONS)[number] } : {}),
  };
  return {
    serial: f.serial.trim(),
    ...set(["make", "model", "calibre", "type"]),
    ...(Object.keys(markings).length > 0 ? { markings } : {}),
  };
}

export function FirearmFields({
  value,
  onChange,
}: {
  value: FirearmForm;
  onChange: (f: FirearmForm) => void;
}) {
  const field = (key: keyof FirearmForm, extra: Record<string, unknown> = {}) => (
    <label key={key}>
      {t.firearms[key as keyof typeof t.firearms] as string}
      <input
        name={key}
        value={value[key]}
        onChange={(e) => onChange({ ...value, [key]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        {...extra}
      />
    </label>
  );
  return (
    <>
      {field("serial", { required: true, dir: "ltr", className: "mono", "aria-describedby": "serial-hint" })}
      <p id="serial-hint" className="hint">
        {t.firearms.serialHint}
      </p>
      <div className="fields grid">
        {field("make")}
        {field("model")}
        {field("calibre")}
        {field("type")}
      </div>
      <fieldset>
        <legend>{t.firearms.markings}</legend>
        <div className="fields grid">
          {MARKINGS.map((k) =>
            field(k, k === "yearOfManufacture" ? { pattern: "\\d{4}", inputMode: "numeric" } : {}),
          )}
          <label>
            {t.firearms.serialCondition}
            <select
              value={value.serialCondition}
              onChange={(e) => onChange({ ...value, serialCondition: e.target.value })}
            >
              <option value="">{t.firearms.notStated}</option>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t.firearms.conditions[c]}
                </option>
              ))}
            </select>
          </label>
        </div>
      </fieldset>
    </>
  );
}
