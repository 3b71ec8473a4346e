// Refusing a command-line option: one catalogue code (`cli_option`) naming the option, what it must be and the
// value given, so that every command words the refusal alike and a client can word it again from params.
import { InvalidError } from "../shared/errors.js";

export function optionError(option: string, expected: string, value: unknown): InvalidError {
  const given = String(value);
  return new InvalidError(`${option} must be ${expected}, not "${given}"`, undefined, "cli_option", {
    option,
    expected,
    value: given,
  });
}
