import { describe, expect, it } from "vitest";
import { euros, type ItemRow, itemsBody, itemsProblem, partyBody } from "./cash";

const row = (amount: string, currency = "EUR"): ItemRow => ({ key: 1, kind: "currency", currency, amount });

describe("the cash form's sums", () => {
  it("refuses a negative, zero, empty or non-numeric amount, naming the sum", () => {
    expect(itemsProblem([row("100"), row("-5")])).toBe("Sum 2: the amount must be a number more than 0.");
    expect(itemsProblem([row("0")])).toBe("Sum 1: the amount must be a number more than 0.");
    expect(itemsProblem([row("")])).toBe("Sum 1: the amount must be a number more than 0.");
    expect(itemsProblem([row("12a")])).toBe("Sum 1: the amount must be a number more than 0.");
  });

  it("refuses a currency that is not three letters, and leaves known currencies to the server", () => {
    expect(itemsProblem([row("10", "US$")])).toMatch(/^Sum 1: the currency must be a three-letter/);
    expect(itemsProblem([row("10", "xyz"), row("2,5", "usd")])).toBeUndefined();
  });

  it("sends upper-case currencies and decimal commas as numbers", () => {
    expect(itemsBody([row("2,5", "usd")])).toEqual([{ kind: "currency", currency: "USD", amount: 2.5 }]);
  });

  it("sends a party only with a name, and without its empty fields", () => {
    expect(partyBody({ name: " ", birthDate: "1980", nationality: "", documentNumber: "" })).toBeUndefined();
    expect(partyBody({ name: "A B", birthDate: "", nationality: "RS ", documentNumber: "" })).toEqual({
      name: "A B",
      nationality: "RS",
    });
  });

  it("writes euro cents with two decimals", () => {
    expect(euros(1027273, "en")).toBe("10,272.73");
    expect(euros(100, "en")).toBe("1.00");
  });
});
