// The whole application for a browser test: a Limes server on an embedded database in a temporary folder,
// seeded with the sample lists, the web UI built, officers of each role, and the Chromium the test run
// found (services.ts: LIMES_CHROMIUM, a system Chromium, or the npm-shipped one). Suites that use it are
// declared with describeWithService("browser", …), so a missing browser fails them in one line.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { createAccessService, type Role } from "../../../src/access/index.js";
import { type RunningServer, type ServerOptions, startServer } from "../../../src/http/server.js";
import { DEFAULT_WEB_ROOT } from "../../../src/http/web.js";
import { REPO_ROOT } from "../../support/paths.js";
import { GET_A_BROWSER } from "../../support/service-probes.js";
import { service } from "../../support/services.js";
import { dropEndedSeeds, keepSeed, reuseSeed, seedPath } from "./seed.js";

export const PASSWORD = "correct horse battery staple";
export const RESULTS = join(REPO_ROOT, "test-results");

/** `npm test` builds the UI first (pretest); a direct `vitest run test/e2e` builds it here if missing. */
function ensureWebBuilt(): void {
  if (existsSync(join(DEFAULT_WEB_ROOT, "index.html"))) return;
  execFileSync("npx", ["vite", "build", "--config", "web/vite.config.ts", "--logLevel", "warn"], {
    cwd: REPO_ROOT,
    stdio: "inherit",
  });
}

export interface E2eApp {
  server: RunningServer;
  browser: BrowserContext;
  /** A new tab (its own sessionStorage, so its own session) signed in as `username`. */
  signIn(username: string): Promise<Page>;
  /**
   * A new tab already holding a session token, as a tab does after its sign-in: for flows that test
   * a screen, not the sign-in, and need not spend a password hash on it.
   */
  openSession(token: string): Promise<Page>;
  close(): Promise<void>;
}

/** `opts.samples` replaces the lists seeded into the fresh database (default: the UN and OFAC samples). */
export async function startE2e(users: Record<string, Role[]>, opts: ServerOptions = {}): Promise<E2eApp> {
  const chromiumFound = service("browser");
  if (!chromiumFound.ok) throw new Error(`no browser for the e2e tests: ${chromiumFound.detail}`);
  ensureWebBuilt();
  await mkdir(RESULTS, { recursive: true });
  const dir = await mkdtemp(join(tmpdir(), "limes-e2e-"));
  await dropEndedSeeds();
  const seed = await seedPath(opts.samples);
  const dbFile = join(dir, "limes.db");
  const reused = await reuseSeed(seed, dbFile);
  const server = await startServer(
    { db: `sqlite:${dbFile}`, port: 0, host: "127.0.0.1", logLevel: "silent" },
    opts,
  );
  if (!reused) {
    await server.indexed;
    await keepSeed(server.db, seed);
  }
  const access = createAccessService(server.db);
  // The lists index in this process while Chromium starts in its own and the passwords hash on the
  // thread pool: started together, they cost the slowest of them rather than their sum. Playwright takes
  // the fresh profile folder itself (it refuses --user-data-dir among the args).
  const launching = chromium
    .launchPersistentContext(join(dir, "chromium"), {
      executablePath: chromiumFound.url,
      viewport: { width: 1280, height: 800 },
      baseURL: server.url,
      args: chromiumFound.args ?? [],
    })
    .catch((err: unknown) => {
      // Found but unable to start (e.g. missing system libraries): one line, and how to get another.
      const why = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new Error(`Chromium (${chromiumFound.detail}) did not start: ${why}; ${GET_A_BROWSER}`);
    });
  let browser: BrowserContext;
  try {
    [browser] = await Promise.all([
      launching,
      server.indexed,
      ...Object.entries(users).map(([username, roles]) =>
        access.createUser("system", { username, password: PASSWORD, roles, agency: "demo" }),
      ),
    ]);
  } catch (err) {
    await launching.then((b) => b.close()).catch(() => undefined);
    await server.close();
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    server,
    browser,
    async signIn(username) {
      const page = await browser.newPage();
      await page.goto("/");
      await page.getByLabel("Username").fill(username);
      await page.getByLabel("Password").fill(PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      return page;
    },
    async openSession(token) {
      const page = await browser.newPage();
      await page.addInitScript(
        `if (!sessionStorage.getItem("limes.token")) sessionStorage.setItem("limes.token", ${JSON.stringify(token)});`,
      );
      await page.goto("/");
      await page.getByRole("button", { name: "Sign out" }).waitFor();
      return page;
    },
    async close() {
      await browser.close().catch(() => undefined);
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A screenshot under test-results/, named after the flow. */
export async function shot(page: Page, name: string): Promise<string> {
  const path = join(RESULTS, `e2e-${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
