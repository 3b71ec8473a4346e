// Roles and their permissions, as data. A route or use case asks for a permission, never for a role.

export const ROLES = [
  "first_line",
  "second_line",
  "analyst",
  "watchlist_manager",
  "auditor",
  "protection_officer",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "screen",
  "screening:read",
  "screening:read_details",
  "alerts:review",
  "watchlists:read",
  "watchlists:manage",
  "crossing_points:read",
  "crossing_points:manage",
  "users:manage",
  "audit:read",
  "rules:author",
  "rules:stats",
  "protection:record",
  "protection:read",
  "protection:manage",
  "partners:manage",
  "partners:query",
  "partners:respond",
  "regional:read",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/**
 * - first_line: screens the person in front of them and sees only clear/refer, never list details.
 * - second_line: reviews alerts and sees matches with their explanations.
 * - analyst: reads screenings and lists, authors risk rules and reads their statistics.
 * - watchlist_manager: imports list versions.
 * - auditor: reads the audit log and rule statistics; changes nothing.
 * - protection_officer: reads protection records and tracks referrals (asylum, child protection,
 *   anti-trafficking) to completion. Any officer may record a protection need; few may read them.
 * - admin: manages users and crossing points, but reads no personal data without a second role.
 *   Admins also propose and approve partner agreements (four-eyes: a second admin approves).
 * - partners:query (second line) sends a partner check and a follow-up from an alert; partners:respond
 *   (second line) decides the follow-ups partners send here.
 * - regional:read shows the regional risk-analysis figures (aggregates only); admins export and import
 *   the bundles under partners:manage.
 */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  first_line: ["screen", "crossing_points:read", "protection:record"],
  second_line: [
    "screen",
    "screening:read",
    "screening:read_details",
    "alerts:review",
    "watchlists:read",
    "crossing_points:read",
    "protection:record",
    "protection:read",
    "partners:query",
    "partners:respond",
  ],
  analyst: [
    "screening:read",
    "screening:read_details",
    "watchlists:read",
    "crossing_points:read",
    "rules:author",
    "rules:stats",
    "regional:read",
  ],
  watchlist_manager: ["watchlists:read", "watchlists:manage", "crossing_points:read"],
  auditor: ["audit:read", "rules:stats", "crossing_points:read"],
  protection_officer: ["protection:record", "protection:read", "protection:manage", "crossing_points:read"],
  admin: [
    "users:manage",
    "crossing_points:read",
    "crossing_points:manage",
    "partners:manage",
    "regional:read",
  ],
};

export interface Principal {
  userId: string;
  username: string;
  roles: Role[];
  agency: string;
  crossingPointId?: string;
  tokenId: string;
  /**
   * Set while the session may do one thing only: change a one-time password, or enrol the second factor
   * its role requires. The gate lets it reach only the routes for that (and who-am-I, sign out).
   */
  restricted?: "password_change" | "totp_enrolment";
  /**
   * Set when an analysts' tool (a yente client, OpenRefine) calls with its API key: the client's name and
   * the purpose stated for it. Such a key reaches only the routes made for those tools.
   */
  client?: { name: string; purpose: string };
  /** The UI language the officer chose (web/src/i18n); absent until they choose one. */
  locale?: string;
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function can(p: Pick<Principal, "roles">, permission: Permission): boolean {
  return p.roles.some((r) => ROLE_PERMISSIONS[r].includes(permission));
}
