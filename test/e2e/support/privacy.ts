// What a page leaves behind: every address it showed and every request it sent, so a test can assert
// that no traveller's name or document number ever reached a URL (browser history, server logs,
// proxies), and what it kept in storage.
import type { Page } from "playwright-core";

export interface PrivacyWatch {
  /** Page addresses and request URLs seen so far, decoded. */
  urls: string[];
}

export function watchPrivacy(page: Page): PrivacyWatch {
  const urls: string[] = [];
  const add = (url: string) => {
    let decoded = url;
    try {
      decoded = decodeURIComponent(url.replace(/\+/g, " "));
    } catch {
      // A malformed escape is kept as sent: the raw form is still searched.
    }
    urls.push(url, decoded);
  };
  page.on("framenavigated", (frame) => {
    if (frame === page.mainFrame()) add(frame.url());
  });
  page.on("request", (req) => add(req.url()));
  return { urls };
}

/** The URLs that mention any of `secrets` (case-insensitive). */
export function urlsLeaking(watch: PrivacyWatch, secrets: readonly string[]): string[] {
  const lower = secrets.map((s) => s.toLowerCase());
  return [...new Set(watch.urls.filter((u) => lower.some((s) => u.toLowerCase().includes(s))))];
}

/** What the page keeps in the browser: only the session token belongs there. */
export async function storageOf(page: Page): Promise<{ session: string[]; local: string[] }> {
  return page.evaluate("({ session: Object.keys(sessionStorage), local: Object.keys(localStorage) })");
}
