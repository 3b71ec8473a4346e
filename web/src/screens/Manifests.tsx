// A PAXLST or FAL file, screened: the conveyance, then one row per person, refers on top, sortable.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { type ManifestAnswer, ManifestResults } from "../components/ManifestResults";
import { Empty, ErrorBox } from "../components/State";
import { t } from "../i18n";
import { type ApiError, api, asApiError } from "../lib/api";
import { PURPOSES } from "../lib/screens";

export function Manifests() {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const [answer, setAnswer] = useState<ManifestAnswer>();
  // Each answer gets a fresh table, sorted refers first again.
  const [runs, setRuns] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
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
      <form className="card inline-form" onSubmit={submit}>
        <label>
          {t.manifests.file}
          <input
            type="file"
            name="manifest"
            accept=".txt,.edi,.paxlst,.csv,text/plain"
            required
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <button type="submit" disabled={busy || !file}>
          {busy ? t.manifests.submitting : t.manifests.submit}
        </button>
      </form>
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
