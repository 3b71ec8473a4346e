// Schemas shared by the route plugins. Each plugin keeps its own request schemas beside its routes.
import { Type } from "@sinclair/typebox";
import { component } from "./replies/component.js";

/**
 * Every 4xx/5xx body: a stable `code` a client translates, `params` for the values its message names, and
 * an English `message` for a client that does not know the code.
 */
export const ErrorSchema = component(
  "Error",
  Type.Object({
    error: Type.Object({
      code: Type.String({
        description: "stable, machine-readable; worded by the catalogue in src/shared/messages.ts",
      }),
      message: Type.String({ description: "English, for logs and for clients without the catalogue" }),
      params: Type.Record(
        Type.String(),
        Type.Union([Type.String(), Type.Number(), Type.Boolean(), Type.Null()]),
        {
          description: "the values named in the message",
        },
      ),
      details: Type.Unknown(),
    }),
  }),
);

/**
 * The error replies a route documents: authentication, permission, validation, not found, a body of a type
 * it does not read, invalid, and the server's own failure.
 */
export function errorReplies(...more: (409 | 413 | 429)[]) {
  const replies = {
    400: ErrorSchema,
    401: ErrorSchema,
    403: ErrorSchema,
    404: ErrorSchema,
    415: ErrorSchema,
    422: ErrorSchema,
    500: ErrorSchema,
  } as Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500, typeof ErrorSchema>;
  for (const code of more) replies[code] = ErrorSchema;
  return replies;
}

/** Why personal data is processed: required on every read or write of it, and written to the audit log. */
export const purpose = Type.String({
  minLength: 3,
  maxLength: 200,
  description: "why this personal data is processed (written to the audit log)",
});

export const PurposeQuery = Type.Object({ purpose }, { additionalProperties: false });

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

/** A string from a fixed list: one `enum` in the OpenAPI document and one plain validation message. */
export const oneOf = <const T extends string>(values: readonly T[], options: { description?: string } = {}) =>
  Type.Unsafe<T>({ type: "string", enum: [...values], ...options });

/** Nothing is coerced, so a number in the query string is text: the pattern bounds it. */
export const digits = (max: number) => Type.String({ pattern: `^[0-9]{1,${max}}$` });
