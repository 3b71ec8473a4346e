// The officer's UI language, chosen at sign-in and kept with the user, so that it follows them to any
// workstation. The list is the UI's locales (web/src/i18n); `en-XA` is the pseudo-locale for layout checks.
import { InvalidError } from "../shared/errors.js";
import type { AccessContext } from "./context.js";
import type { Principal } from "./roles.js";
import * as store from "./store.js";

export const UI_LOCALES = [
  "en",
  "fr",
  "ar",
  "sq",
  "sr-Cyrl",
  "sr-Latn",
  "bs",
  "mk",
  "el",
  "tr",
  "en-XA",
] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

export async function setOwnLocale(ctx: AccessContext, p: Principal, locale: string): Promise<void> {
  if (!(UI_LOCALES as readonly string[]).includes(locale))
    throw new InvalidError(`locale: one of ${UI_LOCALES.join(", ")}`, { locales: UI_LOCALES });
  await store.updateUser(ctx.db.kysely, p.userId, { locale });
  // The principal carries the locale: the next request must see the new one.
  ctx.revoke({ userId: p.userId });
}
