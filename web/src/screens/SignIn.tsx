import { type FormEvent, useEffect, useRef, useState } from "react";
import { ErrorBox } from "../components/State";
import { isLocale, LOCALES, t } from "../i18n";
import { type ApiError, asApiError } from "../lib/api";
import { navigate } from "../lib/router";
import { homeFor } from "../lib/screens";
import { useSession } from "../lib/session";

export function SignIn({ notice }: { notice?: string }) {
  const { signIn, locale, chooseLocale } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  // Asked for only when the server says the account has a second factor.
  const [code, setCode] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const user = await signIn(username, password, code);
      // The role decides the home screen; the password is not kept a moment longer than needed.
      setPassword("");
      navigate(user.restricted ? "/account" : (homeFor(user.roles) ?? "/"), { replace: true });
    } catch (err) {
      const e = asApiError(err);
      const secondFactor = (e.details as { secondFactor?: string } | undefined)?.secondFactor === "totp";
      if (secondFactor && code === undefined) setCode("");
      else setError(e);
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <form onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t.app.name}</h1>
        <p className="tagline">{t.app.tagline}</p>
        <h2>{t.signIn.title}</h2>
        <label>
          {t.language.label}
          <select
            name="locale"
            value={locale}
            onChange={(e) => {
              // Remembered for the user at sign-in; otherwise the user's own language applies then.
              if (isLocale(e.target.value)) chooseLocale(e.target.value);
            }}
          >
            {Object.entries(LOCALES).map(([tag, l]) => (
              <option key={tag} value={tag} lang={tag}>
                {l.label}
              </option>
            ))}
          </select>
        </label>
        {notice && <p role="status">{notice}</p>}
        <label>
          {t.signIn.username}
          <input
            name="username"
            autoComplete="username"
            required
            ref={first}
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label>
          {t.signIn.password}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {code !== undefined && (
          <label>
            {t.signIn.code}
            <input
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              value={code}
              onChange={(e) => setCode(e.target.value.trim())}
            />
          </label>
        )}
        <button type="submit" disabled={busy}>
          {busy ? t.signIn.submitting : t.signIn.submit}
        </button>
        {error && <ErrorBox title={t.signIn.failed} error={error} />}
      </form>
    </main>
  );
}
