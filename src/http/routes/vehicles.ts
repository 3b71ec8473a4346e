// A vehicle and its occupants at a land post: the booth sends the plate and/or VIN and each occupant as
// it would send a crossing; it gets refer or clear for the vehicle and for each person.
import { Type } from "@sinclair/typebox";
import type { VehicleService } from "../../vehicles/index.js";
import { principalOf } from "../gate.js";
import { errorReplies, purpose } from "../schemas.js";
import type { RoutePlugin } from "../type-provider.js";
import { Decision, Direction, SubjectHitReply, Text } from "./goods-schemas.js";

const Occupant = Type.Object(
  {
    mrz: Type.Optional(Type.String({ minLength: 30, maxLength: 200 })),
    entry: Type.Optional(
      Type.Object({}, { additionalProperties: true, description: "a manual entry, as for POST /crossings" }),
    ),
  },
  { additionalProperties: false },
);

const VehicleCheckBody = Type.Object(
  {
    plate: Type.Optional(
      Type.Object(
        {
          country: Type.String({
            maxLength: 60,
            description: "ISO alpha-2/alpha-3 or name; empty if unknown",
          }),
          number: Text(20),
        },
        { additionalProperties: false },
      ),
    ),
    vin: Type.Optional(Text(25)),
    make: Type.Optional(Text(60)),
    model: Type.Optional(Text(60)),
    colour: Type.Optional(Text(40)),
    direction: Direction,
    crossingPointId: Type.Optional(Text(64)),
    occupants: Type.Array(Occupant, { maxItems: 60 }),
    purpose,
  },
  {
    additionalProperties: false,
    description: "a plate, a VIN or both; occupants as crossings (mrz or entry)",
  },
);

const VehicleCheckReply = Type.Object({
  id: Type.String(),
  decision: Decision,
  vehicle: Type.Object({
    decision: Decision,
    reference: Type.String(),
    vinCheckDigit: Type.Optional(
      Type.Object({ rule: oneOfRule(), expected: Type.String(), found: Type.String(), ok: Type.Boolean() }),
    ),
    alertId: Type.Optional(Type.String()),
    hits: Type.Optional(Type.Array(SubjectHitReply)),
  }),
  occupants: Type.Array(
    Type.Object({
      index: Type.Integer(),
      crossingId: Type.String(),
      decision: Decision,
      reference: Type.String(),
    }),
  ),
});

function oneOfRule() {
  return Type.Unsafe<"required" | "optional">({ type: "string", enum: ["required", "optional"] });
}

export const vehicleRoutes =
  (deps: { vehicles: VehicleService }): RoutePlugin =>
  async (app) => {
    app.post(
      "/vehicle-checks",
      {
        config: { permission: "screen" },
        schema: {
          tags: ["vehicles"],
          summary: "check a vehicle against the stolen-vehicle list and record its occupants' crossings",
          body: VehicleCheckBody,
          response: { 201: VehicleCheckReply, ...errorReplies() },
        },
      },
      async (req, reply) => reply.code(201).send(await deps.vehicles.check(principalOf(req), req.body)),
    );
  };
