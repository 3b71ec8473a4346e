// Deciding one partner request on the answering node: approve with the categories to return (only those
// asked for are offered), or refuse; both with a reason, which the partner reads.
import { type FormEvent, useState } from "react";
import { t } from "../../i18n";
import { call, type Reply } from "../../lib/api";

type PartnerRequest = Reply<"/api/v1/partner-requests", "get">["requests"][number];

import { useAction } from "../../lib/useApi";
import { ErrorText } from "../State";
import { Categories } from "./Categories";

export function RequestDecision({ request, onDone }: { request: PartnerRequest; onDone: () => void }) {
  const [categories, setCategories] = useState<string[]>(request.categories);
  const [reason, setReason] = useState("");
  const [result, setResult] = useState<string>();
  const { busy, error, run } = useAction();
  const decide = (decision: "approve" | "refuse") => (e: FormEvent) =>
    run(e, async () => {
      const params = { id: request.id };
      const r =
        decision === "approve"
          ? await call("post", "/api/v1/partner-requests/{id}/approve", {
              params,
              body: { categories, reason },
            })
          : await call("post", "/api/v1/partner-requests/{id}/refuse", { params, body: { reason } });
      setResult(
        t.partners.decided(t.partners.followUpStatus[r.data.status] ?? r.data.status, r.data.delivered),
      );
      onDone();
    });
  if (result) return <p role="status">{result}</p>;
  return (
    <form
      className="stack"
      onSubmit={decide("approve")}
      aria-label={t.partners.from(request.partnerNodeId, "")}
    >
      <Categories options={request.categories} value={categories} onChange={setCategories} />
      <label>
        {t.partners.reason}
        <input value={reason} onChange={(e) => setReason(e.target.value)} minLength={3} required />
      </label>
      <div className="actions">
        <button type="submit" disabled={busy || reason.trim().length < 3 || categories.length === 0}>
          {t.partners.approve}
        </button>
        <button
          type="button"
          className="secondary"
          disabled={busy || reason.trim().length < 3}
          onClick={(e) => void decide("refuse")(e)}
        >
          {t.partners.refuse}
        </button>
      </div>
      <ErrorText error={error} />
    </form>
  );
}
