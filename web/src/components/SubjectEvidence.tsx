// A goods alert's evidence side by side (issue 17): the subject as declared, then each hit with what was
// declared beside what is listed. The hits are recorded by src/cargo, src/vessels (through cargo),
// src/vehicles, src/firearms and src/cash; a kind this view does not know is shown field by field.
import { t } from "../i18n";
import type { AlertDetailView } from "../lib/alerts";
import { containers, goodsLines, text } from "../lib/evidence";
import { score } from "../lib/format";
import {
  PartyEvidence,
  SerialEvidence,
  VehicleEvidence,
  VesselEvidence,
  VinCheckEvidence,
} from "./EvidenceCraft";
import { ConsignmentEvidence, ContainersTable, GoodsTable } from "./EvidenceGoods";

type Hit = AlertDetailView["subjectHits"][number];
type Subject = Record<string, unknown>;

export function SubjectEvidence({ alert: a }: { alert: AlertDetailView }) {
  const subject = a.traveller as Subject;
  return (
    <section className="card evidence" aria-labelledby="evidence-title" data-testid="subject-evidence">
      <h2 id="evidence-title">{t.evidence.title}</h2>
      <p>
        <strong>{t.evidence.subject}:</strong>{" "}
        <span data-testid="subject-label">{text(subject, "label")}</span>
      </p>
      {a.subjectKind === "consignment" && <ConsignmentEvidence subject={subject} />}
      {a.subjectHits.map((h, i) => (
        <EvidenceHit
          // biome-ignore lint/suspicious/noArrayIndexKey: hits are stored in order and never move
          key={i}
          index={i}
          hit={h}
          subject={subject}
          consignment={a.subjectKind === "consignment"}
        />
      ))}
    </section>
  );
}

function hitTitle(h: Hit): string {
  if (h.kind.startsWith("rule:")) return t.evidence.rule(text(h.evidence, "rule") ?? h.kind.slice(5));
  return t.evidence.kinds[h.kind] ?? h.kind;
}

interface HitProps {
  hit: Hit;
  subject: Subject;
  /** A consignment's goods and containers are shown once above, not again under each rule. */
  consignment: boolean;
}

function EvidenceHit({ index, ...props }: HitProps & { index: number }) {
  const h = props.hit;
  return (
    <article className="evidence-hit" data-testid="evidence-hit" data-kind={h.kind}>
      <h3>
        {t.evidence.hit(index + 1, hitTitle(h))}{" "}
        <span className={`badge priority-${h.priority}`}>
          {t.priority[h.priority as "high"] ?? h.priority}
        </span>
      </h3>
      {h.list && (
        <p className="muted">
          {t.evidence.listAndScore(h.list, h.entityId ?? "", h.score === undefined ? "—" : score(h.score))}
        </p>
      )}
      <p>
        <strong>{t.evidence.requestedAction}:</strong> {h.requestedAction}
      </p>
      <HitBody {...props} />
    </article>
  );
}

function HitBody({ hit: h, subject, consignment }: HitProps) {
  const e = h.evidence;
  switch (h.kind) {
    case "listed_firearm":
      return <SerialEvidence e={e} subject={subject} />;
    case "listed_vessel":
      return <VesselEvidence e={e} subject={subject} />;
    case "listed_party":
      return <PartyEvidence e={e} verdict={h.score === undefined ? "" : t.evidence.score(score(h.score))} />;
    case "stolen_vehicle":
    case "stolen_vehicle_partial_plate":
      return <VehicleEvidence e={e} subject={subject} />;
    case "vin_check_digit":
      return <VinCheckEvidence e={e} />;
  }
  if (h.kind.startsWith("rule:")) {
    const transshipment = Array.isArray(e.transshipment) ? e.transshipment.map(String) : [];
    const named = Array.isArray(e.chaptersNamed) ? e.chaptersNamed.map(String) : undefined;
    return (
      <>
        <GoodsTable lines={consignment ? [] : goodsLines(e.goods)} />
        {named && named.length > 0 && (
          <p className="notice notice-pending">{t.evidence.chaptersNamed(named.join(", "))}</p>
        )}
        {!consignment && <ContainersTable list={containers(e.containers)} />}
        {transshipment.length > 0 && (
          <p>
            <strong>{t.evidence.transshipment}:</strong> {transshipment.join(", ")}
          </p>
        )}
      </>
    );
  }
  return <OtherEvidence e={e} />;
}

/** Any other evidence, field by field: nothing the backend recorded is hidden from the reviewer. */
function OtherEvidence({ e }: { e: Record<string, unknown> }) {
  return (
    <dl className="evidence-other" aria-label={t.evidence.other}>
      {Object.entries(e).map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd className="mono">{typeof v === "string" ? v : JSON.stringify(v)}</dd>
        </div>
      ))}
    </dl>
  );
}
