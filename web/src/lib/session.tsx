// Who is signed in. The token is in sessionStorage (lib/api.ts); the user (name and roles) only in memory,
// fetched again from the server after a reload.
import {
  createContext,
  Fragment,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { locale as current, isLocale, type Locale, setLocale } from "../i18n";
import { api, call, type Reply, session, setUnauthenticatedHandler } from "./api";

/** Who is signed in; `restricted`: what the session must do first (change a one-time password, or enrol a
 * second factor); `locale`: the UI language the officer chose at an earlier sign-in. */
export type User = Reply<"/api/v1/auth/me", "get">["user"];

interface SessionState {
  user?: User;
  /** True while a stored token is being checked after a reload. */
  restoring: boolean;
  expired: boolean;
  /** A language chosen on the sign-in page is remembered for the user. */
  signIn(username: string, password: string, code?: string): Promise<User>;
  locale: Locale;
  /** Switches the UI language (the screens are rebuilt in it). */
  chooseLocale(next: Locale): void;
  signOut(): Promise<void>;
  /** Asks the server again who this is (after a password change or an enrolment lifts a restriction). */
  refresh(): Promise<void>;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<User>();
  const [restoring, setRestoring] = useState(() => session.token() !== null);
  const [expired, setExpired] = useState(false);
  const [lang, setLang] = useState<Locale>(current);
  // Chosen before signing in: kept across the remount that a language switch causes.
  const picked = useRef<Locale | undefined>(undefined);
  const chooseLocale = useCallback((next: Locale) => {
    if (!session.token()) picked.current = next;
    setLocale(next);
    setLang(next);
  }, []);
  // The user's own language, once known, wins over this browser's last choice.
  const adopt = useCallback(
    (u: User) => {
      if (isLocale(u.locale) && u.locale !== current) chooseLocale(u.locale);
    },
    [chooseLocale],
  );

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      session.clear();
      setUser(undefined);
      setExpired(true);
    });
    if (!session.token()) return;
    call("get", "/api/v1/auth/me")
      .then(({ data }) => {
        adopt(data.user);
        setUser(data.user);
      })
      .catch(() => session.clear())
      .finally(() => setRestoring(false));
  }, [adopt]);

  const signIn = useCallback(
    async (username: string, password: string, code?: string) => {
      const { data } = await call("post", "/api/v1/auth/login", {
        body: { username, password, ...(code ? { code } : {}) },
      });
      session.set(data.token);
      const chosen = picked.current;
      if (chosen) {
        // Remembered for the next sign-in on any workstation; the session works on if this fails.
        await api("PUT", "/auth/locale", { locale: chosen }).catch(() => undefined);
        data.user.locale = chosen;
        picked.current = undefined;
      } else adopt(data.user);
      setUser(data.user);
      setExpired(false);
      return data.user;
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    await api("POST", "/auth/logout").catch(() => undefined);
    session.clear();
    setUser(undefined);
  }, []);

  const refresh = useCallback(async () => {
    const { data } = await call("get", "/api/v1/auth/me");
    setUser(data.user);
  }, []);

  return (
    <SessionContext.Provider
      value={{ user, restoring, expired, signIn, signOut, refresh, locale: lang, chooseLocale }}
    >
      <Fragment key={lang}>{children}</Fragment>
    </SessionContext.Provider>
  );
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error("useSession outside SessionProvider");
  return s;
}
