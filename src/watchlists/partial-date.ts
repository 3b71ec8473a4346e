// Dates at their real precision (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), as FtM and the CSV list format write them.
import type { BirthDate } from "./model.js";

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** The date if `text` is a valid `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (calendar-checked), else undefined. */
export function partialDate(text: string): string | undefined {
  const m = PARTIAL_DATE.exec(text);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1000) return undefined;
  if (m[2] === undefined) return text;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  if (m[3] === undefined) return text;
  const day = Number(m[3]);
  // Date.UTC rolls 31 April over to 1 May; a round trip catches impossible days.
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? text : undefined;
}

/**
 * A birth date in the CSV list syntax: a partial date or a `YYYY..YYYY` year range, either with a `~`
 * prefix for approximate. Throws an Error whose message is the reason when the text is neither.
 */
export function parseBirthDate(text: string): BirthDate {
  let t = text.trim();
  const approximate = t.startsWith("~");
  if (approximate) t = t.slice(1).trim();
  const range = /^(\d{4})\.\.(\d{4})$/.exec(t);
  if (range) {
    const from = range[1]!;
    const to = range[2]!;
    if (!partialDate(from) || !partialDate(to) || from > to)
      throw new Error(`bad birth date range "${text}"`);
    return approximate ? { kind: "range", from, to, approximate } : { kind: "range", from, to };
  }
  const date = partialDate(t);
  if (!date) throw new Error(`bad birth date "${text}": expected YYYY, YYYY-MM, YYYY-MM-DD or YYYY..YYYY`);
  return approximate ? { kind: "date", date, approximate } : { kind: "date", date };
}
