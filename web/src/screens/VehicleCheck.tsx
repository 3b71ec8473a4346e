// A vehicle and its occupants at a land post: the plate and/or VIN, and each person in it entered as at
// the first-line check. The answer is refer or clear for the vehicle and for each person, with references,
// nothing about why (as at the first line); the reasons are read in the alert.
import { type FormEvent, useState } from "react";
import { CheckActions, RecordingPointSelect, ResultArea } from "../components/CheckParts";
import { type Direction, DirectionSelect } from "../components/DirectionSelect";
import { ScreenTitle } from "../components/Heading";
import { ListAge } from "../components/ListAge";
import {
  newOccupant,
  type Occupant,
  OccupantFields,
  occupantBody,
} from "../components/vehicles/OccupantFields";
import { type VehicleCheckReply, VehicleResult } from "../components/vehicles/VehicleResult";
import { t } from "../i18n";
import { call } from "../lib/api";
import { useRecordingPoint } from "../lib/crossingPoints";
import { PURPOSES } from "../lib/screens";
import { useAction } from "../lib/useApi";

export function VehicleCheck() {
  const point = useRecordingPoint();
  const [country, setCountry] = useState("");
  const [plate, setPlate] = useState("");
  const [vin, setVin] = useState("");
  const [direction, setDirection] = useState<Direction>("entry");
  const [occupants, setOccupants] = useState<Occupant[]>(() => [newOccupant()]);
  const [result, setResult] = useState<VehicleCheckReply>();
  const [problem, setProblem] = useState<string>();
  const action = useAction();

  const submit = (e: FormEvent) => {
    setResult(undefined);
    setProblem(undefined);
    if (!plate.trim() && !vin.trim()) {
      e.preventDefault();
      setProblem(t.vehicles.vehicleNeeded);
      return;
    }
    return action.run(e, async () => {
      const { data } = await call("post", "/api/v1/vehicle-checks", {
        body: {
          ...(plate.trim() ? { plate: { country: country.trim(), number: plate.trim() } } : {}),
          ...(vin.trim() ? { vin: vin.trim().toUpperCase() } : {}),
          direction,
          ...(point.id ? { crossingPointId: point.id } : {}),
          occupants: occupants.map(occupantBody),
          purpose: PURPOSES.vehicle,
        },
      });
      setResult(data);
    });
  };

  const text = (label: string, value: string, set: (v: string) => void, name: string) => (
    <label>
      {label}
      <input
        name={name}
        value={value}
        onChange={(e) => set(e.target.value)}
        autoComplete="off"
        spellCheck={false}
        dir="ltr"
      />
    </label>
  );

  return (
    <section className="check" aria-labelledby="vehicles-title">
      <ScreenTitle id="vehicles-title">{t.vehicles.title}</ScreenTitle>
      <ListAge />
      <p className="muted">{t.vehicles.intro}</p>
      <div className="check-grid">
        <form onSubmit={submit} className="card">
          <fieldset>
            <legend>{t.vehicles.vehicle}</legend>
            <div className="fields inline">
              {text(t.vehicles.plateCountry, country, setCountry, "plateCountry")}
              {text(t.vehicles.plateNumber, plate, setPlate, "plateNumber")}
              {text(t.vehicles.vin, vin, setVin, "vin")}
            </div>
          </fieldset>
          <OccupantFields occupants={occupants} onChange={setOccupants} />
          <div className="fields inline">
            <DirectionSelect value={direction} onChange={setDirection} />
            <RecordingPointSelect point={point} required={occupants.some((o) => o.mode === "manual")} />
          </div>
          <CheckActions busy={action.busy} label={action.busy ? t.check.submitting : t.vehicles.submit} />
        </form>
        <ResultArea problem={problem} error={action.error} errorTitle={t.vehicles.failed}>
          {result && <VehicleResult result={result} />}
        </ResultArea>
      </div>
    </section>
  );
}
