// The legal bases a decision may cite. A deployment replaces this list with its own law (LIMES_LEGAL_BASES
// is not read here: the service takes the list as an option, so the core stays free of configuration).
export const DEFAULT_LEGAL_BASES: readonly string[] = [
  "Schengen Borders Code Art. 8: thorough checks at second line",
  "Schengen Borders Code Art. 14: refusal of entry with a substantiated decision",
  "UNSCR 2368 (2017) para. 1(b): travel ban on ISIL (Da'esh) and Al-Qaida listed individuals",
  "UNSCR 2396 (2017): screening of foreign terrorist fighters",
  "UN sanctions regime travel ban (committee listing)",
  "National aliens act: entry conditions",
  "National customs code: seizure of documents and goods",
  "Interpol SLTD hit: retention of a stolen or lost document",
  "Identity not confirmed: false positive",
];
