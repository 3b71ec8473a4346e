// One file picked and sent: the form of the manifest and cargo screens. The screen says what the file is
// and does the sending; this holds the chosen file and keeps the button off while nothing is chosen or
// a file is on its way.
import { type FormEvent, useState } from "react";

export function FileForm({
  label,
  name,
  accept,
  busy,
  submitLabel,
  busyLabel,
  onSubmit,
}: {
  label: string;
  name: string;
  accept: string;
  busy: boolean;
  submitLabel: string;
  busyLabel: string;
  onSubmit: (file: File) => void;
}) {
  const [file, setFile] = useState<File>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) onSubmit(file);
  };
  return (
    <form className="card inline-form" onSubmit={submit}>
      <label>
        {label}
        <input
          type="file"
          name={name}
          accept={accept}
          required
          onChange={(e) => setFile(e.target.files?.[0])}
        />
      </label>
      <button type="submit" disabled={busy || !file}>
        {busy ? busyLabel : submitLabel}
      </button>
    </form>
  );
}
