// Progress bars on stderr, only for a person watching a terminal: piped output and logs stay clean.
import cliProgress from "cli-progress";

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update() {}, stop() {} };

function megabytes(n: number): string {
  return (n / 1_048_576).toFixed(1);
}

/** A bar labelled `label` counting `unit` ("bytes" are shown in MB); silent when stderr is not a TTY. */
export function createProgress(
  label: string,
  unit: string,
  stream: NodeJS.WriteStream = process.stderr,
): Progress {
  if (!stream.isTTY) return SILENT;
  const bytes = unit === "bytes";
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: `${label} [{bar}] {percentage}% | {value}/{total} ${bytes ? "MB" : unit}`,
      formatValue: (v, options, type) =>
        bytes && (type === "value" || type === "total")
          ? megabytes(v)
          : cliProgress.Format.ValueFormat(v, options, type),
      hideCursor: true,
      clearOnComplete: false,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
        return;
      }
      bar.setTotal(total);
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
