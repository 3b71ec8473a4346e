// A firearm at the post: serial, make, model, calibre, type and markings, against the lost, stolen or
// trafficked firearms list. A hit opens an alert; a seizure is only proposed here, for a second officer.
import { type FormEvent, useState } from "react";
import { CheckActions, RecordingPointSelect, ResultArea } from "../components/CheckParts";
import { EMPTY_FIREARM, FirearmFields, firearmBody } from "../components/firearms/FirearmFields";
import { type FirearmCheckReply, FirearmResult } from "../components/firearms/FirearmResult";
import { ScreenTitle } from "../components/Heading";
import { ListAge } from "../components/ListAge";
import { ProposalForm } from "../components/ProposalForm";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useRecordingPoint } from "../lib/crossingPoints";
import { PURPOSES } from "../lib/screens";
import { useAction } from "../lib/useApi";

export function FirearmCheck() {
  const point = useRecordingPoint();
  const [form, setForm] = useState(EMPTY_FIREARM);
  const [result, setResult] = useState<FirearmCheckReply>();
  const action = useAction();

  const submit = (e: FormEvent) => {
    setResult(undefined);
    return action.run(e, async () => {
      const body = {
        ...firearmBody(form),
        ...(point.id ? { crossingPointId: point.id } : {}),
        purpose: PURPOSES.firearm,
      };
      setResult((await call("post", "/api/v1/firearm-checks", { body })).data);
    });
  };

  return (
    <section className="check" aria-labelledby="firearms-title">
      <ScreenTitle id="firearms-title">{t.firearms.title}</ScreenTitle>
      <ListAge />
      <div className="check-grid">
        <form onSubmit={submit} className="card">
          <FirearmFields value={form} onChange={setForm} />
          <div className="fields inline">
            <RecordingPointSelect point={point} />
          </div>
          <CheckActions busy={action.busy} label={action.busy ? t.check.submitting : t.firearms.submit} />
        </form>
        <ResultArea error={action.error} errorTitle={t.firearms.failed}>
          {result && <FirearmResult result={result} />}
          {result && (
            <ProposalForm
              key={result.id}
              id="seizure-title"
              title={t.firearms.seizureTitle}
              failedTitle={t.firearms.failedSeizure}
              propose={async (body) =>
                (
                  await call("post", "/api/v1/firearm-checks/{id}/seizure", {
                    params: { id: result.id },
                    body,
                  })
                ).data
              }
            />
          )}
        </ResultArea>
      </div>
    </section>
  );
}
