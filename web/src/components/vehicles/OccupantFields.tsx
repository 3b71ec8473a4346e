// The people in a vehicle, each entered as at the first-line check (MRZ or by hand), added and removed
// one by one. Every occupant is screened as a crossing of their own.
import { t } from "../../i18n";
import { EMPTY_MANUAL, type EntryMode, type ManualTraveller, manualEntry } from "../../lib/traveller";
import { TravellerFields } from "../TravellerFields";

export interface Occupant {
  key: number;
  mode: EntryMode;
  mrz: string;
  manual: ManualTraveller;
}

let nextKey = 1;
export const newOccupant = (): Occupant => ({ key: nextKey++, mode: "mrz", mrz: "", manual: EMPTY_MANUAL });

/** What POST /vehicle-checks takes for one occupant: the MRZ, or the manual entry's person and document. */
export function occupantBody(o: Occupant) {
  return o.mode === "mrz" ? { mrz: o.mrz.trim() } : { entry: manualEntry(o.manual) };
}

export function OccupantFields({
  occupants,
  onChange,
}: {
  occupants: Occupant[];
  onChange: (next: Occupant[]) => void;
}) {
  const update = (key: number, patch: Partial<Occupant>) =>
    onChange(occupants.map((o) => (o.key === key ? { ...o, ...patch } : o)));
  return (
    <fieldset className="occupants">
      <legend>{t.vehicles.occupants}</legend>
      {occupants.length === 0 && <p className="muted">{t.vehicles.noOccupants}</p>}
      {occupants.map((o, i) => (
        <fieldset key={o.key} className="card occupant" data-testid="occupant">
          <legend>{t.vehicles.occupant(i + 1)}</legend>
          <TravellerFields
            name={`occupant-${o.key}-mode`}
            mode={o.mode}
            onMode={(mode) => update(o.key, { mode })}
            mrz={o.mrz}
            onMrz={(mrz) => update(o.key, { mrz })}
            manual={o.manual}
            onManual={(manual) => update(o.key, { manual })}
          />
          <button
            type="button"
            className="secondary"
            onClick={() => onChange(occupants.filter((x) => x.key !== o.key))}
          >
            {t.vehicles.removeOccupant(i + 1)}
          </button>
        </fieldset>
      ))}
      <button type="button" className="secondary" onClick={() => onChange([...occupants, newOccupant()])}>
        {t.vehicles.addOccupant}
      </button>
    </fieldset>
  );
}
