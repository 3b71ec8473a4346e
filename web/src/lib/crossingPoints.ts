// The agency's crossing points, typed by the generated contract.
import { call } from "./api";
import { useApi } from "./useApi";

export function useCrossingPoints() {
  return useApi(
    async (signal) => (await call("get", "/api/v1/crossing-points", {}, { signal })).data.crossingPoints,
    [],
  );
}
