// Runs the real `limes` CLI in a child process, as a user would.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { REPO_ROOT } from "./paths.js";

const TSX = join(REPO_ROOT, "node_modules", "tsx", "dist", "cli.mjs");

type Result = { code: number | null; stdout: string; stderr: string };

function run(extraEnv: Record<string, string>, args: string[]): Result {
  const env = { ...process.env, ...extraEnv };
  delete env.LIMES_DEBUG;
  const r = spawnSync(process.execPath, [TSX, "src/cli/main.ts", ...args], {
    cwd: REPO_ROOT,
    encoding: "utf8",
    env,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export const limes = Object.assign((...args: string[]): Result => run({}, args), {
  /** The CLI with extra environment variables, e.g. LIMES_DB. */
  withEnv:
    (env: Record<string, string>) =>
    (...args: string[]): Result =>
      run(env, args),
});
