// The booth's answer: REFER or CLEAR and a reference, nothing about why. `compact` for the rows of a
// vehicle check (the vehicle and each occupant), the full size for the one traveller of the first line.
import { t } from "../i18n";

export function Verdict({
  decision,
  reference,
  label,
  compact,
  testId = "verdict",
}: {
  decision: "refer" | "clear";
  reference: string;
  label?: string;
  compact?: boolean;
  testId?: string;
}) {
  return (
    <output
      className={`verdict verdict-${decision}${compact ? " verdict-compact" : ""}`}
      data-testid={testId}
    >
      {label && <span className="verdict-label">{label}</span>}
      <span className="verdict-word">{decision === "refer" ? t.check.resultRefer : t.check.resultClear}</span>
      <span className="verdict-ref">
        {t.check.reference}:{" "}
        <strong>
          <bdi>{reference}</bdi>
        </strong>
      </span>
    </output>
  );
}
