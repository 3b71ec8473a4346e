// The "Show more" button under a paged list: shown while the server has another page.
import { t } from "../i18n";
import type { PagedResource } from "../lib/paging";

export function ShowMore<T>({ list }: { list: PagedResource<T> }) {
  if (!list.data?.nextCursor) return null;
  return (
    <p className="more">
      <button type="button" onClick={() => void list.more()} disabled={list.loadingMore}>
        {list.loadingMore ? t.paging.loadingMore : t.paging.more}
      </button>
      {list.moreError && <span role="alert"> {t.paging.moreFailed}</span>}
    </p>
  );
}
