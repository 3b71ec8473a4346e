// The cargo manifest file, sent as it is: its bytes go to the server unchanged, which decodes a CUSCAR
// message by its UNB syntax identifier (UNOA/UNOB/UNOC) and a CSV or JSON manifest as UTF-8.
import { useState } from "react";
import { t } from "../i18n";
import { type ApiError, asApiError, queryString } from "../lib/api";
import type { CargoManifest } from "../lib/cargo";
import { PURPOSES } from "../lib/screens";
import { uploadWithProgress } from "../lib/upload";
import { CargoFault } from "./CargoFault";
import { FileForm } from "./FileForm";

export function CargoUpload({ onScreened }: { onScreened: (id: string) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (file: File) => {
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
      <FileForm
        label={t.cargo.file}
        name="cargo-manifest"
        accept=".edi,.cuscar,.txt,.csv,.json,text/plain,text/csv,application/json"
        busy={busy}
        submitLabel={t.cargo.submit}
        busyLabel={t.cargo.submitting}
        onSubmit={(file) => void submit(file)}
      />
      {busy && (
        <p role="status" className="state loading">
          {t.cargo.submitting}
        </p>
      )}
      {error && <CargoFault error={error} />}
    </>
  );
}
