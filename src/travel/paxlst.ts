// UN/EDIFACT PAXLST (Advance Passenger Information, WCO/IATA/ICAO guidelines) → Manifest.
import { InvalidError } from "../shared/errors.js";
import { calendarDate, isoDate, sixDigitDate } from "./dates.js";
import { readSegments, type Segment, segmentError } from "./edifact.js";
import {
  countryOrText,
  type Leg,
  type LegEnd,
  type Manifest,
  type TravelDocument,
  type Traveller,
  type TravellerRole,
} from "./model.js";

const ROLES: Record<string, TravellerRole> = {
  FL: "passenger",
  FM: "crew",
  // In-transit crew (DDT) and passengers (DDU) do not enter; both are screened as transit.
  DDT: "transit",
  DDU: "transit",
};

// Segments of the PAXLST directory that carry nothing Limes screens on; they are skipped quietly.
const IGNORED = new Set(["COM", "FTX", "GEI", "EMP", "CPI", "QTY", "MEA", "ERC"]);

// CNT qualifiers: total number of crew (41) and of passengers (42) in the message.
const COUNTED: Record<string, Manifest["listType"]> = { "41": "crew", "42": "passengers" };

/**
 * Parses a PAXLST interchange holding one message, the usual upload. Throws InvalidError (segment number
 * and reason) when it is malformed, and when it holds several messages: those are separate manifests
 * (for example a passenger and a crew list), read with `parsePaxlstInterchange`.
 */
export function parsePaxlst(input: string | Uint8Array): Manifest {
  const manifests = parsePaxlstInterchange(input);
  if (manifests.length > 1) {
    throw new InvalidError(
      `the interchange holds ${manifests.length} PAXLST messages; send one message (one manifest) at a time`,
      undefined,
      "paxlst_several_messages",
      { count: manifests.length },
    );
  }
  return manifests[0]!;
}

interface Message {
  unh?: Segment;
  body: Segment[];
}

/**
 * Parses a PAXLST interchange into one manifest per message (UNH … UNT). The envelope is checked: an
 * interchange, group or message that is opened but not closed was cut off and is rejected; a count that
 * does not match (UNT, UNE, UNZ) is a warning. A bare message without UNB/UNH is read as one message.
 */
export function parsePaxlstInterchange(input: string | Uint8Array): Manifest[] {
  const segments = readSegments(input);
  const enveloped = segments.some((seg) => /^UN[BGHTEZ]$/.test(seg.tag));
  const messages: { message: Message; unt?: Segment }[] = [];
  const envelopeWarnings: string[] = [];
  let unb: Segment | undefined;
  let ung: Segment | undefined;
  let unz: Segment | undefined;
  let current: Message | undefined;
  let groups = 0;
  let inGroup = 0;
  const closeMessage = (where: Segment) => {
    if (current?.unh) fail(current.unh, `message truncated, no UNT closes it before ${where.tag}`);
  };
  for (const seg of segments) {
    if (unz) fail(seg, "segment after UNZ, which closed the interchange");
    switch (seg.tag) {
      case "UNB":
        if (unb || messages.length > 0 || current) fail(seg, "UNB must open the interchange");
        unb = seg;
        break;
      case "UNG":
        closeMessage(seg);
        if (ung) fail(ung, "group truncated, no UNE closes it");
        ung = seg;
        groups++;
        inGroup = 0;
        break;
      case "UNE":
        closeMessage(seg);
        if (!ung) fail(seg, "UNE without a UNG");
        checkCount(seg, inGroup, "messages in the group", envelopeWarnings);
        ung = undefined;
        break;
      case "UNZ":
        closeMessage(seg);
        if (!unb) fail(seg, "UNZ without a UNB");
        if (ung) fail(ung, "group truncated, no UNE closes it");
        checkCount(
          seg,
          groups > 0 ? groups : messages.length,
          groups > 0 ? "groups" : "messages",
          envelopeWarnings,
        );
        unz = seg;
        break;
      case "UNH": {
        closeMessage(seg);
        const type = seg.elements[1]?.[0] ?? "";
        if (type !== "PAXLST") fail(seg, `message type "${type}" is not PAXLST`);
        current = { unh: seg, body: [] };
        inGroup++;
        break;
      }
      case "UNT":
        if (!current?.unh) fail(seg, "UNT without a UNH");
        messages.push({ message: current, unt: seg });
        current = undefined;
        break;
      default:
        if (!current && enveloped) fail(seg, `${seg.tag} outside a message (UNH … UNT)`);
        current ??= { body: [] };
        current.body.push(seg);
    }
  }
  if (current?.unh) fail(current.unh, "message truncated, no UNT closes it");
  if (current) messages.push({ message: current });
  if (ung) fail(ung, "group truncated, no UNE closes it");
  if (unb && !unz) fail(unb, "interchange truncated, no UNZ closes it");
  if (messages.length === 0)
    throw new InvalidError("the interchange holds no PAXLST message", undefined, "paxlst_no_message");
  return messages.map(({ message, unt }) => {
    const manifest = readMessage(message, unt);
    manifest.warnings.push(...envelopeWarnings);
    return manifest;
  });
}

function checkCount(seg: Segment, actual: number, what: string, warnings: string[]): void {
  const declared = seg.elements[0]?.[0] ?? "";
  if (Number(declared) !== actual) {
    warnings.push(`${seg.tag} declares ${declared || "no"} ${what}, the interchange has ${actual}`);
  }
}

function readMessage({ unh, body }: Message, unt: Segment | undefined): Manifest {
  const manifest: Manifest = { kind: "flight", legs: [], listType: "passengers", persons: [], warnings: [] };
  const ctx: Context = { manifest, leg: undefined, pendingLoc: undefined, person: undefined, doc: undefined };
  for (const seg of body) {
    if (!IGNORED.has(seg.tag)) apply(seg, ctx);
  }
  flushLoc(ctx);
  if (!body.some((seg) => seg.tag === "BGM"))
    manifest.warnings.push("no BGM segment: read as a passenger list");
  if (unh && unt) {
    const declared = unt.elements[0]?.[0];
    const actual = unt.number - unh.number + 1;
    if (Number(declared) !== actual) {
      manifest.warnings.push(`UNT declares ${declared} segments, the message has ${actual}`);
    }
    const ref = unh.elements[0]?.[0];
    if (unt.elements[1]?.[0] !== ref) {
      manifest.warnings.push(
        `UNT reference "${unt.elements[1]?.[0] ?? ""}" does not match UNH reference "${ref}"`,
      );
    }
  }
  if (manifest.declaredCount !== undefined && manifest.declaredCount !== manifest.persons.length) {
    manifest.warnings.push(
      `CNT declares ${manifest.declaredCount} persons, ${manifest.persons.length} were found in the message`,
    );
  }
  // The last leg is the one that reaches the reporting country (LOC 125/87), so it names the manifest.
  const main = manifest.legs.findLast((l) => l.number);
  if (main?.number) manifest.number = main.number;
  return manifest;
}

interface Context {
  manifest: Manifest;
  leg: Leg | undefined;
  /** A routing LOC+92 waits for its DTM to say whether it is a departure (189) or an arrival (232). */
  pendingLoc: LegEnd | undefined;
  person: Traveller | undefined;
  doc: TravelDocument | undefined;
}

/** Component `c` of element `i`, or "" when the segment has none. */
function field(seg: Segment, i: number, c = 0): string {
  return seg.elements[i]?.[c] ?? "";
}

/**
 * The state machine: each segment updates the manifest, the current leg, person and document. The
 * segments that carry more than a field or two have a handler of their own below.
 */
function apply(seg: Segment, ctx: Context): void {
  const el = (i: number, c = 0): string => field(seg, i, c);
  switch (seg.tag) {
    case "BGM":
      bgm(seg, ctx);
      return;
    case "RFF":
      if (ctx.person) {
        ctx.person.references ??= [];
        ctx.person.references.push({ qualifier: el(0), value: el(0, 1) });
      }
      return;
    case "TDT":
      tdt(seg, ctx);
      return;
    case "NAD":
      nad(seg, ctx);
      return;
    case "ATT":
      if (ctx.person && el(0) === "2") {
        const g = el(2, 0);
        if (g === "M") ctx.person.gender = "male";
        else if (g === "F") ctx.person.gender = "female";
        else if (g === "X") ctx.person.gender = "other";
      }
      return;
    case "NAT":
      if (ctx.person) {
        const nat = countryOrText(el(1));
        if (nat) ctx.person.nationality = nat;
      }
      return;
    case "DOC":
      doc(seg, ctx);
      return;
    case "DTM":
      dtm(seg, ctx);
      return;
    case "LOC":
      loc(seg, ctx);
      return;
    case "CNT":
      cnt(seg, ctx);
      return;
    default:
      warn(seg, ctx, `unknown segment ${seg.tag} ignored`);
  }
}

function bgm(seg: Segment, { manifest }: Context): void {
  const code = field(seg, 0);
  if (code === "745") manifest.listType = "passengers";
  else if (code === "250") manifest.listType = "crew";
  else fail(seg, `document name code "${code}" is neither 745 (passengers) nor 250 (crew)`);
}

function tdt(seg: Segment, ctx: Context): void {
  const { manifest } = ctx;
  flushLoc(ctx);
  ctx.leg = field(seg, 1) ? { number: field(seg, 1) } : {};
  manifest.legs.push(ctx.leg);
  const carrier = field(seg, 4) || field(seg, 1).replace(/\d.*$/, "");
  if (carrier) manifest.carrier = carrier;
  const mode = field(seg, 2);
  manifest.kind = mode === "1" ? "voyage" : mode === "3" ? "bus" : "flight";
}

function nad(seg: Segment, ctx: Context): void {
  const qualifier = field(seg, 0);
  const role = ROLES[qualifier];
  if (qualifier === "MS") return;
  if (!role) {
    warn(seg, ctx, `NAD party qualifier "${qualifier}" is not a traveller; ignored`);
    return;
  }
  flushLoc(ctx);
  const [surname, ...given] = seg.elements[3] ?? [];
  if (!surname) fail(seg, `NAD+${qualifier} has no surname`);
  ctx.person = { surname, givenNames: given.filter(Boolean).join(" "), role, documents: [] };
  ctx.doc = undefined;
  ctx.manifest.persons.push(ctx.person);
}

function doc(seg: Segment, ctx: Context): void {
  if (!ctx.person) fail(seg, "DOC before any traveller (NAD)");
  ctx.doc = { number: field(seg, 1) };
  if (field(seg, 0)) ctx.doc.type = field(seg, 0);
  if (!ctx.doc.number) fail(seg, "DOC has no document number");
  ctx.person.documents.push(ctx.doc);
}

function cnt(seg: Segment, ctx: Context): void {
  const { manifest } = ctx;
  const qualifier = field(seg, 0);
  // Some senders put the count in its own element (CNT+41+8) instead of a component (CNT+41:8).
  const value = field(seg, 0, 1) || field(seg, 1);
  if (!/^\d+$/.test(value)) fail(seg, `control total "${value}" is not a number`);
  const counted = COUNTED[qualifier];
  if (!counted) {
    warn(seg, ctx, `CNT qualifier "${qualifier}" is not 41 (crew) or 42 (passengers); ignored`);
    return;
  }
  if (counted !== manifest.listType) {
    warn(seg, ctx, `CNT+${qualifier} counts ${counted}, but BGM makes this a list of ${manifest.listType}`);
  }
  manifest.declaredCount = Number(value);
}

function dtm(seg: Segment, ctx: Context): void {
  const [qualifier = "", value = "", format = ""] = seg.elements[0] ?? [];
  if (qualifier === "189" || qualifier === "232") {
    const time = dateTime(value, format);
    if (!time) fail(seg, `date/time "${value}" is not valid`);
    const end = ctx.pendingLoc ?? (qualifier === "189" ? ctx.leg?.departure : ctx.leg?.arrival);
    if (!end || !ctx.leg) return;
    end.time = time;
    if (ctx.pendingLoc) {
      if (qualifier === "189") ctx.leg.departure = end;
      else ctx.leg.arrival = end;
      ctx.pendingLoc = undefined;
    }
    return;
  }
  if (!ctx.person) return;
  if (qualifier === "329") {
    const birth = format === "102" ? ccyymmdd(value) : sixDigitDate(value, "birth");
    if (!birth) fail(seg, `birth date "${value}" is not valid`);
    ctx.person.birthDate = birth;
  } else if (qualifier === "36" && ctx.doc) {
    const expiry = format === "102" ? ccyymmdd(value) : sixDigitDate(value, "expiry");
    if (!expiry) fail(seg, `expiry date "${value}" is not valid`);
    ctx.doc.expiry = expiry;
  }
}

function loc(seg: Segment, ctx: Context): void {
  const qualifier = seg.elements[0]?.[0] ?? "";
  // The place is a code (IATA airport, ISO country) or, for places of birth, a name in the 4th component.
  const place = seg.elements[1]?.[0] || seg.elements[1]?.[3] || "";
  if (!place) return;
  const person = ctx.person;
  if (person) {
    if (qualifier === "178") person.embarkation = place;
    else if (qualifier === "179") person.disembarkation = place;
    else if (qualifier === "174") person.residence = countryOrText(place)!;
    else if (qualifier === "180") person.placeOfBirth = place;
    else if (qualifier === "91" && ctx.doc) ctx.doc.issuingCountry = countryOrText(place)!;
    return;
  }
  if (!ctx.leg) return;
  flushLoc(ctx);
  if (qualifier === "125") ctx.leg.departure = { location: place };
  else if (qualifier === "87") ctx.leg.arrival = { location: place };
  else if (qualifier === "92") ctx.pendingLoc = { location: place };
}

/** A routing LOC with no DTM after it: the first one on a leg departs, the next one arrives. */
function flushLoc(ctx: Context): void {
  if (!ctx.pendingLoc || !ctx.leg) return;
  if (!ctx.leg.departure) ctx.leg.departure = ctx.pendingLoc;
  else ctx.leg.arrival = ctx.pendingLoc;
  ctx.pendingLoc = undefined;
}

/** DTM format 201 `YYMMDDHHMM`, 203 `CCYYMMDDHHMM` or 102 `CCYYMMDD` → ISO local date-time. */
function dateTime(value: string, format: string): string | undefined {
  const full = format === "203" || format === "102" || value.length === 12 || value.length === 8;
  const m = (full ? /^(\d{4})(\d{2})(\d{2})(\d{2})?(\d{2})?$/ : /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/).exec(
    value,
  );
  if (!m) return undefined;
  const year = full ? Number(m[1]) : 2000 + Number(m[1]);
  const date = calendarDate(year, Number(m[2]), Number(m[3]));
  if (!date) return undefined;
  if (m[4] === undefined) return date;
  if (Number(m[4]) > 23 || Number(m[5]) > 59) return undefined;
  return `${date}T${m[4]}:${m[5]}`;
}

function ccyymmdd(value: string): string | undefined {
  return /^\d{8}$/.test(value)
    ? isoDate(`${value.slice(0, 4)}-${value.slice(4, 6)}-${value.slice(6)}`, false)
    : undefined;
}

function warn(seg: Segment, ctx: Context, message: string): void {
  ctx.manifest.warnings.push(`segment ${seg.number} (line ${seg.line}): ${message}`);
}

function fail(seg: Segment, reason: string): never {
  throw segmentError(seg.number, seg.line, reason, seg.tag);
}
