// The HTTP API at the same origin. The session token is the only thing kept in the browser, and only in
// sessionStorage: it goes when the tab closes. Personal data travels in bodies and answers, never in URLs
// beyond opaque ids.

const TOKEN_KEY = "limes.token";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
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
    const e = (data as { error?: { code?: string; message?: string; details?: unknown } })?.error;
    if (res.status === 401 && token) onUnauthenticated();
    throw new ApiError(res.status, e?.code ?? "http", e?.message ?? `HTTP ${res.status}`, e?.details);
  }
  return { status: res.status, data: data as T };
}

/** An upload with progress of the bytes sent (fetch cannot report it). */
export function uploadWithProgress<T>(
  path: string,
  body: Blob | FormData,
  onProgress: (sent: number, total: number) => void,
  headers: Record<string, string> = {},
): Promise<{ status: number; data: T }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("POST", `/api/v1${path}`);
    const token = session.token();
    if (token) xhr.setRequestHeader("authorization", `Bearer ${token}`);
    // A FormData body gets its multipart content type, with the boundary, from the browser.
    if (body instanceof Blob) xhr.setRequestHeader("content-type", "application/octet-stream");
    for (const [k, v] of Object.entries(headers)) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.total || (body instanceof Blob ? body.size : 0));
    xhr.onerror = () => reject(new ApiError(0, "network", "The server cannot be reached.", {}));
    xhr.onload = () => {
      let data: unknown;
      try {
        data = JSON.parse(xhr.responseText);
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve({ status: xhr.status, data: data as T });
      const e = (data as { error?: { code?: string; message?: string; details?: unknown } })?.error;
      reject(new ApiError(xhr.status, e?.code ?? "http", e?.message ?? `HTTP ${xhr.status}`, e?.details));
    };
    xhr.send(body);
  });
}
