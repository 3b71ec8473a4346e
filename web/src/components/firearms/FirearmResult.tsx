// The answer of a firearm check: refer or clear and a reference for everyone; for an officer who may read
// the hits (the server sends them only then), each listed firearm with the serial as read beside the
// listed one, confusable and unreadable characters marked.
import { t } from "../../i18n";
import type { Reply } from "../../lib/api";
import { Verdict } from "../Verdict";

export type FirearmCheckReply = Reply<"/api/v1/firearm-checks", "post">;

function Serial({
  text,
  confusable,
  unreadable,
}: {
  text: string;
  confusable: number[];
  unreadable: number[];
}) {
  return (
    <span className="mono serial">
      {[...text].map((c, i) => {
        const key = `${i}${c}`;
        if (confusable.includes(i))
          return (
            <mark key={key} className="confusable" title={t.firearms.confusable}>
              {c}
            </mark>
          );
        if (unreadable.includes(i))
          return (
            <mark key={key} className="unreadable" title={t.firearms.unreadable}>
              {c}
            </mark>
          );
        return <span key={key}>{c}</span>;
      })}
    </span>
  );
}

const positions = (x: unknown): number[] => (Array.isArray(x) ? x.filter((n) => typeof n === "number") : []);
const str = (x: unknown): string => (typeof x === "string" ? x : "");

export function FirearmResult({ result }: { result: FirearmCheckReply }) {
  const hits = result.hits ?? [];
  return (
    <>
      <Verdict decision={result.decision} reference={result.reference} />
      {hits.length > 0 && (
        <section className="card" aria-labelledby="firearm-hits">
          <h2 id="firearm-hits">{t.firearms.hitsTitle}</h2>
          <p className="hint">{t.firearms.legend}</p>
          <ul className="firearm-hits">
            {hits.map((h) => {
              const e = h.evidence;
              const confusable = positions(e.confusable);
              const unreadable = positions(e.unreadable);
              return (
                <li key={h.entityId ?? str(e.listedSerial)} data-testid="firearm-hit">
                  <dl className="facts">
                    <div>
                      <dt>{t.firearms.declaredSerial}</dt>
                      <dd data-testid="declared-serial">
                        <Serial
                          text={str(e.declaredSerial)}
                          confusable={confusable}
                          unreadable={unreadable}
                        />
                      </dd>
                    </div>
                    <div>
                      <dt>{t.firearms.listedSerial}</dt>
                      <dd data-testid="listed-serial">
                        <Serial text={str(e.listedSerial)} confusable={confusable} unreadable={[]} />
                      </dd>
                    </div>
                  </dl>
                  <p>
                    {[str(e.listedMake), str(e.listedModel), str(e.listedCalibre)]
                      .filter(Boolean)
                      .join(" · ")}{" "}
                    — {t.firearms.listedAs(str(e.status), str(e.reportingCountry))}
                  </p>
                  <p className="muted">{h.requestedAction}</p>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </>
  );
}
