// The HTTP API as a test calls it beside the browser: to set the scene (rules, crossings, manifests) the
// way officers at other desks would, through the same routes and permissions.
import { PASSWORD } from "./app.js";

export interface ApiAnswer<T> {
  status: number;
  body: T;
}

export interface ApiUser {
  /** The session token, which a tab can also use (E2eApp.openSession). */
  token: string;
  call<T = Record<string, unknown>>(
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<ApiAnswer<T>>;
  /** As `call`, but fails the test with the answer when the status is not 2xx. */
  ok<T = Record<string, unknown>>(
    method: "GET" | "POST" | "PUT",
    path: string,
    body?: unknown,
    contentType?: string,
  ): Promise<T>;
}

export async function apiAs(baseUrl: string, username: string): Promise<ApiUser> {
  const login = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (!login.ok) throw new Error(`${username} cannot sign in: ${login.status} ${await login.text()}`);
  const { token } = (await login.json()) as { token: string };
  const call: ApiUser["call"] = async (method, path, body, contentType) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    let payload: string | undefined;
    if (body !== undefined) {
      headers["content-type"] = contentType ?? "application/json";
      payload = typeof body === "string" ? body : JSON.stringify(body);
    }
    const res = await fetch(`${baseUrl}/api/v1${path}`, { method, headers, body: payload });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  };
  return {
    token,
    call,
    async ok(method, path, body, contentType) {
      const r = await call(method, path, body, contentType);
      if (r.status < 200 || r.status > 299)
        throw new Error(`${method} ${path} → ${r.status}: ${JSON.stringify(r.body)}`);
      return r.body as never;
    },
  };
}
