// The booth: one traveller at a time, keyboard first (Enter checks, Esc clears), and one large answer.
// The answer is the decision and a reference, nothing more: the booth is not told why.
import { type FormEvent, useCallback, useEffect, useRef, useState } from "react";
import { BoothAnswer, type CrossingAnswer } from "../components/BoothAnswer";
import { CheckActions, RecordingPointSelect, ResultArea } from "../components/CheckParts";
import { type Direction, DirectionSelect } from "../components/DirectionSelect";
import { ScreenTitle } from "../components/Heading";
import { ListAge } from "../components/ListAge";
import { TravellerFields } from "../components/TravellerFields";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useRecordingPoint } from "../lib/crossingPoints";
import { PURPOSES } from "../lib/screens";
import { EMPTY_MANUAL, type EntryMode, manualEntry } from "../lib/traveller";
import { useAction } from "../lib/useApi";

/** Enter from a field submits without a form event of its own. */
const NO_EVENT = { preventDefault() {} };

export function FirstLineCheck() {
  const point = useRecordingPoint();
  const [mode, setMode] = useState<EntryMode>("mrz");
  const [mrz, setMrz] = useState("");
  const [manual, setManual] = useState(EMPTY_MANUAL);
  const [direction, setDirection] = useState<Direction>("entry");
  const [answer, setAnswer] = useState<CrossingAnswer>();
  const action = useAction();
  const { clear: clearError } = action;
  const firstField = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  const clear = useCallback(() => {
    setMrz("");
    setManual(EMPTY_MANUAL);
    setAnswer(undefined);
    clearError();
    firstField.current?.focus();
  }, [clearError]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key === "Escape") clear();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [clear]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: focus the first field when the mode changes
  useEffect(() => firstField.current?.focus(), [mode]);

  const submit = (e: FormEvent | typeof NO_EVENT = NO_EVENT) => {
    if (action.busy) return e.preventDefault();
    setAnswer(undefined);
    const cp = point.id || undefined;
    const body =
      mode === "mrz"
        ? { mrz: mrz.trim(), direction, ...(cp ? { crossingPointId: cp } : {}), purpose: PURPOSES.check }
        : {
            entry: { ...manualEntry(manual), direction, crossingPointId: point.id },
            purpose: PURPOSES.check,
          };
    return action.run(e, async () => setAnswer((await call("post", "/api/v1/crossings", { body })).data));
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
            <RecordingPointSelect point={point} required={mode === "manual"} />
          </div>
          <p id="check-hint" className="hint">
            {t.check.mrzHint}
          </p>
          <CheckActions busy={action.busy} label={action.busy ? t.check.submitting : t.check.submit}>
            <button type="button" className="secondary" onClick={clear}>
              {t.check.clear}
            </button>
          </CheckActions>
        </form>
        <ResultArea error={action.error} errorTitle={t.check.failed}>
          {answer && <BoothAnswer answer={answer} />}
        </ResultArea>
      </div>
    </section>
  );
}
