// One consignment's details for roles that read screening details: each party beside the listed entity
// it matched, and the goods (HS code and nomenclature) and containers (ISO 6346 verdict).
import { t } from "../i18n";
import type { ConsignmentDetails } from "../lib/cargo";
import { score } from "../lib/format";

export function ConsignmentParties({ details: d }: { details: ConsignmentDetails }) {
  const partyKey = (p: { role: string; name: string }) => `${p.role}:${p.name}`;
  // The carrier is screened once for the whole manifest; its hits are repeated on every consignment.
  const parties = [
    ...new Map([...d.parties, ...d.partyHits.map((h) => h.party)].map((p) => [partyKey(p), p])).values(),
  ];
  return (
    <ul className="parties">
      {parties.map((p) => {
        const hits = d.partyHits.filter((h) => partyKey(h.party) === partyKey(p));
        return (
          <li key={partyKey(p)} data-testid="party" data-matched={hits.length > 0}>
            <span className="muted">{t.cargo.role[p.role] ?? p.role}:</span> {p.name}
            {p.country && <span className="muted"> ({p.country})</span>}
            {hits.length > 0 ? (
              hits.map((h) => (
                <div key={h.entityId} className="party-match">
                  {t.cargo.partyMatch(h.listedName, h.list, score(h.score))}
                </div>
              ))
            ) : (
              <span className="muted"> · {t.cargo.partyNoMatch}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}

export function ConsignmentGoods({ details: d }: { details: ConsignmentDetails }) {
  return (
    <ul className="goods">
      {d.goods.map((g, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: goods lines have no identity beyond their place
        <li key={i}>
          <span className="mono">{g.hsCode ?? "—"}</span> {g.description}
          {g.hs !== "exact" && <span className="muted"> · {t.evidence.hsFound[g.hs] ?? g.hs}</span>}
        </li>
      ))}
      {d.containers.map((c) => (
        <li key={c.number} className={c.valid ? undefined : "fault"}>
          <span className="mono">{c.number}</span>
          {!c.valid && <> · {c.reason}</>}
        </li>
      ))}
    </ul>
  );
}
