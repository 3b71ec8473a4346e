// A traveller as the booth enters them, by MRZ or by hand, and the manual entry the crossing API takes.
// Shared by the first-line check and the occupants of a vehicle check, so both send the same thing.

export type EntryMode = "mrz" | "manual";

export const EMPTY_MANUAL = {
  surname: "",
  givenNames: "",
  birthDate: "",
  nationality: "",
  number: "",
  issuingCountry: "",
};

export type ManualTraveller = typeof EMPTY_MANUAL;

/** The person and document of a manual entry (POST /crossings `entry`), empty fields left out. */
export function manualEntry(m: ManualTraveller) {
  return {
    person: {
      surname: m.surname,
      givenNames: m.givenNames,
      ...(m.birthDate ? { birthDate: m.birthDate } : {}),
      ...(m.nationality ? { nationality: m.nationality } : {}),
    },
    ...(m.number
      ? { document: { number: m.number, ...(m.issuingCountry ? { issuingCountry: m.issuingCountry } : {}) } }
      : {}),
  };
}
