// Converting declared sums to euros from a configured rate table. Every conversion names the rate and
// the date it was taken from, so the figure on the declaration can be checked later.
import { InvalidError } from "../shared/errors.js";
import { type RowProblem, readCsv, rejectIfProblems } from "../travel/index.js";

export interface Rate {
  currency: string;
  /** Units of the currency per euro (the ECB's reference rates are quoted this way). */
  perEur: number;
  /** `YYYY-MM-DD`: the day the rate applies from. */
  date: string;
}

export interface RateTable {
  /** The rate for the currency on `date`: the latest one dated on or before it. */
  rateOn(currency: string, date: string): Rate | undefined;
  readonly currencies: readonly string[];
}

/** CSV with a header row and the columns `currency` (ISO 4217), `per_eur` and `date` (YYYY-MM-DD). */
export function parseRateCsv(text: string): Rate[] {
  const rows = readCsv(text, "rate table", ["currency", "per_eur", "date"]);
  const rates: Rate[] = [];
  const problems: RowProblem[] = [];
  for (const row of rows) {
    const currency = row.get("currency").toUpperCase();
    const perEur = Number(row.get("per_eur"));
    const date = row.get("date");
    const issues = [
      row.issue,
      !/^[A-Z]{3}$/.test(currency) && `currency "${row.get("currency")}" is not an ISO 4217 code`,
      !(perEur > 0 && Number.isFinite(perEur)) && `per_eur "${row.get("per_eur")}" is not a positive number`,
      !/^\d{4}-\d{2}-\d{2}$/.test(date) && `date "${date}" is not YYYY-MM-DD`,
    ].filter((p): p is string => typeof p === "string" && p !== "");
    if (issues.length > 0) problems.push({ line: row.line, issues });
    else rates.push({ currency, perEur, date });
  }
  rejectIfProblems("rate table", problems);
  if (rates.length === 0) throw new InvalidError("rate table: no rates");
  return rates;
}

export function createRateTable(rates: readonly Rate[]): RateTable {
  const byCurrency = new Map<string, Rate[]>();
  for (const r of [...rates, { currency: "EUR", perEur: 1, date: "0000-01-01" }]) {
    const list = byCurrency.get(r.currency) ?? [];
    list.push(r);
    byCurrency.set(r.currency, list);
  }
  for (const list of byCurrency.values()) list.sort((a, b) => b.date.localeCompare(a.date));
  return {
    currencies: [...byCurrency.keys()].sort(),
    rateOn: (currency, date) => byCurrency.get(currency)?.find((r) => r.date <= date),
  };
}
