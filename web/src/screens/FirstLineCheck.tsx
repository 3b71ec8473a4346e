// The booth: one traveller at a time, keyboard first (Enter checks, Esc clears), and one large answer.
// The answer is the decision and a reference, nothing more: the booth is not told why.
import { type FormEvent, type KeyboardEvent, useCallback, useEffect, useRef, useState } from "react";
import { CrossingPointSelect } from "../components/CrossingPointSelect";
import { ExportFile } from "../components/ExportFile";
import { ScreenTitle } from "../components/Heading";
import { ListAge } from "../components/ListAge";
import { ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { useCrossingPoints } from "../lib/crossingPoints";
import { mayExportMatches, PURPOSES } from "../lib/screens";
import { useSession } from "../lib/session";

interface Result {
  decision: "refer" | "clear";
  reference: string;
  screeningId: string;
}

const EMPTY_MANUAL = {
  surname: "",
  givenNames: "",
  birthDate: "",
  nationality: "",
  number: "",
  issuingCountry: "",
};

export function FirstLineCheck() {
  const { user } = useSession();
  const points = useCrossingPoints();
  const [mode, setMode] = useState<"mrz" | "manual">("mrz");
  const [mrz, setMrz] = useState("");
  const [manual, setManual] = useState(EMPTY_MANUAL);
  const [direction, setDirection] = useState<"entry" | "exit">("entry");
  const [crossingPointId, setCrossingPointId] = useState("");
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result>();
  const [warnings, setWarnings] = useState<string[]>([]);
  const [error, setError] = useState<ApiError>();
  const firstField = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    const only = points.data?.length === 1 ? points.data[0] : undefined;
    if (only && !crossingPointId) setCrossingPointId(only.id);
  }, [points.data, crossingPointId]);

  const clear = useCallback(() => {
    setMrz("");
    setManual(EMPTY_MANUAL);
    setResult(undefined);
    setWarnings([]);
    setError(undefined);
    firstField.current?.focus();
  }, []);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") clear();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [clear]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the first field when the mode changes
  useEffect(() => firstField.current?.focus(), [mode]);

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    const cp = crossingPointId || undefined;
    const body =
      mode === "mrz"
        ? { mrz: mrz.trim(), direction, ...(cp ? { crossingPointId: cp } : {}), purpose: PURPOSES.check }
        : {
            entry: {
              person: {
                surname: manual.surname,
                givenNames: manual.givenNames,
                ...(manual.birthDate ? { birthDate: manual.birthDate } : {}),
                ...(manual.nationality ? { nationality: manual.nationality } : {}),
              },
              ...(manual.number
                ? {
                    document: {
                      number: manual.number,
                      ...(manual.issuingCountry ? { issuingCountry: manual.issuingCountry } : {}),
                    },
                  }
                : {}),
              direction,
              crossingPointId: crossingPointId,
            },
            purpose: PURPOSES.check,
          };
    try {
      const { data } = await api<{ screeningId: string; result: Result; warnings?: string[] }>(
        "POST",
        "/crossings",
        body,
      );
      setResult({ ...data.result, screeningId: data.screeningId });
      setWarnings(data.warnings ?? []);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const onMrzKey = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      void submit();
    }
  };

  const field = (key: keyof typeof EMPTY_MANUAL, label: string, extra: Record<string, unknown> = {}) => (
    <label>
      {label}
      <input
        name={key}
        value={manual[key]}
        onChange={(e) => setManual({ ...manual, [key]: e.target.value })}
        autoComplete="off"
        spellCheck={false}
        dir="auto"
        {...extra}
      />
    </label>
  );

  return (
    <section className="check" aria-labelledby="check-title">
      <ScreenTitle id="check-title">{t.check.title}</ScreenTitle>
      <ListAge />
      <div className="check-grid">
        <form onSubmit={submit} className="card" aria-describedby="check-hint">
          <fieldset className="segmented">
            <legend>{t.check.modeLabel}</legend>
            {(["mrz", "manual"] as const).map((m) => (
              <label key={m}>
                <input type="radio" name="mode" checked={mode === m} onChange={() => setMode(m)} />
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
                onChange={(e) => setMrz(e.target.value.toUpperCase())}
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
          <div className="fields inline">
            <label>
              {t.check.direction}
              <select value={direction} onChange={(e) => setDirection(e.target.value as "entry" | "exit")}>
                <option value="entry">{t.check.entry}</option>
                <option value="exit">{t.check.exit}</option>
              </select>
            </label>
            <CrossingPointSelect
              label={t.check.crossingPoint}
              points={points.data}
              value={crossingPointId}
              onChange={setCrossingPointId}
              emptyLabel={t.check.noCrossingPoint}
              required={mode === "manual"}
            />
          </div>
          <p id="check-hint" className="hint">
            {t.check.mrzHint}
          </p>
          <div className="actions">
            <button type="submit" disabled={busy}>
              {busy ? t.check.submitting : t.check.submit}
            </button>
            <button type="button" className="secondary" onClick={clear}>
              {t.check.clear}
            </button>
          </div>
        </form>
        <section className="result-area" aria-label={t.check.resultLabel} aria-live="assertive">
          {result && (
            <output className={`verdict verdict-${result.decision}`} data-testid="verdict">
              <span className="verdict-word">
                {result.decision === "refer" ? t.check.resultRefer : t.check.resultClear}
              </span>
              <span className="verdict-ref">
                {t.check.reference}: <strong>{result.reference}</strong>
              </span>
            </output>
          )}
          {/* The booth is not told why; a second-line officer at the same screen may take the matches. */}
          {result && mayExportMatches(user?.roles ?? []) && (
            <ExportFile
              path={`/screenings/${encodeURIComponent(result.screeningId)}/export`}
              fallbackName="screening-matches.csv"
              label={t.exports.screening}
            />
          )}
          {result && warnings.length > 0 && (
            <div className="warnings">
              <h2>{t.check.warnings}</h2>
              <ul>
                {warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </div>
          )}
          {error && <ErrorBox title={t.check.failed} error={error} />}
        </section>
      </div>
    </section>
  );
}
