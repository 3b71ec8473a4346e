// The agency's crossing points, typed by the generated contract.
import { useEffect, useState } from "react";
import { call } from "./api";
import { useApi } from "./useApi";

export function useCrossingPoints() {
  return useApi(
    async (signal) => (await call("get", "/api/v1/crossing-points", {}, { signal })).data.crossingPoints,
    [],
  );
}

/** The crossing point a form records at: chosen by the officer, or the agency's only one when it has one. */
export function useRecordingPoint() {
  const points = useCrossingPoints();
  const [id, setId] = useState("");
  useEffect(() => {
    const only = points.data?.length === 1 ? points.data[0] : undefined;
    if (only && !id) setId(only.id);
  }, [points.data, id]);
  return { points: points.data, id, setId };
}
