// The HTTP API at the same origin. The session token is the only thing kept in the browser, and only in
// sessionStorage: it goes when the tab closes. Personal data travels in bodies and answers, never in URLs
// beyond opaque ids.
import { type ErrorParams, errorText } from "../i18n";
import type { components, paths } from "./api-schema";

const TOKEN_KEY = "limes.token";

/** The API's named schemas, generated from its OpenAPI document (npm run api:types). */
export type Schemas = components["schemas"];

type Path = Extract<keyof paths, `/api/v1/${string}`>;
type Method = "get" | "post" | "put";
type Operation<P extends Path, M extends Method> = paths[P][M];
type Json<C> = C extends { content: { "application/json": infer T } } ? T : undefined;
/** The body of a route's success reply (200, 201 or 202; nothing for 204). */
export type Reply<P extends Path, M extends Method> =
  Operation<P, M> extends { responses: infer R }
    ? R extends { 200: infer S }
      ? Json<S>
      : R extends { 201: infer S }
        ? Json<S> | (R extends { 202: infer A } ? Json<A> : never)
        : undefined
    : never;
type Args<P extends Path, M extends Method> =
  Operation<P, M> extends {
    parameters: { path?: infer PP; query?: infer Q };
    requestBody?: infer B;
  }
    ? { params?: PP; query?: Q; body?: Json<NonNullable<B>> }
    : never;

export class ApiError extends Error {
  /** The message as the server wrote it (English). */
  readonly serverMessage: string;

  /** `message` is the UI's text for the code and params (src/i18n), else the server's message. */
  constructor(
    readonly status: number,
    readonly code: string,
    serverMessage: string,
    readonly details: unknown,
    readonly params?: ErrorParams,
  ) {
    super(errorText(code, params, serverMessage));
    this.serverMessage = serverMessage;
  }

  /** `details.errors` / `details.reasons` / `details.problems` as plain messages, when the API sent them. */
  get reasons(): string[] {
    const d = (this.details ?? {}) as Record<string, unknown>;
    const list = (d.errors ?? d.reasons ?? d.problems) as unknown;
    if (!Array.isArray(list)) return [];
    return list.map((x) =>
      typeof x === "string" ? x : String((x as { message?: unknown }).message ?? JSON.stringify(x)),
    );
  }
}

/** The error a reply's body describes (`Schemas["Error"]`), or a bare HTTP error when it has none. */
export function errorOf(status: number, body: unknown): ApiError {
  const e = (body as Partial<Schemas["Error"]> | undefined)?.error;
  return new ApiError(status, e?.code ?? "http", e?.message ?? `HTTP ${status}`, e?.details, e?.params);
}

/** Any failure as an ApiError, so every screen shows network, server and client errors the same way. */
export function asApiError(err: unknown): ApiError {
  return err instanceof ApiError
    ? err
    : new ApiError(0, "client", err instanceof Error ? err.message : String(err), {});
}

export const session = {
  token: (): string | null => sessionStorage.getItem(TOKEN_KEY),
  set: (token: string) => sessionStorage.setItem(TOKEN_KEY, token),
  clear: () => sessionStorage.removeItem(TOKEN_KEY),
};

let onUnauthenticated: () => void = () => {};
/** Called when the server no longer accepts the token (expired or revoked). */
export function setUnauthenticatedHandler(fn: () => void): void {
  onUnauthenticated = fn;
}

export interface RequestOptions {
  /** Raw text body (manifests) instead of JSON. */
  text?: string;
  contentType?: string;
  query?: Record<string, string | undefined>;
  signal?: AbortSignal;
}

export function queryString(query: Record<string, string | undefined> = {}): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== "") params.set(k, v);
  const s = params.toString();
  return s ? `?${s}` : "";
}

export async function api<T>(
  method: "GET" | "POST" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  opts: RequestOptions = {},
): Promise<{ status: number; data: T }> {
  const headers: Record<string, string> = { accept: "application/json" };
  const token = session.token();
  if (token) headers.authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (opts.text !== undefined) {
    payload = opts.text;
    headers["content-type"] = opts.contentType ?? "text/plain";
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    headers["content-type"] = "application/json";
  }
  let res: Response;
  try {
    res = await fetch(`/api/v1${path}${queryString(opts.query)}`, {
      method,
      headers,
      body: payload,
      signal: opts.signal,
      cache: "no-store",
    });
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw new ApiError(0, "network", "The server cannot be reached. Check the connection.", {});
  }
  const data = res.status === 204 ? undefined : await res.json().catch(() => undefined);
  if (!res.ok) {
    if (res.status === 401 && token) onUnauthenticated();
    throw errorOf(res.status, data);
  }
  return { status: res.status, data: data as T };
}

/**
 * A call typed by the OpenAPI document: the path as documented (`/api/v1/alerts/{id}`), its path
 * parameters, query and body checked against it, and the reply typed as the route declares it.
 */
export function call<P extends Path, M extends Method>(
  method: M,
  path: P,
  args: Args<P, M> = {} as Args<P, M>,
  opts: Omit<RequestOptions, "query"> = {},
): Promise<{ status: number; data: Reply<P, M> }> {
  const params = (args.params ?? {}) as Record<string, string>;
  const url = path
    .slice("/api/v1".length)
    .replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ""));
  const query = args.query as Record<string, string | undefined> | undefined;
  const upper = method.toUpperCase() as "GET" | "POST" | "PUT";
  return api<Reply<P, M>>(upper, url, args.body, { ...opts, ...(query ? { query } : {}) });
}
