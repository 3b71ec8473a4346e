// The auditor's one button: verify every hash chain against the signed checkpoints, and show the
// server's verdict (the same sentence `limes audit verify` prints).
import { useState } from "react";
import { t } from "../i18n";
import { type ApiError, asApiError, call, type Reply } from "../lib/api";
import { ErrorBox } from "./State";

type Verify = Reply<"/api/v1/audit/verify", "get">;

export function AuditVerify() {
  const [verify, setVerify] = useState<Verify>();
  const [verifying, setVerifying] = useState(false);
  const [verifyError, setVerifyError] = useState<ApiError>();

  const runVerify = async () => {
    setVerifying(true);
    setVerifyError(undefined);
    setVerify(undefined);
    try {
      setVerify((await call("get", "/api/v1/audit/verify")).data);
    } catch (err) {
      setVerifyError(asApiError(err));
    } finally {
      setVerifying(false);
    }
  };

  return (
    <div className="card verify">
      <button type="button" onClick={() => void runVerify()} disabled={verifying}>
        {verifying ? t.audit.verifying : t.audit.verify}
      </button>
      <div aria-live="polite" data-testid="verify-result">
        {verify?.ok && <p className="notice notice-ok">{verify.verdict}</p>}
        {verify && !verify.ok && (
          <p className="notice notice-bad" role="alert">
            {verify.verdict}
          </p>
        )}
      </div>
      {verifyError && <ErrorBox title={t.audit.verifyFailed} error={verifyError} />}
    </div>
  );
}
