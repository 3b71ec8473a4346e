// Progress on stderr (tables go to stdout, so `npm run bench > table.txt` stays clean).
import cliProgress from "cli-progress";

export interface Progress {
  tick(done: number): void;
  stop(): void;
}

export function progress(label: string, total: number): Progress {
  // cli-progress draws nothing without a terminal, so a piped run still says what it is doing.
  if (!process.stderr.isTTY) {
    const started = performance.now();
    process.stderr.write(`${label}: ${total}\n`);
    return {
      tick() {},
      stop() {
        process.stderr.write(`${label}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
      },
    };
  }
  const bar = new cliProgress.SingleBar(
    {
      format: `${label.padEnd(34)} {bar} {value}/{total} {duration_formatted}`,
      stream: process.stderr,
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0);
  let last = 0;
  return {
    tick(done) {
      // Redrawing on every query would cost more than a fast query.
      if (done === total || done - last >= Math.max(1, total / 200)) {
        bar.update(done);
        last = done;
      }
    },
    stop() {
      bar.update(total);
      bar.stop();
    },
  };
}

export function note(message: string): void {
  process.stderr.write(`${message}\n`);
}
