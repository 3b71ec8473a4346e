// Cash at the post (EU Regulation 2018/1672): the carrier's declaration, or what a control found, priced
// in euros against the threshold. Undeclared or under-declared cash opens an alert, and its retention or
// seizure is proposed here for a second officer to decide.
import { type FormEvent, useState } from "react";
import { CheckActions, RecordingPointSelect, ResultArea } from "../components/CheckParts";
import { CashItems } from "../components/cash/CashItems";
import { type CashReply, CashResult } from "../components/cash/CashResult";
import { PartyFields } from "../components/cash/PartyFields";
import { type Direction, DirectionSelect } from "../components/DirectionSelect";
import { ScreenTitle } from "../components/Heading";
import { ProposalForm } from "../components/ProposalForm";
import { t } from "../i18n";
import { call } from "../lib/api";
import { EMPTY_PARTY, itemsBody, itemsProblem, newItem, partyBody } from "../lib/cash";
import { useRecordingPoint } from "../lib/crossingPoints";
import { PURPOSES } from "../lib/screens";
import { useAction } from "../lib/useApi";

type Mode = "declaration" | "detection";
const MODES: readonly Mode[] = ["declaration", "detection"];

export function CashControl() {
  const point = useRecordingPoint();
  const [mode, setMode] = useState<Mode>("declaration");
  const [direction, setDirection] = useState<Direction>("entry");
  const [carrier, setCarrier] = useState(EMPTY_PARTY);
  const [owner, setOwner] = useState(EMPTY_PARTY);
  const [items, setItems] = useState(() => [newItem()]);
  const [text, setText] = useState({ origin: "", intendedUse: "", declarationId: "", note: "" });
  const [measure, setMeasure] = useState<"retention" | "seizure">("retention");
  const [result, setResult] = useState<CashReply>();
  const [problem, setProblem] = useState<string>();
  const action = useAction();

  const submit = (e: FormEvent) => {
    setResult(undefined);
    setProblem(itemsProblem(items));
    if (itemsProblem(items)) return e.preventDefault();
    const own = partyBody(owner);
    const optional = Object.fromEntries(
      (mode === "detection"
        ? (["origin", "intendedUse", "declarationId", "note"] as const)
        : (["origin", "intendedUse"] as const)
      )
        .filter((k) => text[k].trim())
        .map((k) => [k, text[k].trim()]),
    );
    const body = {
      direction,
      carrier: partyBody(carrier) ?? { name: carrier.name },
      ...(own ? { owner: own } : {}),
      items: itemsBody(items),
      ...optional,
      ...(point.id ? { crossingPointId: point.id } : {}),
      purpose: PURPOSES.cash,
    };
    return action.run(e, async () => {
      const path = mode === "declaration" ? "/api/v1/cash/declarations" : "/api/v1/cash/detections";
      setResult((await call("post", path, { body })).data);
    });
  };
  const textField = (key: keyof typeof text, label: string) => (
    <label key={key}>
      {label}
      <input value={text[key]} onChange={(e) => setText({ ...text, [key]: e.target.value })} dir="auto" />
    </label>
  );
  const flagged =
    result && "finding" in result && (result.finding === "undeclared" || result.finding === "incomplete");

  return (
    <section aria-labelledby="cash-title">
      <ScreenTitle id="cash-title">{t.cash.title}</ScreenTitle>
      <p className="muted">{t.cash.intro}</p>
      <div className="check-grid">
        <form onSubmit={submit} className="card">
          <fieldset className="segmented">
            <legend>{t.cash.mode}</legend>
            {MODES.map((m) => (
              <label key={m}>
                <input type="radio" name="cash-mode" checked={mode === m} onChange={() => setMode(m)} />
                {t.cash[m]}
              </label>
            ))}
          </fieldset>
          <PartyFields legend={t.cash.carrier} value={carrier} onChange={setCarrier} required />
          <PartyFields legend={t.cash.owner} value={owner} onChange={setOwner} />
          <CashItems items={items} onChange={setItems} />
          <div className="fields grid">
            {textField("origin", t.cash.origin)}
            {textField("intendedUse", t.cash.intendedUse)}
            {mode === "detection" && [
              textField("declarationId", t.cash.declarationId),
              textField("note", t.cash.note),
            ]}
            <DirectionSelect value={direction} onChange={setDirection} />
            <RecordingPointSelect point={point} />
          </div>
          <CheckActions
            busy={action.busy}
            label={mode === "declaration" ? t.cash.submitDeclaration : t.cash.submitDetection}
          />
        </form>
        <ResultArea live="polite" problem={problem} error={action.error} errorTitle={t.cash.failed}>
          {result && <CashResult result={result} />}
          {result && flagged && (
            <ProposalForm
              key={result.id}
              id="retention-title"
              title={t.cash.retentionTitle}
              failedTitle={t.cash.failedRetention}
              propose={async (p) =>
                (
                  await call("post", "/api/v1/cash/records/{id}/retention", {
                    params: { id: result.id },
                    body: { ...p, measure },
                  })
                ).data
              }
            >
              <label>
                {t.cash.measure}
                <select value={measure} onChange={(e) => setMeasure(e.target.value as typeof measure)}>
                  <option value="retention">{t.cash.retention}</option>
                  <option value="seizure">{t.cash.seizure}</option>
                </select>
              </label>
            </ProposalForm>
          )}
        </ResultArea>
      </div>
    </section>
  );
}
