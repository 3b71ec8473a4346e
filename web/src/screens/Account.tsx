// The signed-in user's own account: change the password (forced while it is a one-time one) and set up
// the TOTP second factor (forced when the role requires it). Nothing here reaches traveller data.
import { type FormEvent, useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { ErrorText } from "../components/State";
import { t } from "../i18n";
import { ApiError, api, call, type Reply } from "../lib/api";
import { useSession } from "../lib/session";
import { useAction } from "../lib/useApi";

function ChangePassword({ onChanged }: { onChanged: () => Promise<void> }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const submit = (e: FormEvent) =>
    run(e, async () => {
      setDone(false);
      if (next !== repeat) throw new ApiError(0, "client", t.account.mismatch, {});
      await api("POST", "/auth/password", { currentPassword: current, newPassword: next });
      setCurrent("");
      setNext("");
      setRepeat("");
      setDone(true);
      await onChanged();
    });
  const field = (label: string, value: string, set: (v: string) => void, auto: string) => (
    <label>
      {label}
      <input
        type="password"
        value={value}
        onChange={(e) => set(e.target.value)}
        required
        autoComplete={auto}
      />
    </label>
  );
  return (
    <form className="card" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t.account.changeTitle}</h2>
      {field(t.account.current, current, setCurrent, "current-password")}
      {field(t.account.next, next, setNext, "new-password")}
      <p className="hint">{t.account.nextHint}</p>
      {field(t.account.repeat, repeat, setRepeat, "new-password")}
      <button type="submit" disabled={busy}>
        {t.account.change}
      </button>
      {done && (
        <p role="status" className="notice">
          {t.account.changed}
        </p>
      )}
      <ErrorText error={error} />
    </form>
  );
}

function TotpEnrolment({ onEnrolled }: { onEnrolled: () => Promise<void> }) {
  const [secret, setSecret] = useState<Reply<"/api/v1/auth/totp", "post">>();
  const [code, setCode] = useState("");
  const [done, setDone] = useState(false);
  const { busy, error, run } = useAction();
  const start = (e: FormEvent) =>
    run(e, async () => setSecret((await call("post", "/api/v1/auth/totp")).data));
  const confirm = (e: FormEvent) =>
    run(e, async () => {
      await api("POST", "/auth/totp/confirm", { code });
      setDone(true);
      setSecret(undefined);
      await onEnrolled();
    });
  return (
    <section className="card" aria-labelledby="totp-title">
      <h2 id="totp-title">{t.account.totpTitle}</h2>
      {done ? (
        <p role="status" className="notice">
          {t.account.totpDone}
        </p>
      ) : secret ? (
        <form onSubmit={confirm}>
          <p>{t.account.totpIntro}</p>
          <dl>
            <dt>{t.account.totpSecret}</dt>
            <dd>
              <code>{secret.secret}</code>
            </dd>
            <dt>{t.account.totpUri}</dt>
            <dd>
              <a href={secret.uri}>{secret.uri}</a>
            </dd>
          </dl>
          <label>
            {t.account.totpCode}
            <input
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              required
              value={code}
              onChange={(e) => setCode(e.target.value.trim())}
            />
          </label>
          <button type="submit" disabled={busy}>
            {t.account.totpConfirm}
          </button>
        </form>
      ) : (
        <form onSubmit={start}>
          <button type="submit" disabled={busy}>
            {t.account.totpStart}
          </button>
        </form>
      )}
      <ErrorText error={error} />
    </section>
  );
}

export function Account() {
  const { user, refresh } = useSession();
  const restricted = user?.restricted;
  return (
    <section aria-labelledby="account-title">
      <ScreenTitle id="account-title">{t.account.title}</ScreenTitle>
      {restricted && (
        <p role="status" className="notice">
          {restricted === "password_change" ? t.account.mustChange : t.account.mustEnrol}
        </p>
      )}
      <div className="two-col">
        {restricted !== "totp_enrolment" && <ChangePassword onChanged={refresh} />}
        {restricted !== "password_change" && <TotpEnrolment onEnrolled={refresh} />}
      </div>
    </section>
  );
}
