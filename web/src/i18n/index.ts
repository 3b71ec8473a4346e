// The active strings. A second language is one more module of the `Strings` shape, picked here.
import { en, type Strings } from "./en";

export const t: Strings = en;

export type ErrorParams = Record<string, string | number | boolean | null>;

/**
 * The message of an API error in the UI's language: the `errors` entry for its code with the error's
 * params filled in, or the server's own message when the code is unknown or a parameter is missing.
 */
export function errorText(code: string, params: ErrorParams | undefined, serverMessage: string): string {
  const template = t.errors[code];
  if (template === undefined) return serverMessage;
  let missing = false;
  const text = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) missing = true;
    return String(value);
  });
  return missing ? serverMessage : text;
}
