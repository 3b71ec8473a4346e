// Latin-script words a translation may keep as they are, each with the reason: the "no English left"
// test (locales.test.ts) removes these before it looks for English. Add a term only with its reason;
// `locales` limits a term to the languages where it is their own word too.

const SERBO_CROATIAN = ["sr-Latn", "bs"];

export const LOAN_TERMS: readonly { term: string; reason: string; locales?: readonly string[] }[] = [
  { term: "Limes", reason: "the product's name" },
  { term: "MRZ", reason: "ICAO 9303 abbreviation printed on the document itself" },
  { term: "PAXLST", reason: "UN/EDIFACT message name" },
  { term: "FAL", reason: "IMO FAL forms, named so in every language" },
  { term: "IMO", reason: "International Maritime Organization, an official abbreviation" },
  { term: "OFAC", reason: "name of the US list's publisher" },
  { term: "ISO", reason: "standard's name (country codes)" },
  { term: "UTC", reason: "time standard's abbreviation" },
  { term: "JSON", reason: "data format's name" },
  { term: "all / any / not", reason: "keywords of the rule language, typed as they are" },
  { term: "sdn.csv", reason: "file name the user must choose" },
  { term: "alt.csv", reason: "file name the user must choose" },
  { term: "add.csv", reason: "file name the user must choose" },
  { term: "zip", reason: "archive format's name" },
  { term: "Zip", reason: "archive format's name, at the start of a sentence" },
  { term: "byte", reason: "unit of information, the same word in Greek" },
  { term: "Enter", reason: "label printed on the key" },
  { term: "Esc", reason: "label printed on the key" },
  { term: "OK", reason: "used as is in every language of the region" },
  { term: "non-refoulement", reason: "the legal principle's name, kept in brackets after the translation" },
  { term: "spraying", reason: "attack's name, kept in brackets after the translation for the administrator" },
  { term: "min", reason: "unit symbol (minute)" },
  { term: "h", reason: "unit symbol (hour)" },
  { term: "s", reason: "unit symbol (second)" },
  { term: "d", reason: "unit symbol (day)" },
  {
    term: "Status",
    reason: "the Serbian, Bosnian, Croatian and Montenegrin word too",
    locales: SERBO_CROATIAN,
  },
  {
    term: "Format",
    reason: "the Serbian, Bosnian, Croatian and Montenegrin word too",
    locales: SERBO_CROATIAN,
  },
  {
    term: "Operator",
    reason: "the Serbian, Bosnian, Croatian and Montenegrin word too",
    locales: SERBO_CROATIAN,
  },
  {
    term: "Period",
    reason: "the Serbian, Bosnian, Croatian and Montenegrin word too",
    locales: SERBO_CROATIAN,
  },
  {
    term: "administrator",
    reason: "the Serbian, Bosnian, Croatian and Montenegrin word too",
    locales: SERBO_CROATIAN,
  },
];
