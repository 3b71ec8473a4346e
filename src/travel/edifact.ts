// A small UN/EDIFACT segment reader (ISO 9735 syntax level A/B), written here rather than taken from the
// `edifact` package because API messages need things that package does not give us together: the
// position (segment number and line) of every segment for error messages an airline can act on, strict
// UNA validation with a clear reason, the release character, and lenient layout (segments split over
// lines, one-line messages, leading blanks) without accepting a message that was cut off.
import { InvalidError } from "../shared/errors.js";
import { decodeInterchange } from "./edifact-charset.js";

export interface Segment {
  tag: string;
  /** Data elements after the tag, each a list of components; empty components are "". */
  elements: string[][];
  /** 1-based position in the interchange, counting UNA when present. */
  number: number;
  /** 1-based line on which the segment starts. */
  line: number;
}

export interface ServiceCharacters {
  component: string;
  element: string;
  decimal: string;
  release: string;
  repetition: string;
  terminator: string;
}

const DEFAULT_SERVICE: ServiceCharacters = {
  component: ":",
  element: "+",
  decimal: ".",
  release: "?",
  repetition: " ",
  terminator: "'",
};

/**
 * Splits an interchange into segments. Raw bytes are first decoded by the character set the UNB names
 * (edifact-charset.ts); a string is taken as already decoded. Throws InvalidError naming the segment
 * number and the reason.
 */
export function readSegments(input: string | Uint8Array): Segment[] {
  const text = typeof input === "string" ? input : decodeInterchange(input);
  let pos = /^[\s\uFEFF]*/.exec(text)![0].length;
  let line = 1 + countNewlines(text.slice(0, pos));
  let number = 0;
  let service = DEFAULT_SERVICE;
  if (text.startsWith("UNA", pos)) {
    number = 1;
    service = readUna(text.slice(pos + 3, pos + 9));
    pos += 9;
  }
  const segments: Segment[] = [];
  let elements: string[][] = [[""]];
  let startLine = line;
  let content = false;
  const append = (ch: string) => {
    const comps = elements[elements.length - 1]!;
    comps[comps.length - 1] += ch;
    if (!/\s/.test(ch)) content = true;
  };
  while (pos < text.length) {
    const ch = text[pos]!;
    if (!content && /\s/.test(ch) && ch !== service.terminator) {
      if (ch === "\n") line++;
      startLine = line;
      pos++;
      continue;
    }
    if (ch === service.release) {
      const next = text[pos + 1];
      if (next === undefined) {
        throw segmentError(number + 1, startLine, "message truncated after release character");
      }
      append(next);
      pos += 2;
      continue;
    }
    if (ch === service.terminator) {
      // A lone terminator (an empty segment) is layout noise, not a segment.
      if (content) segments.push(finish(elements, ++number, startLine));
      elements = [[""]];
      content = false;
    } else if (ch === service.element) {
      elements.push([""]);
      content = true;
    } else if (ch === service.component) {
      elements[elements.length - 1]!.push("");
      content = true;
    } else if (ch === "\n") {
      line++;
    } else if (ch !== "\r") {
      append(ch);
    }
    pos++;
  }
  if (content) {
    const tag = elements[0]![0]!.trim();
    throw segmentError(
      number + 1,
      startLine,
      `message truncated in ${tag || "a segment"} (no segment terminator)`,
    );
  }
  return segments;
}

function readUna(spec: string): ServiceCharacters {
  if (spec.length < 6) {
    throw unaError(`needs 6 service characters, found ${spec.length}`);
  }
  const [component, element, decimal, release, repetition, terminator] = [...spec] as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const delimiters = [component, element, release, terminator];
  if (new Set(delimiters).size !== delimiters.length) {
    throw unaError(`component, element, release and terminator characters must differ, got "${spec}"`);
  }
  if (delimiters.some((c) => /[A-Za-z0-9\s]/.test(c))) {
    throw unaError(`a delimiter cannot be a letter, digit or blank, got "${spec}"`);
  }
  return { component, element, decimal, release, repetition, terminator };
}

function finish(elements: string[][], number: number, line: number): Segment {
  const trimmed = elements.map((e) => e.map((c) => c.trim()));
  const [head, ...rest] = trimmed as [string[], ...string[][]];
  const tag = head[0]!;
  if (!/^[A-Z][A-Z0-9]{2}$/.test(tag) || head.length > 1) {
    throw segmentError(number, line, `"${head.join(":")}" is not a segment tag`);
  }
  return { tag, elements: rest, number, line };
}

function countNewlines(s: string): number {
  return s.split("\n").length - 1;
}

/** A segment that cannot be read; `tag` when the segment's tag is known. */
export function segmentError(segment: number, line: number, reason: string, tag?: string): InvalidError {
  const where = tag ? `line ${line}, ${tag}` : `line ${line}`;
  return new InvalidError(`segment ${segment} (${where}): ${reason}`, undefined, "edifact_segment", {
    segment,
    line,
    reason,
    ...(tag ? { tag } : {}),
  });
}

function unaError(reason: string): InvalidError {
  return new InvalidError(`segment 1 (UNA): ${reason}`, undefined, "edifact_una", { reason });
}
