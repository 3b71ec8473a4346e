// A smoke check of a screen's accessibility, run in the page (the test's tsconfig has no DOM types, so
// the check is a script): form fields without a label, buttons and links without a name, the number of
// h1 headings, and whether the page scrolls sideways at the current viewport.
import type { Page } from "playwright-core";

export interface A11yReport {
  unlabelled: string[];
  unnamedButtons: string[];
  unnamedLinks: string[];
  h1: number;
  scrollWidth: number;
  viewportWidth: number;
}

const CHECK = `(() => {
  const describe = (el) => el.outerHTML.slice(0, 160);
  const visible = (el) => el.getClientRects().length > 0 || el.type === "file";
  const byIds = (ids) => (ids || "").split(/\\s+/).filter(Boolean).map((id) => document.getElementById(id));
  const labelledBy = (el) => byIds(el.getAttribute("aria-labelledby")).some((l) => l && l.textContent.trim());
  const named = (el) =>
    (el.getAttribute("aria-label") || "").trim() !== "" || labelledBy(el) || (el.title || "").trim() !== "";
  const fields = [...document.querySelectorAll("input, select, textarea")].filter(
    (el) => el.type !== "hidden" && visible(el),
  );
  const unlabelled = fields
    .filter((el) => !named(el) && ![...(el.labels || [])].some((l) => l.textContent.trim()))
    .map(describe);
  const text = (el) => (el.textContent || "").trim() !== "";
  const unnamedButtons = [...document.querySelectorAll("button, [role=button], input[type=submit]")]
    .filter((el) => visible(el) && !named(el) && !text(el) && !(el.value || "").trim())
    .map(describe);
  const unnamedLinks = [...document.querySelectorAll("a[href]")]
    .filter((el) => visible(el) && !named(el) && !text(el))
    .map(describe);
  return {
    unlabelled,
    unnamedButtons,
    unnamedLinks,
    h1: document.querySelectorAll("h1").length,
    scrollWidth: document.documentElement.scrollWidth,
    viewportWidth: window.innerWidth,
  };
})()`;

export function checkA11y(page: Page): Promise<A11yReport> {
  return page.evaluate(CHECK) as Promise<A11yReport>;
}
