// Two-digit years in documents and API messages: the century has to be inferred from what the date is.

/**
 * `YYMMDD` → `YYYY-MM-DD`. Birth dates are in the past, so a year after `today`'s two-digit year is the
 * previous century. Expiry dates are read in this century unless that puts them more than 50 years ahead:
 * no travel document is valid that long, while expired documents (the ICAO visa specimen expires in 1996)
 * are still presented and must keep their real year.
 * Returns undefined when the text is not a real calendar date.
 */
export function sixDigitDate(text: string, kind: "birth" | "expiry", today = new Date()): string | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [, yy, mm, dd] = m as unknown as [string, string, string, string];
  const thisYear = today.getUTCFullYear();
  let year = Math.floor(thisYear / 100) * 100 + Number(yy);
  if (kind === "birth" ? year > thisYear : year > thisYear + 50) year -= 100;
  return calendarDate(year, Number(mm), Number(dd));
}

/** `YYYY-MM-DD` when the parts make a real date. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day)
    return undefined;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** `YYYY-MM-DD` text checked against the calendar; with `partial`, `YYYY-MM` and `YYYY` are kept as they are. */
export function isoDate(text: string, partial: boolean): string | undefined {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return undefined;
  if (m[3]) return calendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!partial) return undefined;
  if (m[2]) return calendarDate(Number(m[1]), Number(m[2]), 1)?.slice(0, 7);
  return m[1];
}
