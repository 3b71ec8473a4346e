// A cargo manifest screened consignment by consignment: upload a CUSCAR message (or the CSV or JSON form),
// then the screened manifest as GET /cargo/manifests/:id returns it, at /cargo/<id> so it can be reopened:
// the vessel's result, then the consignments with refers on top, their risk indicators and party matches.
import { CargoSummary } from "../components/CargoSummary";
import { CargoUpload } from "../components/CargoUpload";
import { ConsignmentTable } from "../components/ConsignmentTable";
import { ScreenTitle } from "../components/Heading";
import { Async, Empty } from "../components/State";
import { t } from "../i18n";
import { call } from "../lib/api";
import { navigate } from "../lib/router";
import { PURPOSES } from "../lib/screens";
import { useApi } from "../lib/useApi";

export function CargoManifest({ id }: { id?: string }) {
  return (
    <section aria-labelledby="cargo-title">
      <ScreenTitle id="cargo-title">{t.cargo.title}</ScreenTitle>
      <CargoUpload onScreened={(next) => navigate(`/cargo/${encodeURIComponent(next)}`)} />
      {id ? <CargoResult id={id} /> : <Empty>{t.cargo.empty}</Empty>}
    </section>
  );
}

function CargoResult({ id }: { id: string }) {
  const manifest = useApi(
    async (signal) =>
      (
        await call(
          "get",
          "/api/v1/cargo/manifests/{id}",
          { params: { id }, query: { purpose: PURPOSES.cargo } },
          { signal },
        )
      ).data,
    [id],
  );
  return (
    <Async resource={manifest} errorTitle={t.cargo.loadFailed}>
      {(m) => (
        <>
          <CargoSummary manifest={m} />
          <ConsignmentTable consignments={m.consignments} />
        </>
      )}
    </Async>
  );
}
