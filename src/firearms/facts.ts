// The goods facts of a firearm check, for risk rules (src/rules/goods.ts). Pure.
import type { GoodsFacts } from "../rules/index.js";
import type { FirearmHit } from "./search.js";
import { serialText } from "./serial.js";

export function firearmFacts(
  input: { serial: string; type?: string; markings?: { serialCondition?: string } },
  hits: readonly FirearmHit[],
): GoodsFacts {
  const unreadable = [...serialText(input.serial)].filter((c) => c === "?").length;
  const condition = input.markings?.serialCondition;
  const facts: GoodsFacts = {
    "firearm.listed": hits.length > 0,
    "firearm.listedStatus": [...new Set(hits.map((h) => h.record.status))],
    "firearm.serialObliterated":
      unreadable > 0 || condition === "partly_obliterated" || condition === "obliterated",
    "firearm.unreadableCharacters": unreadable,
  };
  if (input.type?.trim()) facts["firearm.type"] = input.type.trim().toLowerCase();
  return facts;
}
