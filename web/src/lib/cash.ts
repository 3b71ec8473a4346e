// The cash form's plain parts, tested without a browser: the sums as typed, what is wrong with them before
// anything is sent, the parties as the API takes them, and euro cents as text.
import { t } from "../i18n";
import { pathsApiV1CashDeclarationsPostRequestBodyContentApplicationJsonItemsKindValues as KINDS } from "./api-schema";

/** The kinds the API accepts (Art. 2(1)(a) of the Regulation), from its contract. */
export const CASH_KINDS = KINDS;
export type CashKind = (typeof KINDS)[number];

export interface ItemRow {
  key: number;
  kind: CashKind;
  currency: string;
  amount: string;
}

let nextKey = 1;
export const newItem = (): ItemRow => ({ key: nextKey++, kind: "currency", currency: "EUR", amount: "" });

export const EMPTY_PARTY = { name: "", birthDate: "", nationality: "", documentNumber: "" };
export type PartyForm = typeof EMPTY_PARTY;

/**
 * The first fault of the sums, worded for the officer: an amount that is not a positive number, or a
 * currency that is not three letters. Whether the rate table knows the currency is the server's to say.
 */
export function itemsProblem(items: readonly ItemRow[]): string | undefined {
  for (const [i, item] of items.entries()) {
    const amount = Number(item.amount.replace(",", "."));
    if (!item.amount.trim() || !Number.isFinite(amount) || amount <= 0) return t.cash.badAmount(i + 1);
    if (!/^[A-Za-z]{3}$/.test(item.currency.trim())) return t.cash.badCurrency(i + 1);
  }
  return undefined;
}

export function itemsBody(items: readonly ItemRow[]) {
  return items.map((i) => ({
    kind: i.kind,
    currency: i.currency.trim().toUpperCase(),
    amount: Number(i.amount.replace(",", ".")),
  }));
}

/** A party as the API takes it, or nothing when no name was given. */
export function partyBody(p: PartyForm) {
  if (!p.name.trim()) return undefined;
  return Object.fromEntries(
    Object.entries(p)
      .map(([k, v]) => [k, v.trim()] as const)
      .filter(([, v]) => v !== ""),
  ) as { name: string; birthDate?: string; nationality?: string; documentNumber?: string };
}

/** Euro cents as a sum in the officer's locale: 1027273 → "10,272.73". */
export function euros(cents: number, locale?: string): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
    cents / 100,
  );
}
