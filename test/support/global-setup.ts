// Once per test run, before any test file: finds the external services (and starts the embedded
// PostgreSQL where the machine has none), hands what it found to the tests, and stops what it started.
import type { TestProject } from "vitest/node";
import { probeServices } from "./service-probes.js";

let stop: (() => Promise<void>) | undefined;

export async function setup(project: TestProject): Promise<void> {
  const probed = await probeServices();
  stop = probed.stop;
  project.provide("limesServices", probed.statuses);
}

export async function teardown(): Promise<void> {
  await stop?.();
}
