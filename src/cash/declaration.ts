// A cash declaration at the post (EU Regulation 2018/1672): who carries it, whose it is, what it is by
// currency and kind, where it comes from and what it is for; its total in euros against the threshold.
// Pure: the use case records what this returns.
import { InvalidError } from "../shared/errors.js";
import type { RateTable } from "./rates.js";

/** Art. 2(1)(a): currency, bearer-negotiable instruments, commodities used as stores of value, prepaid cards. */
export const CASH_KINDS = ["currency", "bearer_instrument", "gold", "prepaid_card"] as const;
export type CashKind = (typeof CASH_KINDS)[number];

/** Art. 3(1): sums of EUR 10,000 or more must be declared. Configurable for other regimes. */
export const DEFAULT_THRESHOLD_EUR = 10_000;

export interface CashItem {
  kind: CashKind;
  /** ISO 4217; for gold or instruments, the currency their declared value is expressed in. */
  currency: string;
  amount: number;
}

export interface PricedItem extends CashItem {
  eurCents: number;
  rate: { perEur: number; date: string };
}

export interface Priced {
  items: PricedItem[];
  totalEurCents: number;
  /** Whether the total reaches the threshold: a declaration is then required. */
  reachesThreshold: boolean;
  thresholdEur: number;
}

/** Converts every item on the day given; an unknown currency or a day before any rate is refused. */
export function priceItems(
  items: readonly CashItem[],
  rates: RateTable,
  day: string,
  thresholdEur: number,
): Priced {
  if (items.length === 0) throw new InvalidError("items: at least one sum is needed");
  const priced = items.map((item, i) => {
    if (!(item.amount > 0)) throw new InvalidError(`items[${i}].amount: must be more than 0`, { index: i });
    const rate = rates.rateOn(item.currency.toUpperCase(), day);
    if (!rate)
      throw new InvalidError(
        `items[${i}].currency: no rate for ${item.currency} on ${day} in the rate table`,
        {
          index: i,
          known: rates.currencies,
        },
      );
    return {
      ...item,
      currency: rate.currency,
      eurCents: Math.round((item.amount / rate.perEur) * 100),
      rate: { perEur: rate.perEur, date: rate.date },
    };
  });
  const totalEurCents = priced.reduce((s, p) => s + p.eurCents, 0);
  return {
    items: priced,
    totalEurCents,
    reachesThreshold: totalEurCents >= thresholdEur * 100,
    thresholdEur,
  };
}

export type DetectionFinding = "undeclared" | "incomplete" | "below_threshold" | "as_declared";

/**
 * What a control found against what was declared (Art. 3 and 5): a sum at or above the threshold with no
 * declaration is undeclared; more than was declared is an incomplete declaration. The officer records
 * the finding; retention or seizure is only proposed, for a second person to decide (Art. 7).
 */
export function assessDetection(found: Priced, declaredEurCents: number | null): DetectionFinding {
  if (!found.reachesThreshold) return "below_threshold";
  if (declaredEurCents === null) return "undeclared";
  return found.totalEurCents > declaredEurCents ? "incomplete" : "as_declared";
}
