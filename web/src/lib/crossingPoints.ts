import { api } from "./api";
import { useApi } from "./useApi";

export interface CrossingPoint {
  id: string;
  code: string;
  name: string;
  kind: "land" | "air" | "sea";
  country: string;
}

export function useCrossingPoints() {
  return useApi(
    async (signal) =>
      (await api<{ crossingPoints: CrossingPoint[] }>("GET", "/crossing-points", undefined, { signal })).data
        .crossingPoints,
    [],
  );
}
