// The sums of a cash record, one row each: kind (cash, bearer instrument, gold, prepaid card), currency
// and amount. Gold and instruments are declared at a value in a currency, as the Regulation's form asks.
import { t } from "../../i18n";
import { CASH_KINDS, type CashKind, type ItemRow, newItem } from "../../lib/cash";

export function CashItems({ items, onChange }: { items: ItemRow[]; onChange: (next: ItemRow[]) => void }) {
  const update = (key: number, patch: Partial<ItemRow>) =>
    onChange(items.map((i) => (i.key === key ? { ...i, ...patch } : i)));
  return (
    <fieldset>
      <legend>{t.cash.items}</legend>
      {items.map((item, n) => (
        <div key={item.key} className="fields inline cash-item" data-testid="cash-item">
          <label>
            {t.cash.kind}
            <select
              value={item.kind}
              onChange={(e) => update(item.key, { kind: e.target.value as CashKind })}
            >
              {CASH_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t.cash.kinds[k] ?? k}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t.cash.currency}
            <input
              value={item.currency}
              onChange={(e) => update(item.key, { currency: e.target.value.toUpperCase() })}
              maxLength={3}
              size={4}
              autoComplete="off"
              spellCheck={false}
              dir="ltr"
            />
          </label>
          <label>
            {t.cash.amount}
            <input
              value={item.amount}
              onChange={(e) => update(item.key, { amount: e.target.value })}
              inputMode="decimal"
              autoComplete="off"
              dir="ltr"
            />
          </label>
          {items.length > 1 && (
            <button
              type="button"
              className="secondary"
              onClick={() => onChange(items.filter((i) => i.key !== item.key))}
            >
              {t.cash.removeItem(n + 1)}
            </button>
          )}
        </div>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...items, newItem()])}>
        {t.cash.addItem}
      </button>
    </fieldset>
  );
}
