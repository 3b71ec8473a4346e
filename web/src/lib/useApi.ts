// Loading a resource for a screen: loading, error and data, with a reload after a change.
import { useCallback, useEffect, useState } from "react";
import { type ApiError, asApiError } from "./api";

export interface Resource<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
}

export function useApi<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Resource<T> {
  const [state, setState] = useState<{ data?: T; error?: ApiError; loading: boolean }>({ loading: true });
  const [tick, setTick] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the caller names what the load depends on
  useEffect(() => {
    const ctrl = new AbortController();
    setState((s) => ({ ...s, loading: true, error: undefined }));
    load(ctrl.signal).then(
      (data) => setState({ data, loading: false }),
      (err: unknown) => {
        if ((err as Error).name === "AbortError") return;
        const error = asApiError(err);
        setState({ error, loading: false });
      },
    );
    return () => ctrl.abort();
  }, [...deps, tick]);
  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { ...state, reload };
}

/** The current time, ticking: for deadlines that count down on screen. */
export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(id);
  }, [everyMs]);
  return now;
}

/**
 * A form's submit: busy while it runs, the error it ended with (until `clear`), and the default submit
 * prevented.
 */
export function useAction(): {
  busy: boolean;
  error?: ApiError;
  run: (e: { preventDefault(): void }, action: () => Promise<void>) => Promise<void>;
  clear: () => void;
} {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = useCallback(async (e: { preventDefault(): void }, action: () => Promise<void>) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await action();
    } catch (err) {
      setError(asApiError(err));
    } finally {
      setBusy(false);
    }
  }, []);
  const clear = useCallback(() => setError(undefined), []);
  return { busy, ...(error ? { error } : {}), run, clear };
}
