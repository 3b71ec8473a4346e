// How the booth enters one traveller: the MRZ (Enter submits) or the manual fields. Used by the
// first-line check and for each occupant of a vehicle; `name` keeps the radio groups of several apart.
import type { KeyboardEvent, Ref } from "react";
import { t } from "../i18n";
import type { EntryMode, ManualTraveller } from "../lib/traveller";

export function TravellerFields({
  name,
  mode,
  onMode,
  mrz,
  onMrz,
  manual,
  onManual,
  onEnter,
  firstField,
}: {
  name: string;
  mode: EntryMode;
  onMode: (m: EntryMode) => void;
  mrz: string;
  onMrz: (mrz: string) => void;
  manual: ManualTraveller;
  onManual: (m: ManualTraveller) => void;
  /** Enter in the MRZ field (without Shift): the booth's "check now". */
  onEnter?: () => void;
  firstField?: Ref<HTMLTextAreaElement & HTMLInputElement>;
}) {
  const onMrzKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (onEnter && e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      onEnter();
    }
  };
  const field = (key: keyof ManualTraveller, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input
        name={key}
        value={manual[key]}
        onChange={(e) => onManual({ ...manual, [key]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        {...extra}
      />
    </label>
  );
  return (
    <>
      <fieldset className="segmented">
        <legend>{t.check.modeLabel}</legend>
        {(["mrz", "manual"] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={name} checked={mode === m} onChange={() => onMode(m)} />
            {m === "mrz" ? t.check.modeMrz : t.check.modeManual}
          </label>
        ))}
      </fieldset>
      {mode === "mrz" ? (
        <label>
          {t.check.mrz}
          <textarea
            ref={firstField}
            name="mrz"
            className="mrz"
            dir="ltr"
            rows={3}
            wrap="off"
            value={mrz}
            onChange={(e) => onMrz(e.target.value.toUpperCase())}
            onKeyDown={onMrzKey}
            autoComplete="off"
            spellCheck={false}
            required
          />
        </label>
      ) : (
        <div className="fields">
          {field("surname", t.check.surname, { ref: firstField, required: true })}
          {field("givenNames", t.check.givenNames)}
          {field("birthDate", t.check.birthDate, {
            pattern: "\\d{4}(-\\d{2}(-\\d{2})?)?",
            inputMode: "numeric",
          })}
          {field("nationality", t.check.nationality)}
          {field("number", t.check.documentNumber)}
          {field("issuingCountry", t.check.issuingCountry)}
        </div>
      )}
    </>
  );
}
