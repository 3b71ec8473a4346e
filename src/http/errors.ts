// The one place where errors become HTTP: domain errors carry no status code, Fastify's own errors
// (validation, body parsing, size) get the same `{ error: { code, message, params, details } }` shape.
import type { FastifyError, FastifyInstance } from "fastify";
import { AuthError, TooManyAttemptsError } from "../access/index.js";
import {
  ConflictError,
  type ErrorCode,
  type ErrorParams,
  ForbiddenError,
  InvalidError,
  LimesError,
  NotFoundError,
} from "../shared/errors.js";

export function errorBody(code: string, message: string, params: ErrorParams = {}, details: unknown = {}) {
  return { error: { code, message, params, details } };
}

export const DOMAIN: [new (...args: never[]) => LimesError, number, ErrorCode][] = [
  [AuthError, 401, "unauthenticated"],
  [TooManyAttemptsError, 429, "too_many_attempts"],
  [ForbiddenError, 403, "forbidden"],
  [NotFoundError, 404, "not_found"],
  [ConflictError, 409, "conflict"],
  [InvalidError, 422, "invalid"],
];

/** Codes for the 4xx errors Fastify raises itself (malformed JSON, wrong content type, too large, …). */
export const FRAMEWORK: Record<number, ErrorCode> = {
  404: "not_found",
  413: "payload_too_large",
  415: "unsupported_media_type",
};

export function statusOf(err: unknown): { status: number; code: ErrorCode } {
  for (const [type, status, code] of DOMAIN) {
    // A domain error may name its own code (e.g. `unknown_crossing_point`); its class still sets the status.
    if (err instanceof type) return { status, code: err.code ?? code };
  }
  const status = (err as FastifyError).statusCode;
  if (status && status >= 400 && status < 500) return { status, code: FRAMEWORK[status] ?? "bad_request" };
  return { status: 500, code: "internal" };
}

interface SchemaError {
  instancePath: string;
  keyword: string;
  message?: string;
  params?: Record<string, unknown>;
}

/** The first schema violation as params: where (`body/purpose`), which rule (`required`) and why. */
function validationParams(err: FastifyError): ErrorParams {
  const first = err.validation?.[0] as SchemaError | undefined;
  if (!first) return {};
  const named = first.params?.missingProperty ?? first.params?.additionalProperty;
  const path = [err.validationContext, ...first.instancePath.split("/").filter(Boolean)];
  if (typeof named === "string") path.push(named);
  return {
    field: path.filter(Boolean).join("/"),
    keyword: first.keyword,
    reason: first.message ?? "invalid",
  };
}

export function registerErrorHandlers(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // Schema violations: wrong types, unknown fields, missing fields, in body, query or path.
    if (err.validation)
      return reply
        .code(400)
        .send(errorBody("bad_request", err.message, validationParams(err), err.validation));
    const { status, code } = statusOf(err);
    if (status === 500) {
      req.log.error({ err }, "unhandled error");
      return reply.code(500).send(errorBody(code, "internal error"));
    }
    const domain: unknown = err;
    if (domain instanceof TooManyAttemptsError) reply.header("retry-after", String(domain.retryAfterSeconds));
    const { details, params } = domain instanceof LimesError ? domain : { details: {}, params: {} };
    return reply.code(status).send(errorBody(code, err.message, params, details ?? {}));
  });

  app.setNotFoundHandler((req, reply) => {
    const params = { method: req.method, url: req.url };
    reply.code(404).send(errorBody("not_found", `no route ${req.method} ${req.url}`, params));
  });
}
