// A traveller identity for redress and protection: document, name and birth date together, so that a
// clearance recorded for one person never carries over to another who shares a name or a passport
// number. Hashed, because the key is an index column and must not be a second copy of personal data.
import { createHash } from "node:crypto";
import type { Traveller } from "./model.js";
import { normaliseDocNumber } from "./sltd.js";

function nameKey(t: Pick<Traveller, "surname" | "givenNames">): string {
  // Case, accents, punctuation and spacing vary between a document read and a manifest of the same person.
  return `${t.surname} ${t.givenNames}`
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toUpperCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** The stable key of one traveller identity: primary document (number and issuer), name and birth date. */
export function identityKey(
  t: Pick<Traveller, "surname" | "givenNames" | "birthDate" | "documents">,
): string {
  const doc = t.documents[0];
  const canonical = [
    doc ? `${doc.issuingCountry ?? ""}:${normaliseDocNumber(doc.number)}` : "",
    nameKey(t),
    t.birthDate ?? "",
  ].join("|");
  return createHash("sha256").update(canonical).digest("hex");
}

/**
 * The key of a person whatever document they carry: name and full birth date, hashed. The protection bar
 * binds to it so that it holds when someone recorded without a document later crosses with one. Without
 * a full birth date there is none: a name alone, or with a year, would bind strangers.
 */
export function personKey(t: Pick<Traveller, "surname" | "givenNames" | "birthDate">): string | undefined {
  if (!t.birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(t.birthDate)) return undefined;
  return createHash("sha256")
    .update(`person|${nameKey(t)}|${t.birthDate}`)
    .digest("hex");
}
