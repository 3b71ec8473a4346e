// What the booth sends for one crossing, read before anything is screened: a raw MRZ (every check digit
// verified, every repair listed as a warning) or a manual entry from a land post.
import { InvalidError } from "../shared/errors.js";
import { type ManualEntry, parseManualEntry, parseMrz, type Traveller } from "../travel/index.js";

export interface CrossingInput {
  /** A raw MRZ read at the booth, or a manual entry (person, document, vehicle, direction). */
  mrz?: string;
  entry?: unknown;
  direction?: "entry" | "exit";
  crossingPointId?: string;
  purpose: string;
}

export interface CrossingRead {
  entry: ManualEntry;
  /** The person with the presented document first. */
  traveller: Traveller;
  warnings: string[];
  /**
   * Lower case is typed, not scanned: it is read as upper case (the check digits still decide) and
   * flagged here and as the first warning.
   */
  mrzCaseNormalised: boolean;
}

export function readCrossingInput(input: CrossingInput): CrossingRead {
  let entry: ManualEntry;
  const warnings: string[] = [];
  let mrzCaseNormalised = false;
  if (input.mrz) {
    const mrz = parseMrz(input.mrz);
    mrzCaseNormalised = mrz.caseNormalised;
    if (!mrz.valid)
      throw new InvalidError(
        `MRZ check digits failed: ${mrz.failedChecks.join(", ")}`,
        { mrz },
        "mrz_check_failed",
        {
          checks: mrz.failedChecks.join(", "),
        },
      );
    warnings.push(
      ...(mrz.caseNormalised ? ["MRZ was not upper case: read as upper case"] : []),
      ...mrz.warnings,
      ...mrz.corrections.map((c) => `MRZ corrected: ${c.reason} (line ${c.line}, column ${c.column})`),
    );
    const doc = mrz.traveller.documents[0];
    entry = {
      person: mrz.traveller,
      ...(doc ? { document: doc } : {}),
      direction: input.direction ?? "entry",
      crossingPointId: input.crossingPointId ?? "",
    };
  } else if (input.entry !== undefined) {
    entry = parseManualEntry(input.entry);
  } else {
    throw new InvalidError("give either mrz or entry", undefined, "crossing_input_required");
  }
  const doc = entry.document;
  const traveller: Traveller = doc
    ? { ...entry.person, documents: [doc, ...entry.person.documents.filter((d) => d.number !== doc.number)] }
    : entry.person;
  return { entry, traveller, warnings, mrzCaseNormalised };
}
