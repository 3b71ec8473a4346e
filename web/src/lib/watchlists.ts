// The watchlist replies the screens read, from the generated contract (api-schema.ts): a list with its
// live, latest and staged versions, and the state of its import.
import type { Reply } from "./api";

export type WatchlistView = Reply<"/api/v1/watchlists/{id}", "get">;
export type VersionView = NonNullable<WatchlistView["live"]>;
export type StagedView = NonNullable<WatchlistView["staged"]>;
