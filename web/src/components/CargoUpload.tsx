// The cargo manifest file, sent as it is: its bytes go to the server unchanged, which decodes a CUSCAR
// message by its UNB syntax identifier (UNOA/UNOB/UNOC) and a CSV or JSON manifest as UTF-8.
import { type FormEvent, useState } from "react";
import { t } from "../i18n";
import { type ApiError, asApiError, queryString, uploadWithProgress } from "../lib/api";
import type { CargoManifest } from "../lib/cargo";
import { PURPOSES } from "../lib/screens";
import { CargoFault } from "./CargoFault";

export function CargoUpload({ onScreened }: { onScreened: (id: string) => void }) {
  const [file, setFile] = useState<File>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const { data } = await uploadWithProgress<CargoManifest>(
        `/cargo/manifests${queryString({ purpose: PURPOSES.cargo })}`,
        file,
        () => {},
      );
      onScreened(data.id);
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form className="card inline-form" onSubmit={submit}>
        <label>
          {t.cargo.file}
          <input
            type="file"
            name="cargo-manifest"
            accept=".edi,.cuscar,.txt,.csv,.json,text/plain,text/csv,application/json"
            required
            onChange={(e) => setFile(e.target.files?.[0])}
          />
        </label>
        <button type="submit" disabled={busy || !file}>
          {busy ? t.cargo.submitting : t.cargo.submit}
        </button>
      </form>
      {busy && (
        <p role="status" className="state loading">
          {t.cargo.submitting}
        </p>
      )}
      {error && <CargoFault error={error} />}
    </>
  );
}
