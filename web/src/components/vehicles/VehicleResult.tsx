// The answer of a vehicle check as the booth sees it: refer or clear for the vehicle and for each
// occupant, with references. Never the list, the record or the reason, even when the reply carries them
// for a second-line officer: those are read in the alert.
import { t } from "../../i18n";
import type { Reply } from "../../lib/api";
import { Verdict } from "../Verdict";

export type VehicleCheckReply = Reply<"/api/v1/vehicle-checks", "post">;

export function VehicleResult({ result }: { result: VehicleCheckReply }) {
  return (
    <div className="verdict-list">
      <Verdict
        compact
        label={t.vehicles.resultVehicle}
        decision={result.vehicle.decision}
        reference={result.vehicle.reference}
        testId="verdict-vehicle"
      />
      {result.occupants.map((o) => (
        <Verdict
          key={o.crossingId}
          compact
          label={t.vehicles.occupant(o.index + 1)}
          decision={o.decision}
          reference={o.reference}
          testId="verdict-occupant"
        />
      ))}
    </div>
  );
}
