// UN/EDIFACT CUSCAR (customs cargo report), directories D.95B and D.99B, the core a border post needs:
// BGM, TDT, LOC, NAD, CNI, RFF, GID, PIA, FTX, MEA, EQD, SEL (and SGP, which places a goods item in a
// container). The lexical layer is the PAXLST one (src/travel/edifact.ts): the character set follows the
// UNB syntax identifier (UNOA/UNOB/UNOC), and every fault names its segment number. Segments outside this
// core are kept as warnings, never dropped silently. Only one message per interchange: a CUSCAR is one
// conveyance's report.
import { InvalidError } from "../shared/errors.js";
import { readSegments, type Segment } from "../travel/edifact.js";
import { normaliseImo } from "../vessels/index.js";
import type { CargoManifest, Consignment, GoodsItem, Party, PartyRole } from "./model.js";

const VERSIONS = new Set(["D:95B", "D:99B"]);
const NAD_ROLES: Record<string, PartyRole> = {
  CZ: "consignor",
  CN: "consignee",
  N1: "notify",
  CA: "carrier",
};
const LOADING = new Set(["9", "5"]);
const DISCHARGE = new Set(["11", "12", "8"]);
const TRANSSHIPMENT = "13";
// Segments of the directory that carry nothing screened here; kept quiet because they are routine.
const ROUTINE = new Set([
  "DTM",
  "CNT",
  "TOD",
  "MOA",
  "PCI",
  "DOC",
  "TPL",
  "TMD",
  "HAN",
  "DGS",
  "CTA",
  "COM",
  "CST",
]);

function fail(seg: Segment, reason: string): never {
  throw new InvalidError(`CUSCAR: segment ${seg.number} (line ${seg.line}, ${seg.tag}): ${reason}`, {
    segment: seg.number,
    line: seg.line,
    tag: seg.tag,
  });
}

const el = (seg: Segment, i: number, c = 0) => seg.elements[i]?.[c] ?? "";

/** Parses a CUSCAR interchange (bytes decoded by the UNB syntax identifier, or text). */
export function parseCuscar(input: string | Uint8Array): CargoManifest {
  const segments = readSegments(input);
  const body = envelope(segments);
  const manifest: CargoManifest = { format: "cuscar", consignments: [], warnings: [] };
  let consignment: Consignment | undefined;
  let item: GoodsItem | undefined;
  for (const seg of body) {
    switch (seg.tag) {
      case "BGM":
        if (el(seg, 1)) manifest.reference = el(seg, 1);
        break;
      case "TDT":
        readTdt(seg, manifest);
        break;
      case "CNI":
        consignment = {
          reference: el(seg, 1) || el(seg, 0) || `CNI ${seg.number}`,
          parties: [],
          goods: [],
          containers: [],
          transshipment: [],
          source: `segment ${seg.number}`,
        };
        manifest.consignments.push(consignment);
        item = undefined;
        break;
      case "RFF":
        // A transport document number (BM bill of lading, AWB) names the consignment better than CNI's number.
        if (consignment && ["BM", "AWB", "BH"].includes(el(seg, 0, 0)) && el(seg, 0, 1)) {
          consignment.reference = el(seg, 0, 1);
        }
        break;
      case "LOC":
        if (consignment) readLoc(seg, consignment);
        break;
      case "NAD":
        readNad(seg, manifest, consignment);
        break;
      case "GID":
        if (!consignment) fail(seg, "goods item before any consignment (CNI)");
        item = { description: "", containers: [] };
        if (/^\d+$/.test(el(seg, 1, 0))) item.packages = Number(el(seg, 1, 0));
        consignment.goods.push(item);
        break;
      case "PIA":
        if (!item) fail(seg, "product code before any goods item (GID)");
        for (const c of seg.elements.slice(1))
          if (/^HS$/i.test(c[1] ?? "") && c[0]) item.hsCode = c[0].replace(/\D/g, "");
        break;
      case "FTX":
        if (item && ["AAA", "AAB"].includes(el(seg, 0))) {
          const text = (seg.elements[3] ?? []).filter(Boolean).join(" ");
          item.description = item.description ? `${item.description} ${text}` : text;
        }
        break;
      case "MEA":
        if (item && el(seg, 2, 0) === "KGM" && /^\d+(\.\d+)?$/.test(el(seg, 2, 1)))
          item.grossKg = Number(el(seg, 2, 1));
        break;
      case "EQD":
      case "SGP":
        readEquipment(seg, consignment, item, manifest.warnings);
        break;
      case "SEL":
        break;
      default:
        if (!ROUTINE.has(seg.tag)) manifest.warnings.push(`segment ${seg.number}: ${seg.tag} not read`);
    }
  }
  if (manifest.consignments.length === 0)
    throw new InvalidError("CUSCAR: the message has no consignment (CNI)");
  for (const c of manifest.consignments) {
    if (c.parties.length === 0)
      manifest.warnings.push(`${c.source}: consignment ${c.reference} names no party`);
  }
  return manifest;
}

/** Checks UNB, UNH (CUSCAR D.95B or D.99B), UNT and UNZ and returns the message body. */
function envelope(segments: Segment[]): Segment[] {
  const first = segments[0];
  if (!first) throw new InvalidError("CUSCAR: the file holds no segment");
  let i = 0;
  if (first.tag === "UNB") i++;
  const unh = segments[i];
  if (unh?.tag !== "UNH") throw new InvalidError(`CUSCAR: segment ${unh?.number ?? 1}: UNH expected`);
  const type = unh.elements[1] ?? [];
  if (type[0] !== "CUSCAR") fail(unh, `message type "${type[0] ?? ""}" is not CUSCAR`);
  if (!VERSIONS.has(`${type[1]}:${type[2]}`))
    fail(unh, `directory ${type[1]}:${type[2]} is not D:95B or D:99B`);
  const untAt = segments.findIndex((s) => s.tag === "UNT");
  if (untAt < 0) fail(unh, "message truncated, no UNT closes it");
  const unt = segments[untAt]!;
  const counted = Number(el(unt, 0));
  if (counted !== untAt - i + 1)
    fail(unt, `UNT counts ${el(unt, 0)} segments, the message has ${untAt - i + 1}`);
  const rest = segments.slice(untAt + 1);
  if (first.tag === "UNB" && rest[0]?.tag !== "UNZ") {
    if (rest[0]?.tag === "UNH") fail(rest[0], "one CUSCAR message per interchange");
    fail(rest[0] ?? unt, "interchange truncated, no UNZ closes it");
  }
  if (rest.length > 1) fail(rest[1]!, "segment after UNZ, which closed the interchange");
  const inner = segments.slice(i + 1, untAt);
  const stray = inner.find((s) => /^UN[BHTZGE]$/.test(s.tag));
  if (stray) fail(stray, `${stray.tag} inside the message`);
  return inner;
}

function readTdt(seg: Segment, manifest: CargoManifest): void {
  if (el(seg, 1)) manifest.voyage = el(seg, 1);
  const carrier = el(seg, 4, 3) || el(seg, 4, 0);
  if (carrier) manifest.carrier = carrier;
  // C222: means of transport id, code list, agency, name, nationality. Agency 11 (Lloyd's) ids are IMO numbers.
  const id = el(seg, 7, 0);
  const vessel = manifest.vessel ?? {};
  if (id) {
    if (/^\d{7}$/.test(normaliseImo(id))) vessel.imo = normaliseImo(id);
    else vessel.callSign = id;
  }
  if (el(seg, 7, 3)) vessel.name = el(seg, 7, 3);
  if (el(seg, 7, 4)) vessel.flag = el(seg, 7, 4);
  if (Object.keys(vessel).length > 0) manifest.vessel = vessel;
}

function readLoc(seg: Segment, c: Consignment): void {
  const q = el(seg, 0);
  const place = el(seg, 1, 0) || el(seg, 1, 3);
  if (!place) fail(seg, "location without a place");
  if (LOADING.has(q)) c.placeOfLoading = place;
  else if (DISCHARGE.has(q)) c.placeOfDischarge = place;
  else if (q === TRANSSHIPMENT) c.transshipment.push(place);
}

function readNad(seg: Segment, manifest: CargoManifest, c: Consignment | undefined): void {
  const role = NAD_ROLES[el(seg, 0)];
  if (!role) return;
  // C080 party name, else the unstructured C058 name and address.
  const name =
    (seg.elements[3] ?? []).filter(Boolean).join(" ") || (seg.elements[2] ?? []).filter(Boolean).join(" ");
  if (!name) fail(seg, `${role} without a name`);
  const party: Party = { role, name };
  if (/^[A-Z]{2}$/.test(el(seg, 8))) party.country = el(seg, 8);
  if (c) c.parties.push(party);
  else if (role === "carrier") manifest.carrier = name;
}

function readEquipment(
  seg: Segment,
  c: Consignment | undefined,
  item: GoodsItem | undefined,
  warnings: string[],
) {
  // EQD+CN+number: CN is a container; SGP+number places the current goods item in it.
  const number = seg.tag === "EQD" ? (el(seg, 0) === "CN" ? el(seg, 1, 0) : "") : el(seg, 0, 0);
  if (!number) return;
  if (!c) {
    warnings.push(`segment ${seg.number}: container ${number} outside a consignment not read`);
    return;
  }
  if (!c.containers.includes(number)) c.containers.push(number);
  if (item && !item.containers.includes(number)) item.containers.push(number);
}
