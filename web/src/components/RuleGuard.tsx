// The guard's answer while an analyst writes a rule: asked on every change (debounced), so a refused rule
// says why before anyone presses Save.
import { useEffect, useState } from "react";
import { t } from "../i18n";
import { type ApiError, call, type Schemas } from "../lib/api";

type GuardAnswer = Pick<Schemas["GuardVerdict"], "ok" | "reasons">;

/** The guard's answer for the draft (`draftKey`: the draft as JSON), and whether a check is running. */
export function useGuard(draftKey: string): { guard?: GuardAnswer; checking: boolean } {
  const [guard, setGuard] = useState<GuardAnswer>();
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    const ctrl = new AbortController();
    const timer = setTimeout(async () => {
      setChecking(true);
      try {
        const body = { rule: JSON.parse(draftKey) };
        const { data } = await call("post", "/api/v1/rules/check", { body }, { signal: ctrl.signal });
        setGuard(data);
      } catch (err) {
        if ((err as Error).name === "AbortError") return;
        const e = err as ApiError;
        setGuard({ ok: false, reasons: e.reasons.length ? e.reasons : [e.message] });
      } finally {
        setChecking(false);
      }
    }, 250);
    return () => {
      clearTimeout(timer);
      ctrl.abort();
    };
  }, [draftKey]);
  return { guard, checking };
}

export function GuardView({ guard, checking }: { guard?: GuardAnswer; checking: boolean }) {
  return (
    <section
      className={`guard ${guard?.ok ? "guard-ok" : "guard-no"}`}
      aria-live="polite"
      aria-labelledby="guard-title"
    >
      <h3 id="guard-title">
        {t.rules.guard}
        {checking && <span className="muted"> · {t.rules.checking}</span>}
      </h3>
      {guard &&
        (guard.ok ? (
          <p>{t.rules.accepted}</p>
        ) : (
          <>
            <p>{t.rules.rejected}</p>
            <ul data-testid="guard-reasons">
              {guard.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          </>
        ))}
    </section>
  );
}
