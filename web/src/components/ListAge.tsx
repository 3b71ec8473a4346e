// On a remote post (issue 18): how old the post's lists are, from /sync/status, with the configured
// warning when they are older than the limit or the link to the centre is down. Nothing on the centre.
import { t } from "../i18n";
import { call } from "../lib/api";
import { useApi } from "../lib/useApi";

function ago(seconds: number): string {
  if (seconds < 3600) return t.sync.minutes(Math.max(1, Math.round(seconds / 60)));
  if (seconds < 48 * 3600) return t.sync.hours(Math.round(seconds / 3600));
  return t.sync.days(Math.round(seconds / 86400));
}

export function ListAge() {
  const status = useApi(
    async (signal) => (await call("get", "/api/v1/sync/status", {}, { signal })).data,
    [],
  );
  const s = status.data;
  if (s?.role !== "post" || !s.age) return null;
  const { ageSeconds, warning, warnAfterHours } = s.age;
  return (
    <p className={warning ? "list-age warning" : "list-age"} role={warning ? "alert" : "status"}>
      {ageSeconds === undefined ? t.sync.none : t.sync.from(ago(ageSeconds))}
      {s.connected === false ? ` · ${t.sync.offline}` : ""}
      {warning ? ` · ${t.sync.warn(warnAfterHours)}` : ""}
    </p>
  );
}
