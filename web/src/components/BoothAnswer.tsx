// The booth's answer to one traveller: the verdict and its reference, the list warnings, and for a
// second-line officer at the same screen the matches to export. The booth is not told why.
import { t } from "../i18n";
import type { Reply } from "../lib/api";
import { mayExportMatches } from "../lib/screens";
import { useSession } from "../lib/session";
import { ExportFile } from "./ExportFile";
import { Verdict } from "./Verdict";

export type CrossingAnswer = Reply<"/api/v1/crossings", "post">;

export function BoothAnswer({ answer }: { answer: CrossingAnswer }) {
  const { user } = useSession();
  return (
    <>
      <Verdict decision={answer.result.decision} reference={answer.result.reference} />
      {mayExportMatches(user?.roles ?? []) && (
        <ExportFile
          path={`/screenings/${encodeURIComponent(answer.screeningId)}/export`}
          fallbackName="screening-matches.csv"
          label={t.exports.screening}
        />
      )}
      {answer.warnings.length > 0 && (
        <div className="warnings">
          <h2>{t.check.warnings}</h2>
          <ul>
            {answer.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
