// The evidence of a hit against a listed record, kind by kind: a firearm's serial with its confusable and
// unreadable characters marked, a vessel's IMO number or MMSI against the listed vessel, a vehicle's plate
// and VIN against the listed vehicle, a party's name against the listed organisation.
import { t } from "../i18n";
import { markCharacters, positions, text } from "../lib/evidence";
import { type CompareRow, CompareTable, MarkedText, MarkLegend } from "./EvidenceCompare";

type Evidence = Record<string, unknown>;

const agreement = (v: unknown) =>
  v === true ? t.evidence.agrees : v === false ? t.evidence.differs : t.evidence.unknown;

export function SerialEvidence({ e, subject }: { e: Evidence; subject: Evidence }) {
  const declared = text(e, "declaredSerial") ?? "";
  const listed = text(e, "listedSerial") ?? "";
  const chars = markCharacters(declared, listed, {
    confusable: positions(e, "confusable"),
    unreadable: positions(e, "unreadable"),
  });
  const rows: CompareRow[] = [
    {
      label: t.evidence.serial,
      declared: <MarkedText chars={chars} side="declared" testId="declared-serial" />,
      listed: <MarkedText chars={chars} side="listed" testId="listed-serial" />,
      verdict: <MarkLegend chars={chars} />,
    },
    {
      label: t.evidence.make,
      declared: text(e, "declaredMake"),
      listed: text(e, "listedMake"),
      verdict: agreement(e.makeAgrees),
    },
    { label: t.evidence.model, declared: text(subject, "model"), listed: text(e, "listedModel") },
    { label: t.evidence.calibre, declared: text(subject, "calibre"), listed: text(e, "listedCalibre") },
    { label: t.evidence.status, declared: undefined, listed: text(e, "status") },
    { label: t.evidence.reportingCountry, declared: undefined, listed: text(e, "reportingCountry") },
  ];
  return <CompareTable rows={rows} />;
}

export function VesselEvidence({ e, subject }: { e: Evidence; subject: Evidence }) {
  const basis = text(e, "basis") ?? "name";
  const rows: CompareRow[] = [
    {
      label: t.evidence.vesselBasis[basis] ?? basis,
      declared: <span className="mono">{text(e, "declared")}</span>,
      listed: <span className="mono">{text(e, "listed")}</span>,
      verdict: `${t.evidence.strengthLabel}: ${t.evidence.strength[text(e, "strength") ?? ""] ?? text(e, "strength") ?? "—"}`,
    },
    { label: t.evidence.listedName, declared: text(subject, "name"), listed: text(e, "listedName") },
  ];
  for (const [key, label] of [
    ["imo", t.evidence.vesselBasis.imo],
    ["mmsi", t.evidence.vesselBasis.mmsi],
  ] as const)
    if (key !== basis && text(subject, key))
      rows.push({ label: label ?? key, declared: text(subject, key), listed: undefined });
  const issue = text(e, "dataIssue");
  if (issue) rows.push({ label: t.evidence.dataIssue, declared: undefined, listed: issue });
  return <CompareTable rows={rows} />;
}

export function VehicleEvidence({ e, subject }: { e: Evidence; subject: Evidence }) {
  const pair = (label: string, d?: string, l?: string): CompareRow => {
    if (!d || !l) return { label, declared: d, listed: l };
    const chars = markCharacters(d, l);
    return {
      label,
      declared: <MarkedText chars={chars} side="declared" />,
      listed: <MarkedText chars={chars} side="listed" />,
      verdict: <MarkLegend chars={chars} />,
    };
  };
  const vehicle = ["make", "model", "colour"]
    .map((k) => text(subject, k))
    .filter(Boolean)
    .join(" ");
  const rows = [
    pair(t.evidence.plate, text(e, "declaredPlate"), text(e, "listedPlate")),
    pair(t.evidence.vin, text(e, "declaredVin"), text(e, "listedVin")),
    { label: t.evidence.vehicle, declared: vehicle || undefined, listed: text(e, "listedVehicle") },
    { label: t.evidence.reportingCountry, declared: undefined, listed: text(e, "reportingCountry") },
  ];
  return <CompareTable rows={rows.filter((r) => r.declared || r.listed || r.verdict)} />;
}

export function VinCheckEvidence({ e }: { e: Evidence }) {
  const verdict = t.evidence.vinExpected(text(e, "expected") ?? "", text(e, "found") ?? "");
  return (
    <CompareTable
      rows={[{ label: t.evidence.vin, declared: text(e, "declaredVin"), listed: undefined, verdict }]}
    />
  );
}

export function PartyEvidence({ e, verdict }: { e: Evidence; verdict: string }) {
  const role = text(e, "role") ?? "";
  return (
    <CompareTable
      rows={[
        { label: t.evidence.party(role), declared: text(e, "declared"), listed: text(e, "listed"), verdict },
      ]}
    />
  );
}
