// Password rules after NIST SP 800-63B (§3.1.1.2): a minimum length, no composition rules, and a check
// against passwords known to be common. The list is the 49,233 most common passwords of
// `@zxcvbn-ts/language-common` (MIT licence, dictionaries from public breach corpora). Few of them reach
// 12 characters, so a password is also refused when it is one of them with digits or symbols added, or
// one of them repeated ("password2024!", "monkeymonkey"): the predictable padding of a short one.
import { dictionary } from "@zxcvbn-ts/language-common";
import { InvalidError } from "../shared/errors.js";

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

const COMMON: ReadonlySet<string> = new Set(
  (dictionary["passwords-common"] as string[]).map((p) => p.normalize("NFKC").toLowerCase()),
);

/** How many common passwords the check knows (the acceptance floor is 10,000). */
export const commonPasswordCount = (): number => COMMON.size;

function isCommon(lower: string): boolean {
  if (COMMON.has(lower)) return true;
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/gu, "");
  if (core.length >= 4 && COMMON.has(core)) return true;
  // One common password or one character repeated: "monkeymonkey", "aaaaaaaaaaaa".
  const repeated = /^(.+?)\1+$/u.exec(lower);
  return repeated !== null && (repeated[1]!.length === 1 || COMMON.has(repeated[1]!));
}

/** Why a password is refused, or undefined when it is acceptable. Length counts characters, not bytes. */
export function passwordProblem(password: string, context: { username?: string } = {}): string | undefined {
  const normal = password.normalize("NFKC");
  const length = [...normal].length;
  if (length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `at most ${MAX_PASSWORD_LENGTH} characters`;
  if (!normal.trim()) return "not only spaces";
  const lower = normal.toLowerCase();
  if (isCommon(lower)) return "this password is too common; choose a longer phrase of your own";
  const user = context.username?.toLowerCase();
  if (user && user.length >= 3 && lower.includes(user)) return "must not contain the username";
  return undefined;
}

export function checkPassword(password: string, context: { username?: string } = {}): void {
  const problem = passwordProblem(password, context);
  if (problem)
    throw new InvalidError(`password: ${problem}`, { field: "password" }, "password_policy", {
      field: "password",
    });
}
