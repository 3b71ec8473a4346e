// The name explanation: both names as written, each token coloured like the token it was aligned with,
// tokens without a partner struck through, and the pairs listed with how they were matched.
import { t } from "../i18n";
import { alignTokens, type TokenAlignment } from "../lib/explain";
import { score } from "../lib/format";

const PAIR_COLOURS = 6;

function Tokens({
  name,
  alignment,
  side,
}: {
  name: string;
  alignment: TokenAlignment[];
  side: "query" | "candidate";
}) {
  return (
    <bdi dir="auto" className="tokens">
      {alignTokens(name, alignment, side).map((tok, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a name may repeat a token; position is its identity
        <span key={i}>
          {i > 0 && " "}
          {tok.pair === undefined ? (
            <span className="token unmatched" title={t.detail.unmatched}>
              {tok.text}
            </span>
          ) : (
            <mark
              className={`token pair-${tok.pair % PAIR_COLOURS}`}
              title={t.detail.method(alignment[tok.pair]!.method, score(alignment[tok.pair]!.similarity))}
            >
              {tok.text}
            </mark>
          )}
        </span>
      ))}
    </bdi>
  );
}

export function Alignment({
  queryName,
  matchedName,
  matchedNameKind,
  alignment,
}: {
  queryName: string;
  matchedName: string;
  matchedNameKind: string;
  alignment: TokenAlignment[];
}) {
  return (
    <section className="alignment" aria-labelledby="alignment-title">
      <h3 id="alignment-title">{t.detail.alignment}</h3>
      <p className="hint">{t.detail.alignmentHint}</p>
      <dl className="names">
        <div>
          <dt>{t.detail.queryName}</dt>
          <dd data-testid="query-name">
            <Tokens name={queryName} alignment={alignment} side="query" />
          </dd>
        </div>
        <div>
          <dt>
            {t.detail.matchedName} ({t.detail.nameKind[matchedNameKind] ?? matchedNameKind})
          </dt>
          <dd data-testid="matched-name">
            <Tokens name={matchedName} alignment={alignment} side="candidate" />
          </dd>
        </div>
      </dl>
      <ul className="pairs">
        {alignment.map((a, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a name may hold the same word twice (Mohamed Mohamed)
          <li key={i}>
            <mark className={`token pair-${i % PAIR_COLOURS}`}>
              <bdi dir="auto">{a.query}</bdi>
            </mark>{" "}
            ↔{" "}
            <mark className={`token pair-${i % PAIR_COLOURS}`}>
              <bdi dir="auto">{a.candidate}</bdi>
            </mark>{" "}
            <span className="muted">{t.detail.method(a.method, score(a.similarity))}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
