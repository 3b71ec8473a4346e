// A cargo manifest as JSON: the same content as the CSV form, nested. The schema is TypeBox, so the
// fault's place is its JSON path (`/consignments/3/goods/0/hsCode`).
import { type Static, Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { InvalidError } from "../shared/errors.js";
import { type CargoManifest, PARTY_ROLES } from "./model.js";

const Text = Type.String({ minLength: 1, maxLength: 500 });

export const CargoManifestJson = Type.Object(
  {
    vessel: Type.Optional(
      Type.Object(
        {
          name: Type.Optional(Text),
          imo: Type.Optional(Text),
          mmsi: Type.Optional(Text),
          callSign: Type.Optional(Text),
          flag: Type.Optional(Text),
        },
        { additionalProperties: false },
      ),
    ),
    voyage: Type.Optional(Text),
    carrier: Type.Optional(Text),
    consignments: Type.Array(
      Type.Object(
        {
          reference: Text,
          parties: Type.Array(
            Type.Object(
              {
                role: Type.Union(PARTY_ROLES.map((r) => Type.Literal(r))),
                name: Text,
                country: Type.Optional(Type.String({ pattern: "^[A-Z]{2}$" })),
              },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
          placeOfLoading: Type.Optional(Text),
          placeOfDischarge: Type.Optional(Text),
          transshipment: Type.Optional(Type.Array(Text)),
          goods: Type.Array(
            Type.Object(
              {
                hsCode: Type.Optional(Type.String({ pattern: "^[0-9]{2,10}$" })),
                description: Text,
                packages: Type.Optional(Type.Integer({ minimum: 0 })),
                grossKg: Type.Optional(Type.Number({ minimum: 0 })),
                containers: Type.Optional(Type.Array(Text)),
              },
              { additionalProperties: false },
            ),
            { minItems: 1 },
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1 },
    ),
  },
  { additionalProperties: false },
);
export type CargoManifestJsonInput = Static<typeof CargoManifestJson>;

export function parseCargoJson(text: string): CargoManifest {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new InvalidError(`cargo manifest JSON: not readable as JSON: ${(e as Error).message}`);
  }
  const errors = [...Value.Errors(CargoManifestJson, data)].slice(0, 5);
  if (errors.length > 0) {
    const problems = errors.map((e) => `${e.path || "/"}: ${e.message}`);
    throw new InvalidError(`cargo manifest JSON: ${problems.join("; ")}`, { problems });
  }
  const input = data as CargoManifestJsonInput;
  const manifest: CargoManifest = { format: "json", consignments: [], warnings: [] };
  if (input.vessel) manifest.vessel = { ...input.vessel };
  if (input.voyage) manifest.voyage = input.voyage;
  if (input.carrier) manifest.carrier = input.carrier;
  for (const [i, c] of input.consignments.entries()) {
    const goods = c.goods.map((g) => ({ ...g, containers: g.containers ?? [] }));
    manifest.consignments.push({
      reference: c.reference,
      parties: c.parties,
      goods,
      containers: [...new Set(goods.flatMap((g) => g.containers))],
      transshipment: c.transshipment ?? [],
      source: `/consignments/${i}`,
      ...(c.placeOfLoading ? { placeOfLoading: c.placeOfLoading } : {}),
      ...(c.placeOfDischarge ? { placeOfDischarge: c.placeOfDischarge } : {}),
    });
  }
  return manifest;
}
