// What an alert asks of the reviewer, and how fast: pure functions over the reasons that opened it.
// The deadlines follow practice: a terrorism-listed match is handled at once (like a SIRENE hit, within
// 15 minutes), everything else within a working shift (12 hours), unless a risk rule asks for more.

export type Priority = "standard" | "high" | "immediate";

/** Minutes to respond, per priority. A deployment may shorten them; it should not lengthen "immediate". */
export const DEFAULT_DEADLINES: Record<Priority, number> = {
  immediate: 15,
  high: 4 * 60,
  standard: 12 * 60,
};

const RANK: Record<Priority, number> = { standard: 0, high: 1, immediate: 2 };

export function higher(a: Priority, b: Priority): Priority {
  return RANK[a] >= RANK[b] ? a : b;
}

/**
 * Counter-terrorism programmes as the lists name them: the UN ISIL (Da'esh) and Al-Qaida regime (1267),
 * OFAC's terrorism programmes (SDGT, SDT, FTO) and national codes that say "terror" in any abbreviation.
 */
const TERRORISM = /al[- ]?qa'?ida|\bisil\b|\bisis\b|da'?esh|terror|\bterr\b|\bsdgt\b|\bsdt\b|\bfto\b/i;

export function isTerrorismProgramme(programme: string): boolean {
  return TERRORISM.test(programme);
}

export interface TriageInput {
  /** Programmes of the listed entities matched at or above the refer threshold. */
  programmes: string[];
  /** Lists those entities come from (`un-sc`, `ofac-sdn`, a national list id). */
  lists: string[];
  documentHits: number;
  rulePriorities: Priority[];
}

export function priorityOf(t: TriageInput): Priority {
  let p: Priority = t.programmes.some(isTerrorismProgramme) ? "immediate" : "standard";
  // A stolen or lost document in hand may leave with its bearer: sooner than a shift.
  if (t.documentHits > 0) p = higher(p, "high");
  for (const r of t.rulePriorities) p = higher(p, r);
  return p;
}

export function dueAt(createdAt: Date, priority: Priority, deadlines = DEFAULT_DEADLINES): string {
  return new Date(createdAt.getTime() + deadlines[priority] * 60_000).toISOString();
}

/** What each source asks the officer to do, in the words a reviewer acts on. */
export function requestedActions(t: TriageInput): string[] {
  const out: string[] = [];
  if (t.lists.includes("un-sc")) {
    out.push(
      "UN Security Council sanctions: travel ban check. Prevent entry or transit unless the person is a national or an exemption applies; verify identity first",
      "UN Security Council sanctions: asset freeze. Report funds or economic resources carried",
    );
  }
  if (t.lists.some((l) => l.startsWith("ofac"))) {
    out.push("OFAC listing: inform the national sanctions authority; US measures bind US persons only");
  }
  const national = t.lists.filter((l) => l !== "un-sc" && !l.startsWith("ofac"));
  if (national.length > 0)
    out.push(`National list (${national.join(", ")}): follow the listing's instructions`);
  if (t.programmes.some(isTerrorismProgramme)) {
    out.push("Terrorism-listed: inform the counter-terrorism unit at once (UNSCR 2396)");
  }
  if (t.documentHits > 0) out.push("Stolen or lost document: seize the document and refer to second line");
  if (t.rulePriorities.length > 0) out.push("Risk rule: second-line interview on the facts the rule names");
  return out;
}
