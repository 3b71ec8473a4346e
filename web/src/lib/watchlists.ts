// The watchlist replies the screens read: a list with its live, latest and staged versions, and the
// state of its import.
import type { StagedView } from "../screens/StagedVersion";

export interface VersionView {
  version: number;
  status: string;
  importedAt: string;
  file: string | null;
  counts: { entities: number; aliases: number; documents: number };
  diff: { added: number; removed: number; changed: number; unchanged: number } | null;
}

export interface WatchlistView {
  id: string;
  name: string;
  format: string;
  latest?: VersionView;
  live?: VersionView;
  staged?: StagedView;
  versions: number;
  import?: { status: string; bytesRead: number; bytesTotal: number; error?: string };
}
