// Qualifiers beside the name: birth date, nationality, gender, identity documents. Each returns its
// contribution to the score with a reviewer-readable detail. A missing value is neutral; a conflict
// lowers the score; an exact document match is near-conclusive.
import type { BirthDate, IdentityDocument } from "./entity.js";
import type { FeatureContribution } from "./types.js";

export const FEATURE_WEIGHTS = {
  birthExact: 0.08,
  birthYear: 0.05,
  birthInRange: 0.04,
  birthSwap: 0.04,
  birthOtherDay: -0.05,
  birthNextYear: -0.12,
  /** Strong enough that a conflicting birth year takes a perfect name below `refer`. */
  birthConflict: -0.3,
  nationalityMatch: 0.03,
  nationalityConflict: -0.08,
  genderConflict: -0.12,
  documentMatch: 0.35,
  documentNumberOnly: 0.12,
} as const;

/** After a document number + issuing country match the score is at least this: near-conclusive. */
export const DOCUMENT_MATCH_FLOOR = 0.95;

interface PartialDate {
  year: number;
  month?: number;
  day?: number;
}

export function parsePartialDate(s: string | undefined): PartialDate | undefined {
  if (!s) return undefined;
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(s.trim());
  if (!m) return undefined;
  const d: PartialDate = { year: Number(m[1]) };
  if (m[2]) d.month = Number(m[2]);
  if (m[3]) d.day = Number(m[3]);
  return d;
}

type Outcome = FeatureContribution["outcome"];
interface Verdict {
  outcome: Outcome;
  contribution: number;
  detail: string;
}

const RANK: Record<Outcome, number> = { match: 3, partial: 2, missing: 1, mismatch: 0 };

function better(a: Verdict | undefined, b: Verdict): Verdict {
  if (!a) return b;
  if (RANK[b.outcome] !== RANK[a.outcome]) return RANK[b.outcome] > RANK[a.outcome] ? b : a;
  return b.contribution > a.contribution ? b : a;
}

function describe(b: BirthDate): string {
  const approx = b.approximate ? "approx. " : "";
  return b.kind === "date" ? `${approx}${b.date}` : `${approx}${b.from}–${b.to}`;
}

function compareOne(q: PartialDate, qText: string, b: BirthDate): Verdict {
  const tolerance = b.approximate ? 2 : 1;
  const listed = describe(b);
  if (b.kind === "range") {
    const from = Number(b.from.slice(0, 4));
    const to = Number(b.to.slice(0, 4));
    if (q.year >= from && q.year <= to) {
      return {
        outcome: "match",
        contribution: FEATURE_WEIGHTS.birthInRange,
        detail: `${qText} within listed ${listed}`,
      };
    }
    const gap = q.year < from ? from - q.year : q.year - to;
    if (gap <= tolerance)
      return { outcome: "partial", contribution: 0, detail: `${qText} ${gap} year(s) outside ${listed}` };
    return {
      outcome: "mismatch",
      contribution: FEATURE_WEIGHTS.birthConflict,
      detail: `${qText} vs listed ${listed}`,
    };
  }
  const e = parsePartialDate(b.date);
  if (!e) return { outcome: "missing", contribution: 0, detail: `listed date ${b.date} unreadable` };
  const dy = Math.abs(q.year - e.year);
  if (q.day && e.day && q.month && e.month) {
    if (dy === 0 && q.month === e.month && q.day === e.day) {
      return {
        outcome: "match",
        contribution: FEATURE_WEIGHTS.birthExact,
        detail: `${qText} = listed ${listed}`,
      };
    }
    if (dy === 0 && q.month === e.day && q.day === e.month) {
      return {
        outcome: "partial",
        contribution: FEATURE_WEIGHTS.birthSwap,
        detail: `${qText} vs ${listed}: day and month swapped`,
      };
    }
    if (dy === 0)
      return { outcome: "partial", contribution: 0, detail: `${qText} vs ${listed}: same year, other day` };
  } else if (dy === 0) {
    if (q.month && e.month && q.month !== e.month) {
      return { outcome: "partial", contribution: 0, detail: `${qText} vs ${listed}: same year, other month` };
    }
    return {
      outcome: "match",
      contribution: FEATURE_WEIGHTS.birthYear,
      detail: `${qText} vs listed ${listed}: same year`,
    };
  }
  if (dy <= tolerance)
    return {
      outcome: "partial",
      contribution: 0,
      detail: `${qText} vs listed ${listed}: ${dy} year(s) apart`,
    };
  return {
    outcome: "mismatch",
    contribution: FEATURE_WEIGHTS.birthConflict,
    detail: `${qText} vs listed ${listed}`,
  };
}

export function compareBirthDate(query: string | undefined, listed: readonly BirthDate[]): Verdict {
  const q = parsePartialDate(query);
  if (!q || listed.length === 0) {
    return {
      outcome: "missing",
      contribution: 0,
      detail: !q ? "no birth date given" : "no birth date listed",
    };
  }
  let best: Verdict | undefined;
  for (const b of listed) best = better(best, compareOne(q, query!.trim(), b));
  return best!;
}

export function compareNationality(query: readonly string[], listed: readonly string[]): Verdict {
  if (query.length === 0 || listed.length === 0) {
    return {
      outcome: "missing",
      contribution: 0,
      detail: query.length === 0 ? "no nationality given" : "no nationality listed",
    };
  }
  const shared = query.filter((c) => listed.includes(c));
  if (shared.length > 0) {
    return {
      outcome: "match",
      contribution: FEATURE_WEIGHTS.nationalityMatch,
      detail: `${shared.join(", ")} listed`,
    };
  }
  return {
    outcome: "mismatch",
    contribution: FEATURE_WEIGHTS.nationalityConflict,
    detail: `${query.join(", ")} vs listed ${listed.join(", ")}`,
  };
}

export function compareGender(query: string | undefined, listed: string | undefined): Verdict {
  if (!query || !listed)
    return { outcome: "missing", contribution: 0, detail: !query ? "no gender given" : "no gender listed" };
  if (query === listed) return { outcome: "match", contribution: 0, detail: `${query} = listed` };
  return {
    outcome: "mismatch",
    contribution: FEATURE_WEIGHTS.genderConflict,
    detail: `${query} vs listed ${listed}`,
  };
}

/**
 * Document numbers as OCR and officers write them: no spaces or dashes, upper case, and the letters
 * O and I read as the digits 0 and 1 (they are confused on worn documents and by OCR).
 */
export function normaliseDocumentNumber(n: string): string {
  return n
    .toUpperCase()
    .replace(/[\s\-./]/g, "")
    .replace(/O/g, "0")
    .replace(/I/g, "1");
}

export interface QueryDocument {
  number: string;
  country?: string;
}

export function compareDocuments(
  query: readonly QueryDocument[],
  listed: readonly IdentityDocument[],
): Verdict & { conclusive: boolean } {
  if (query.length === 0 || listed.length === 0) {
    return {
      outcome: "missing",
      contribution: 0,
      detail: query.length === 0 ? "no document given" : "no document listed",
      conclusive: false,
    };
  }
  let numberOnly: string | undefined;
  for (const q of query) {
    const qn = normaliseDocumentNumber(q.number);
    if (qn.length < 4) continue;
    for (const d of listed) {
      if (normaliseDocumentNumber(d.number) !== qn) continue;
      if (q.country && d.country && q.country === d.country) {
        return {
          outcome: "match",
          contribution: FEATURE_WEIGHTS.documentMatch,
          detail: `${d.type} ${d.number} issued by ${d.country}: number and country match`,
          conclusive: true,
        };
      }
      numberOnly = `${d.type} ${d.number}${d.country ? ` (${d.country})` : ""}: number matches, country ${q.country && d.country ? "differs" : "unknown"}`;
    }
  }
  if (numberOnly)
    return {
      outcome: "partial",
      contribution: FEATURE_WEIGHTS.documentNumberOnly,
      detail: numberOnly,
      conclusive: false,
    };
  // People hold several documents: a different number is not evidence of a different person.
  return {
    outcome: "missing",
    contribution: 0,
    detail: "no listed document number matches",
    conclusive: false,
  };
}
