// The head of a screened cargo manifest: the message, the counts, the vessel's result with its alert, and
// the reader's warnings.
import { t } from "../i18n";
import type { CargoManifest, CargoVessel } from "../lib/cargo";
import { dateTime, score } from "../lib/format";
import { Link } from "../lib/router";

export function CargoSummary({ manifest: m }: { manifest: CargoManifest }) {
  return (
    <>
      <dl className="facts card" data-testid="cargo-summary">
        <div>
          <dt>{t.cargo.format}</dt>
          <dd>{t.cargo.formats[m.format] ?? m.format}</dd>
        </div>
        <div>
          <dt>{t.cargo.reference}</dt>
          <dd className="mono">{m.reference ?? "—"}</dd>
        </div>
        <div>
          <dt>{t.cargo.screenedAt}</dt>
          <dd>{dateTime(m.createdAt)}</dd>
        </div>
        <div>
          <dt>{t.cargo.results}</dt>
          <dd>{t.cargo.summary(m.counts.consignments, m.counts.refer)}</dd>
        </div>
      </dl>
      {m.vessel ? <VesselResult vessel={m.vessel} /> : <p className="card">{t.cargo.noVessel}</p>}
      {m.warnings.length > 0 && (
        <div className="warnings" role="note">
          <h2>{t.cargo.warnings}</h2>
          <ul>
            {m.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}

function VesselResult({ vessel: v }: { vessel: CargoVessel }) {
  const declared = [
    v.declared.name,
    v.declared.imo && `IMO ${v.declared.imo}`,
    v.declared.mmsi && `MMSI ${v.declared.mmsi}`,
  ]
    .filter(Boolean)
    .join(" · ");
  return (
    <div className="card" data-testid="vessel-result">
      <h2>{t.cargo.vesselResult}</h2>
      <p>
        <span className={`badge badge-${v.decision}`}>
          {v.decision === "refer" ? t.cargo.refer : t.cargo.clear}
        </span>{" "}
        {t.cargo.vessel}: <span className="mono">{declared || "—"}</span>
        {v.declared.flag && <> · {v.declared.flag}</>}
        {v.alertId && (
          <>
            {" "}
            · <Link href={`/alerts/${encodeURIComponent(v.alertId)}`}>{t.cargo.vesselAlert}</Link>
          </>
        )}
      </p>
      {v.problems.length > 0 && (
        <>
          <h3>{t.cargo.vesselProblems}</h3>
          <ul>
            {v.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      )}
      {v.hits && v.hits.length > 0 && (
        <ul>
          {v.hits.map((h) => (
            <li key={`${h.entityId}-${h.basis}`}>
              {t.cargo.vesselHit(
                h.listedName,
                t.evidence.vesselBasis[h.basis] ?? h.basis,
                h.declared,
                h.list,
              )}{" "}
              · {t.evidence.strength[h.strength] ?? h.strength} · {score(h.score)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
