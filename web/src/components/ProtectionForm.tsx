// Any officer may record a protection need; it is what bars refusal and return (non-refoulement).
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { PROTECTION_KINDS } from "../lib/alerts";
import { ApiError, api, asApiError } from "../lib/api";
import { PURPOSES } from "../lib/screens";
import { ErrorBox } from "./State";

export function ProtectionForm({ alertId, onDone }: { alertId: string; onDone: () => void }) {
  const [kinds, setKinds] = useState<string[]>([]);
  const [note, setNote] = useState("");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [error, setError] = useState<ApiError>();

  const toggle = (k: string) => setKinds((ks) => (ks.includes(k) ? ks.filter((x) => x !== k) : [...ks, k]));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (kinds.length === 0) {
      setError(new ApiError(0, "client", t.protection.chooseOne, {}));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      await api("POST", "/protection/records", {
        alertId,
        kinds,
        ...(note.trim() ? { note: note.trim() } : {}),
        purpose: PURPOSES.review,
      });
      setDone(true);
      setKinds([]);
      setNote("");
      onDone();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="card protection" onSubmit={submit} aria-labelledby="protection-title">
      <h2 id="protection-title">{t.protection.title}</h2>
      <p className="hint">{t.protection.hint}</p>
      <fieldset>
        <legend className="visually-hidden">{t.protection.title}</legend>
        {PROTECTION_KINDS.map((k) => (
          <label key={k} className="check-label">
            <input type="checkbox" checked={kinds.includes(k)} onChange={() => toggle(k)} />
            {t.protection.kinds[k]}
          </label>
        ))}
      </fieldset>
      <label>
        {t.protection.note}
        <textarea rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </label>
      <button type="submit" className="secondary" disabled={busy}>
        {busy ? t.protection.submitting : t.protection.submit}
      </button>
      {done && <p role="status">{t.protection.recorded}</p>}
      {error && <ErrorBox title={t.protection.failed} error={error} />}
    </form>
  );
}
