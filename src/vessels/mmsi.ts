// Maritime Mobile Service Identities (ITU-R M.585). An MMSI has no check digit, so only its form can be
// checked: nine digits, and a MID (mid.ts) that an administration holds. Where the MID sits depends on the
// kind of station, read from the leading digits:
//   MIDxxxxxx  ship station (first digit 2–7)      0MIDxxxxx  group of ships
//   00MIDxxxx  coast station                       111MIDxxx  SAR aircraft
//   98MIDxxxx  craft associated with a parent ship 99MIDxxxx  aid to navigation
// 970/972/974 (AIS-SART, man overboard, EPIRB-AIS) carry no MID and name no country.
import { MID_COUNTRIES } from "./mid.js";

export type MmsiKind =
  | "ship"
  | "group"
  | "coast"
  | "sar-aircraft"
  | "craft"
  | "aid-to-navigation"
  | "distress";

export type MmsiCheck =
  | { valid: true; mmsi: string; kind: MmsiKind; mid?: string; country?: string }
  | { valid: false; mmsi: string; reason: string };

function locate(m: string): { kind: MmsiKind; mid?: string } | undefined {
  if (/^97[024]/.test(m)) return { kind: "distress" };
  if (m.startsWith("111")) return { kind: "sar-aircraft", mid: m.slice(3, 6) };
  if (m.startsWith("98")) return { kind: "craft", mid: m.slice(2, 5) };
  if (m.startsWith("99")) return { kind: "aid-to-navigation", mid: m.slice(2, 5) };
  if (m.startsWith("00")) return { kind: "coast", mid: m.slice(2, 5) };
  if (m.startsWith("0")) return { kind: "group", mid: m.slice(1, 4) };
  if (/^[2-7]/.test(m)) return { kind: "ship", mid: m.slice(0, 3) };
  return undefined;
}

/** Checks an MMSI's form and names its country from the MID. Blanks are ignored. */
export function checkMmsi(text: string): MmsiCheck {
  const mmsi = text.replace(/\s+/g, "");
  if (!/^\d{9}$/.test(mmsi)) return { valid: false, mmsi, reason: `MMSI "${text}" is not nine digits` };
  const place = locate(mmsi);
  if (!place) return { valid: false, mmsi, reason: `MMSI "${mmsi}" starts with no station prefix` };
  if (!place.mid) return { valid: true, mmsi, kind: place.kind };
  const country = MID_COUNTRIES.get(place.mid);
  if (!country) return { valid: false, mmsi, reason: `MMSI "${mmsi}": MID ${place.mid} is not allocated` };
  return { valid: true, mmsi, kind: place.kind, mid: place.mid, country };
}
