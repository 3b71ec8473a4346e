// Paged lists (src/http/paging.ts): the first page loads with the screen, "more" appends the next one
// by its cursor, and the total says how many rows the filter matches on the server.
import { useCallback, useState } from "react";
import { type ApiError, api, asApiError } from "./api";
import { type Resource, useApi } from "./useApi";

export interface Paged<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

/** Loads one page of `path`: the list under `key`, with the total and the next cursor. */
export async function fetchPage<T>(
  path: string,
  key: string,
  query: Record<string, string | undefined>,
  signal?: AbortSignal,
): Promise<Paged<T>> {
  const { data } = await api<Record<string, unknown>>("GET", path, undefined, {
    query,
    ...(signal ? { signal } : {}),
  });
  return {
    items: data[key] as T[],
    total: data.total as number,
    nextCursor: data.nextCursor as string | null,
  };
}

export interface PagedResource<T> extends Resource<Paged<T>> {
  /** Appends the next page; a no-op on the last page. */
  more: () => Promise<void>;
  loadingMore: boolean;
  moreError?: ApiError;
}

/** The first page with the screen's filters (`deps`), and the pages after it on demand. */
export function usePaged<T>(
  path: string,
  key: string,
  query: Record<string, string | undefined>,
  deps: readonly unknown[],
): PagedResource<T> {
  const [extra, setExtra] = useState<{ for?: Paged<T>; pages: Paged<T>[] }>({ pages: [] });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<ApiError>();
  const first = useApi((signal) => fetchPage<T>(path, key, query, signal), deps);
  // Pages loaded after a first page belong to it: new filters start again from the top.
  const pages = first.data && extra.for === first.data ? extra.pages : [];
  const last = pages.at(-1) ?? first.data;
  const more = useCallback(async () => {
    if (!last?.nextCursor || !first.data) return;
    setLoadingMore(true);
    setMoreError(undefined);
    try {
      const next = await fetchPage<T>(path, key, { ...query, cursor: last.nextCursor });
      setExtra({ for: first.data, pages: [...pages, next] });
    } catch (err) {
      setMoreError(asApiError(err));
    } finally {
      setLoadingMore(false);
    }
  }, [last, first.data, pages, path, key, query]);
  const data = first.data && {
    items: [first.data, ...pages].flatMap((p) => p.items),
    total: last?.total ?? first.data.total,
    nextCursor: last?.nextCursor ?? null,
  };
  return { ...first, ...(data ? { data } : {}), more, loadingMore, ...(moreError ? { moreError } : {}) };
}
