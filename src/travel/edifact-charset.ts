// The character set of an EDIFACT interchange, as its UNB syntax identifier (ISO 9735 data element 0001)
// names it, and the decoding of the raw bytes by it. Part of the lexical layer (edifact.ts), so every
// EDIFACT reader (PAXLST now, CUSCAR later) refuses a byte its sender's declared set does not hold, with
// the segment and byte offset where it is, instead of storing a replacement character.
import { InvalidError } from "../shared/errors.js";

/** How the bytes of one syntax identifier are read. */
type Charset =
  | { kind: "ascii" }
  | { kind: "utf-8" }
  | { kind: "latin-1" }
  /** A single-byte ISO 8859 part, decoded through the WHATWG decoder of that name. */
  | { kind: "iso-8859"; label: string };

/**
 * UNOA is upper case only by the standard, but real carriers' API files declared UNOA carry lower-case
 * names (the US CBP crew list sample does), so UNOA and UNOB are both read as 7-bit ISO 646 text: what
 * would be lost is a byte above 0x7F, and that is refused. IATA is the IATA PADIS syntax (PNR), also ISO 646.
 */
const SYNTAX: Record<string, Charset> = {
  UNOA: { kind: "ascii" },
  UNOB: { kind: "ascii" },
  IATA: { kind: "ascii" },
  UNOC: { kind: "latin-1" },
  UNOD: { kind: "iso-8859", label: "iso-8859-2" },
  UNOE: { kind: "iso-8859", label: "iso-8859-5" },
  UNOF: { kind: "iso-8859", label: "iso-8859-7" },
  UNOG: { kind: "iso-8859", label: "iso-8859-3" },
  UNOH: { kind: "iso-8859", label: "iso-8859-4" },
  UNOI: { kind: "iso-8859", label: "iso-8859-6" },
  UNOJ: { kind: "iso-8859", label: "iso-8859-8" },
  UNOK: { kind: "iso-8859", label: "iso-8859-9" },
  UNOL: { kind: "iso-8859", label: "iso-8859-15" },
  UNOW: { kind: "utf-8" },
};

export const SYNTAX_IDENTIFIERS = Object.keys(SYNTAX);

/** Where a byte sits: the segment it belongs to (counting UNA, as readSegments does) and its offset. */
export interface BytePosition {
  segment: number;
  offset: number;
}

/**
 * Decodes an interchange by the character set its UNB names (UTF-8 when there is no UNB: a bare message
 * declares nothing, and ASCII is a subset). Throws InvalidError naming the byte, its segment and offset.
 */
export function decodeInterchange(bytes: Uint8Array): string {
  const { syntax, terminator, release } = envelope(bytes);
  const charset = syntax === undefined ? SYNTAX.UNOW! : SYNTAX[syntax];
  if (!charset) {
    const supported = SYNTAX_IDENTIFIERS.join(", ");
    throw new InvalidError(
      `UNB: syntax identifier "${syntax}" is not supported (supported: ${supported})`,
      undefined,
      "edifact_syntax",
      { syntax: String(syntax), supported },
    );
  }
  const bad = charset.kind === "utf-8" ? invalidUtf8(bytes) : invalidSingleByte(bytes, table(charset));
  if (bad !== undefined) {
    const { segment, offset } = positionOf(bytes, bad, terminator, release);
    const name = syntax ?? "UTF-8 (no UNB)";
    const byte = hex(bytes[bad]!);
    throw new InvalidError(
      `segment ${segment}, byte offset ${offset}: byte 0x${byte} is not valid in ${name}`,
      { segment, offset, byte: bytes[bad], syntax: name },
      "edifact_bad_byte",
      { segment, offset, byte, syntax: name },
    );
  }
  if (charset.kind === "utf-8") return new TextDecoder("utf-8").decode(bytes);
  const map = table(charset);
  let out = "";
  for (const b of bytes) out += map[b]!;
  return out;
}

/** The UNA service characters that matter for positions, and the UNB syntax identifier, if any. */
function envelope(bytes: Uint8Array): { syntax?: string; terminator: number; release: number } {
  // The envelope is ASCII in every supported set: read its first bytes as Latin-1, which never fails.
  const head = Buffer.from(bytes.subarray(0, 512)).toString("latin1");
  let pos = /^[\s\uFEFF\u00EF\u00BB\u00BF]*/.exec(head)![0].length;
  let component = ":";
  let element = "+";
  let terminator = "'";
  let release = "?";
  if (head.startsWith("UNA", pos) && head.length >= pos + 9) {
    [component, element, , release, , terminator] = [...head.slice(pos + 3, pos + 9)] as string[] as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    pos += 9;
    pos += /^\s*/.exec(head.slice(pos))![0].length;
  }
  const codes = { terminator: terminator.charCodeAt(0), release: release.charCodeAt(0) };
  if (!head.startsWith(`UNB${element}`, pos)) return codes;
  const rest = head.slice(pos + 4);
  const end = [component, element, terminator].map((c) => rest.indexOf(c)).filter((i) => i >= 0);
  return { ...codes, syntax: rest.slice(0, Math.min(...end, rest.length)).trim() };
}

const tables = new Map<string, string[]>();

/** Byte → character for a single-byte set; "" for a byte outside it. */
function table(charset: Charset): string[] {
  const key = charset.kind === "iso-8859" ? charset.label : charset.kind;
  let map = tables.get(key);
  if (map) return map;
  const decoder = charset.kind === "iso-8859" ? new TextDecoder(charset.label) : undefined;
  map = Array.from({ length: 256 }, (_, b) => {
    // Layout between segments (line breaks, tabs) is allowed; other control characters are not text.
    if (b === 0x09 || b === 0x0a || b === 0x0d) return String.fromCharCode(b);
    if (b < 0x20 || (b >= 0x7f && b < 0xa0)) return "";
    if (charset.kind === "ascii") return b < 0x80 ? String.fromCharCode(b) : "";
    // WHATWG maps the "iso-8859-1" label to windows-1252, so Latin-1 is read byte for byte instead.
    if (!decoder) return String.fromCharCode(b);
    const ch = decoder.decode(Uint8Array.of(b));
    return ch === "\uFFFD" ? "" : ch;
  });
  tables.set(key, map);
  return map;
}

function invalidSingleByte(bytes: Uint8Array, map: string[]): number | undefined {
  for (let i = 0; i < bytes.length; i++) if (map[bytes[i]!] === "") return i;
  return undefined;
}

/** Offset of the first byte (or malformed sequence) that is not well-formed UTF-8 (RFC 3629: no overlongs, surrogates, > U+10FFFF). */
export function invalidUtf8(bytes: Uint8Array): number | undefined {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) || b === 0x7f) return i;
      i++;
      continue;
    }
    const seq = utf8Sequence(b);
    if (!seq) return i;
    const [n, lo, hi] = seq;
    // The first continuation byte has the narrower range; the others are plain 0x80..0xBF. A malformed
    // sequence is reported at its lead byte, the character that cannot be read.
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return undefined;
}

/** Continuation bytes after a lead byte, and the range of the first one; undefined for a bad lead byte. */
function utf8Sequence(b: number): [number, number, number] | undefined {
  if (b >= 0xc2 && b <= 0xdf) return [1, 0x80, 0xbf];
  if (b === 0xe0) return [2, 0xa0, 0xbf]; // no overlong three-byte forms
  if (b === 0xed) return [2, 0x80, 0x9f]; // no UTF-16 surrogates
  if (b >= 0xe1 && b <= 0xef) return [2, 0x80, 0xbf];
  if (b === 0xf0) return [3, 0x90, 0xbf]; // no overlong four-byte forms
  if (b >= 0xf1 && b <= 0xf3) return [3, 0x80, 0xbf];
  if (b === 0xf4) return [3, 0x80, 0x8f]; // nothing above U+10FFFF
  return undefined;
}

function positionOf(bytes: Uint8Array, at: number, terminator: number, release: number): BytePosition {
  let segment = 1;
  for (let i = 0; i < at; i++) {
    if (bytes[i] === release) i++;
    else if (bytes[i] === terminator) segment++;
  }
  return { segment, offset: at };
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, "0");
}
