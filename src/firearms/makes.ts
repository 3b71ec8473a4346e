// Makes of firearms under their several names. Reference data, not tuning: each group is one maker (or
// one pattern of makers) as its own history and the standard references name it; the source is given.
// A serial is unique only within a maker, so the make decides whether a serial hit is the same weapon.

interface MakeGroup {
  canonical: string;
  names: readonly string[];
  source: string;
}

export const MAKE_SYNONYMS: readonly MakeGroup[] = [
  {
    canonical: "Zastava Arms",
    names: ["Zastava", "Zastava Oruzje", "Crvena Zastava", "Zavodi Crvena Zastava", "ZCZ", "Kragujevac"],
    source:
      "Zastava Arms (Kragujevac, Serbia): the Yugoslav state factory Zavodi Crvena Zastava until 1992; Wikipedia, 'Zastava Arms'",
  },
  {
    canonical: "Kalashnikov Concern",
    names: ["Kalashnikov", "Izhmash", "Izhevsk Mechanical Plant", "Izhevsky Mekhanichesky Zavod", "IZH"],
    source: "Izhmash renamed Kalashnikov Concern in 2013; Wikipedia, 'Kalashnikov Concern'",
  },
  {
    canonical: "Arsenal (Bulgaria)",
    names: ["Arsenal", "Arsenal JSCo", "Arsenal AD", "Factory 10"],
    source: "Arsenal AD, Kazanlak, Bulgaria, marked with 10 in a double circle; Wikipedia, 'Arsenal AD'",
  },
  {
    canonical: "Cugir",
    names: ["Cugir", "Uzina Mecanica Cugir", "UM Cugir", "Cugir Arms Factory"],
    source:
      "Uzina Mecanică Cugir, Romania, maker of the PM md. 63/65 and md. 90; Wikipedia, 'Uzina Mecanică Cugir'",
  },
  {
    canonical: "FEG",
    names: ["FEG", "Fegyver- es Gepgyar", "Fegyver es Gazkeszulekgyar", "Femaru Fegyver es Gepgyar"],
    source: "Fegyver- és Gépgyár, Budapest, Hungary, maker of the AMD-65; Wikipedia, 'Fegyver- és Gépgyár'",
  },
  {
    canonical: "Norinco",
    names: [
      "Norinco",
      "China North Industries",
      "China North Industries Corporation",
      "China North Industries Group",
    ],
    source: "China North Industries Group Corporation, maker of the Type 56; Wikipedia, 'Norinco'",
  },
  {
    canonical: "Ceska zbrojovka",
    names: ["CZ", "Ceska zbrojovka", "Ceska zbrojovka Uhersky Brod", "CZUB"],
    source:
      "Česká zbrojovka Uherský Brod, Czech Republic, maker of the vz. 58; Wikipedia, 'Česká zbrojovka Uherský Brod'",
  },
  {
    canonical: "Glock",
    names: ["Glock", "Glock GmbH", "Glock Ges.m.b.H."],
    source: "Glock Ges.m.b.H., Deutsch-Wagram, Austria; Wikipedia, 'Glock Ges.m.b.H.'",
  },
];

/** Lower case, diacritics, punctuation and legal forms like GmbH and AD dropped, so spellings compare. */
function makeToken(name: string): string {
  return name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, " ")
    .replace(/\b(gmbh|ges m b h|jsco|ad|corporation|group)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const CANONICAL = new Map<string, string>();
for (const g of MAKE_SYNONYMS)
  for (const n of [g.canonical, ...g.names]) CANONICAL.set(makeToken(n), g.canonical);

/** The make's canonical name when it is a known synonym, else the make as written, normalised. */
export function canonicalMake(name: string): string {
  const token = makeToken(name);
  return CANONICAL.get(token) ?? token;
}

/** Whether two makes name the same maker; undefined when either is not given. */
export function sameMake(a: string | undefined, b: string | undefined): boolean | undefined {
  if (!a?.trim() || !b?.trim()) return undefined;
  return canonicalMake(a) === canonicalMake(b);
}
