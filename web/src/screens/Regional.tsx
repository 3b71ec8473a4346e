// The regional view (issue 16, item 6): the imported bundles of one month, node by node side by side,
// per indicator, in the manner of CIRAM and the Western Balkans Risk Analysis Network.
import { useState } from "react";
import { ScreenTitle } from "../components/Heading";
import { RegionalIndicator } from "../components/partners/RegionalCharts";
import { Async } from "../components/State";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useApi } from "../lib/useApi";

const INDICATORS = ["crossings", "refusals", "detections", "alerts"] as const;

export function Regional() {
  const [month, setMonth] = useState<string>();
  const bundles = useApi(
    async (signal) => (await call("get", "/api/v1/regional/bundles", {}, { signal })).data.bundles,
    [],
  );
  return (
    <section aria-labelledby="regional-title">
      <ScreenTitle id="regional-title">{t.partners.regionalTitle}</ScreenTitle>
      <p>{t.partners.regionalIntro}</p>
      <Async
        resource={bundles}
        errorTitle={t.partners.regionalFailed}
        isEmpty={(b) => b.length === 0}
        empty={t.partners.regionalEmpty}
      >
        {(all) => {
          const months = [...new Set(all.map((b) => b.month))];
          const shown = month ?? months[0];
          const of = all.filter((b) => b.month === shown);
          return (
            <>
              <label className="inline-form">
                {t.partners.month}
                <select value={shown} onChange={(e) => setMonth(e.target.value)}>
                  {months.map((m) => (
                    <option key={m}>{m}</option>
                  ))}
                </select>
              </label>
              {INDICATORS.map((i) => (
                <RegionalIndicator key={i} indicator={i} bundles={of} />
              ))}
            </>
          );
        }}
      </Async>
    </section>
  );
}
