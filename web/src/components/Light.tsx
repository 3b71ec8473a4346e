// A comparison outcome as colour, icon and word: never colour alone.
import { t } from "../i18n";
import { type FeatureContribution, lightOf } from "../lib/explain";

const ICON = { green: "✓", amber: "≈", red: "✗", grey: "–" } as const;

export function Light({ outcome }: { outcome?: FeatureContribution["outcome"] }) {
  const light = lightOf(outcome);
  return (
    <span className={`light light-${light}`}>
      <span aria-hidden="true">{ICON[light]} </span>
      {t.detail.outcome[outcome ?? "missing"]}
    </span>
  );
}
