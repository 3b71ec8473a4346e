// Display helpers, pure so they are tested without a browser.
import { formatDateTime, t } from "../i18n";

/** "2 d 3 h", "45 min", "30 s": the two largest units of a duration. */
export function duration(ms: number): string {
  const s = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return [t.time.days(d), h ? t.time.hours(h) : ""].filter(Boolean).join(" ");
  if (h > 0) return [t.time.hours(h), m ? t.time.minutes(m) : ""].filter(Boolean).join(" ");
  if (m > 0) return t.time.minutes(m);
  return t.time.seconds(s % 60);
}

/** "in 2 h 5 min" or "overdue by 3 min", relative to `now`. */
export function deadline(dueAt: string, now: number): { text: string; overdue: boolean } {
  const left = Date.parse(dueAt) - now;
  return left >= 0
    ? { text: t.alerts.dueIn(duration(left)), overdue: false }
    : { text: t.alerts.overdueBy(duration(-left)), overdue: true };
}

/** Date and time in the officer's locale, without seconds. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return formatDateTime(d);
}

export function fullName(p: { surname?: string | null; givenNames?: string | null }): string {
  return [p.surname?.toUpperCase(), p.givenNames].filter(Boolean).join(", ") || "—";
}

export function score(x: number): string {
  return x.toFixed(2);
}
