// The booth: one traveller at a time, keyboard first (Enter checks, Esc clears), and one large answer.
// The answer is the decision and a reference, nothing more: the booth is not told why.
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { CrossingPointSelect } from "../components/CrossingPointSelect";
import { type Direction, DirectionSelect } from "../components/DirectionSelect";
import { ExportFile } from "../components/ExportFile";
import { ScreenTitle } from "../components/Heading";
import { ListAge } from "../components/ListAge";
import { ErrorBox } from "../components/State";
import { TravellerFields } from "../components/TravellerFields";
import { Verdict } from "../components/Verdict";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { useCrossingPoints } from "../lib/crossingPoints";
import { mayExportMatches, PURPOSES } from "../lib/screens";
import { useSession } from "../lib/session";
import { EMPTY_MANUAL, type EntryMode, manualEntry } from "../lib/traveller";

interface Result {
  decision: "refer" | "clear";
  reference: string;
  screeningId: string;
}

export function FirstLineCheck() {
  const { user } = useSession();
  const points = useCrossingPoints();
  const [mode, setMode] = useState<EntryMode>("mrz");
  const [mrz, setMrz] = useState("");
  const [manual, setManual] = useState(EMPTY_MANUAL);
  const [direction, setDirection] = useState<Direction>("entry");
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
              ...manualEntry(manual),
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
      setResult({
        decision: data.result.decision,
        reference: data.result.reference,
        screeningId: data.screeningId,
      });
      setWarnings(data.warnings ?? []);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="check" aria-labelledby="check-title">
      <ScreenTitle id="check-title">{t.check.title}</ScreenTitle>
      <ListAge />
      <div className="check-grid">
        <form onSubmit={submit} className="card" aria-describedby="check-hint">
          <TravellerFields
            name="mode"
            mode={mode}
            onMode={setMode}
            mrz={mrz}
            onMrz={setMrz}
            manual={manual}
            onManual={setManual}
            onEnter={() => void submit()}
            firstField={firstField}
          />
          <div className="fields inline">
            <DirectionSelect value={direction} onChange={setDirection} />
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
          {result && <Verdict decision={result.decision} reference={result.reference} />}
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
