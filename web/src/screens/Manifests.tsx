// A PAXLST or FAL file, screened: the conveyance, then one row per person, refers on top, sortable.
import { useState } from "react";
import { FileForm } from "../components/FileForm";
import { ScreenTitle } from "../components/Heading";
import { type ManifestAnswer, ManifestResults } from "../components/ManifestResults";
import { Empty, ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { PURPOSES } from "../lib/screens";

export function Manifests() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [answer, setAnswer] = useState<ManifestAnswer>();
  // Each answer gets a fresh table, sorted refers first again.
  const [runs, setRuns] = useState(0);

  const submit = async (file: File) => {
    setBusy(true);
    setError(undefined);
    try {
      const text = await file.text();
      const { data } = await api<ManifestAnswer>("POST", "/manifests", undefined, {
        text,
        query: { purpose: PURPOSES.manifest },
      });
      setAnswer(data);
      setRuns((n) => n + 1);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="manifests-title">
      <ScreenTitle id="manifests-title">{t.manifests.title}</ScreenTitle>
      <FileForm
        label={t.manifests.file}
        name="manifest"
        accept=".txt,.edi,.paxlst,.csv,text/plain"
        busy={busy}
        submitLabel={t.manifests.submit}
        busyLabel={t.manifests.submitting}
        onSubmit={(file) => void submit(file)}
      />
      {error && <ErrorBox title={t.manifests.failed} error={error} />}
      {busy && (
        <p role="status" className="state loading">
          {t.manifests.submitting}
        </p>
      )}
      {!answer && !error && !busy && <Empty>{t.manifests.empty}</Empty>}
      {answer && <ManifestResults key={runs} answer={answer} />}
    </section>
  );
}
