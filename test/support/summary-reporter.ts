// Prints the closing line of `npm test`: which databases, browser and services the run covered, and how
// many tests it skipped for a missing service (see services.ts), e.g.
//   SQLite ✓ · PostgreSQL ✓ (embedded 17.10) · Chromium ✓ (bundled) · NATS skipped (1 test; no server at …) · Redis ✓ (…)
import type { RunnerTask, RunnerTestFile } from "vitest";
import type { Reporter, Vitest } from "vitest/node";
import { type ServiceName, skippedFor, summaryLine } from "./service-probes.js";

export default class SummaryReporter implements Reporter {
  private vitest!: Vitest;

  onInit(vitest: Vitest): void {
    this.vitest = vitest;
  }

  // onFinished, not onTestRunEnd: the default reporter prints its totals in onFinished, and this line
  // comes after them (reporters are called in the order of the config).
  onFinished(files: RunnerTestFile[] = []): void {
    const statuses = this.vitest.getRootProject().getProvidedContext().limesServices;
    // No statuses: the global setup failed before probing, and vitest has already said why.
    if (!statuses) return;
    const skipped: Record<ServiceName, number> = { pg: 0, nats: 0, redis: 0, browser: 0 };
    const count = (task: RunnerTask, service: ServiceName | undefined): void => {
      const s = service ?? skippedFor(task.name);
      if (task.type === "suite") for (const t of task.tasks) count(t, s);
      else if (s && task.mode === "skip") skipped[s]++;
    };
    for (const file of files) count(file, undefined);
    process.stdout.write(` ${summaryLine(statuses, skipped)}\n\n`);
  }
}
