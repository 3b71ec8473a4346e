// Which screens a role may open and where it lands after signing in. The server decides what each call
// may do; this only keeps the navigation to what the role can use.

export type ScreenId =
  | "check"
  | "manifests"
  | "vehicles"
  | "firearms"
  | "cash"
  | "cargo"
  | "alerts"
  | "watchlists"
  | "rules"
  | "audit"
  | "overview"
  | "referrals"
  | "partnerRequests"
  | "regional"
  | "users";

export const SCREEN_PATHS: Record<ScreenId, string> = {
  check: "/check",
  manifests: "/manifests",
  vehicles: "/vehicles",
  firearms: "/firearms",
  cash: "/cash",
  cargo: "/cargo",
  alerts: "/alerts",
  watchlists: "/watchlists",
  rules: "/rules",
  audit: "/audit",
  overview: "/overview",
  referrals: "/referrals",
  partnerRequests: "/partner-requests",
  regional: "/regional",
  users: "/users",
};

// Cargo and the checks at the post (vehicles, firearms, cash) need the `screen` permission: first and
// second line.
const ROLE_SCREENS: Record<string, readonly ScreenId[]> = {
  first_line: ["check", "manifests", "cargo", "vehicles", "firearms", "cash"],
  second_line: [
    "alerts",
    "check",
    "manifests",
    "cargo",
    "vehicles",
    "firearms",
    "cash",
    "watchlists",
    "overview",
    "partnerRequests",
  ],
  analyst: ["rules", "overview", "watchlists", "regional"],
  watchlist_manager: ["watchlists"],
  auditor: ["audit", "rules", "overview"],
  protection_officer: ["referrals"],
  admin: ["users", "regional"],
};

const ORDER: readonly ScreenId[] = [
  "check",
  "manifests",
  "vehicles",
  "firearms",
  "cash",
  "cargo",
  "alerts",
  "watchlists",
  "rules",
  "audit",
  "referrals",
  "partnerRequests",
  "overview",
  "regional",
  "users",
];

export function screensFor(roles: readonly string[]): ScreenId[] {
  const allowed = new Set(roles.flatMap((r) => ROLE_SCREENS[r] ?? []));
  return ORDER.filter((s) => allowed.has(s));
}

/** The first role's first screen: a booth officer lands on the check, a reviewer on the queue. */
export function homeFor(roles: readonly string[]): string | undefined {
  for (const r of roles) {
    const first = ROLE_SCREENS[r]?.[0];
    if (first) return SCREEN_PATHS[first];
  }
  return undefined;
}

/** The screen a path belongs to (`/alerts/123` → alerts). */
export function screenOf(path: string): ScreenId | undefined {
  const first = `/${path.split("/")[1] ?? ""}`;
  return ORDER.find((s) => SCREEN_PATHS[s] === first);
}

/** Why the API is called: written to the audit log with every read of personal data. */
export const PURPOSES = {
  check: "border check at first line",
  manifest: "advance screening of a passenger or crew manifest",
  cargo: "advance screening of a cargo manifest",
  review: "second-line review of an alert",
  watchlistSearch: "watchlist entity search by an officer",
  audit: "audit oversight",
  vehicle: "border check of a vehicle and its occupants at a land post",
  firearm: "firearm check at the post",
  cash: "cash control at the post (EU Regulation 2018/1672)",
} as const;

/**
 * Roles that see a screening's list details (screening:read_details in src/access/roles.ts), so may export
 * its matches. Only hides the button: the server refuses the export to any other role.
 */
export function mayExportMatches(roles: readonly string[]): boolean {
  return roles.some((r) => r === "second_line" || r === "analyst");
}
