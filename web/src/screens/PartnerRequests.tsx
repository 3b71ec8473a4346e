// The partner requests queue (issue 16): follow-ups partner nodes sent after a hit here, each with its
// reason and legal basis, to approve with categories or refuse with a reason.
import { ScreenTitle } from "../components/Heading";
import { RequestDecision } from "../components/partners/RequestDecision";
import { Async } from "../components/State";
import { t } from "../i18n";
import { call } from "../lib/api";
import { dateTime } from "../lib/format";
import { useApi } from "../lib/useApi";

export function PartnerRequests() {
  const requests = useApi(
    async (signal) =>
      (await call("get", "/api/v1/partner-requests", { query: { status: "pending" } }, { signal })).data
        .requests,
    [],
  );
  return (
    <section aria-labelledby="partner-requests-title">
      <ScreenTitle id="partner-requests-title">{t.partners.requestsTitle}</ScreenTitle>
      <p>{t.partners.requestsIntro}</p>
      <Async
        resource={requests}
        errorTitle={t.partners.requestsFailed}
        isEmpty={(r) => r.length === 0}
        empty={t.partners.requestsEmpty}
      >
        {(list) => (
          <ul className="partner-requests">
            {list.map((r) => (
              <li key={r.id} className="card" data-request={r.id}>
                <h3>{t.partners.from(r.partnerNodeId, dateTime(r.createdAt))}</h3>
                <p>
                  {t.partners.reason}: {r.reason}
                </p>
                <p>
                  {t.partners.legalBasis}: {r.legalBasis}
                </p>
                <p>{t.partners.asked(r.categories.map((c) => t.partners.category[c] ?? c).join(", "))}</p>
                <RequestDecision request={r} onDone={() => {}} />
              </li>
            ))}
          </ul>
        )}
      </Async>
    </section>
  );
}
