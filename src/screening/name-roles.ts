// Roles that name order gives in a patronymic chain. "Ahmad bin Hasan" is Ahmad, son of Hasan; "Hasan bin
// Ahmad" is his father's name turned round: another person, though every part is shared. Where both
// names spell such a chain, a person's own name never aligns with the other's father's name.
import type { NameToken } from "./tokens.js";

/** Particles that say "child of" between a person's own name and the father's (Arabic, Hebrew, Maghreb). */
const PATRONYMIC_PARTICLES = new Set(["bin", "ibn", "bint", "binti", "bte", "ben", "ould", "walad"]);

export const OWN_NAME = 1;
export const FATHERS_NAME = 2;

/**
 * Per token: OWN_NAME for the name part just before the first patronymic particle, FATHERS_NAME for the
 * one just after, 0 otherwise. Undefined when the name has no such chain with a name on both sides
 * (BIN LADEN, Osama; Laden, Osama bin): a surname moved to the front says nothing about the roles.
 */
export function patronymicRoles(tokens: readonly NameToken[]): Uint8Array | undefined {
  const at = tokens.findIndex((t) => t.kind === "particle" && PATRONYMIC_PARTICLES.has(t.norm));
  if (at < 0) return undefined;
  let own = -1;
  for (let i = at - 1; i >= 0 && own < 0; i--) if (tokens[i]!.kind === "name") own = i;
  let father = -1;
  for (let i = at + 1; i < tokens.length && father < 0; i++) if (tokens[i]!.kind === "name") father = i;
  if (own < 0 || father < 0) return undefined;
  const roles = new Uint8Array(tokens.length);
  roles[own] = OWN_NAME;
  roles[father] = FATHERS_NAME;
  return roles;
}

/** True when aligning these query and candidate tokens would take one's own name for the other's father's. */
export function crossesRoles(
  qRoles: Uint8Array | undefined,
  cRoles: Uint8Array | undefined,
  q: readonly number[],
  c: readonly number[],
): boolean {
  if (!qRoles || !cRoles) return false;
  for (const i of q) {
    for (const j of c) {
      const a = qRoles[i]!;
      const b = cRoles[j]!;
      if (a !== 0 && b !== 0 && a !== b) return true;
    }
  }
  return false;
}
