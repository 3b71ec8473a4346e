// Who is signed in. The token is in sessionStorage (lib/api.ts); the user (name and roles) only in memory,
// fetched again from the server after a reload.
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { api, session, setUnauthenticatedHandler } from "./api";

export interface User {
  username: string;
  roles: string[];
  agency?: string;
  /** What the session must do before anything else: change a one-time password, or enrol a second factor. */
  restricted?: "password_change" | "totp_enrolment";
}

interface SessionState {
  user?: User;
  /** True while a stored token is being checked after a reload. */
  restoring: boolean;
  expired: boolean;
  signIn(username: string, password: string, code?: string): Promise<User>;
  signOut(): Promise<void>;
  /** Asks the server again who this is (after a password change or an enrolment lifts a restriction). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User>();
  const [restoring, setRestoring] = useState(() => session.token() !== null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      session.clear();
      setUser(undefined);
      setExpired(true);
    });
    if (!session.token()) return;
    api<{ user?: User } & Partial<User>>("GET", "/auth/me")
      .then(({ data }) => setUser(data.user ?? (data as User)))
      .catch(() => session.clear())
      .finally(() => setRestoring(false));
  }, []);

  const signIn = useCallback(async (username: string, password: string, code?: string) => {
    const { data } = await api<{ token: string; user: User }>("POST", "/auth/login", {
      username,
      password,
      ...(code ? { code } : {}),
    });
    session.set(data.token);
    setUser(data.user);
    setExpired(false);
    return data.user;
  }, []);

  const signOut = useCallback(async () => {
    await api("POST", "/auth/logout").catch(() => undefined);
    session.clear();
    setUser(undefined);
  }, []);

  const refresh = useCallback(async () => {
    const { data } = await api<{ user: User }>("GET", "/auth/me");
    setUser(data.user);
  }, []);

  return (
    <SessionContext.Provider value={{ user, restoring, expired, signIn, signOut, refresh }}>
      {children}
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
