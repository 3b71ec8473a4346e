// Replies are serialised by their schema (fast-json-stringify), which drops any field the schema does not
// name and coerces wrong types. In tests every JSON reply is first validated against its route's schema,
// read strictly (no field beyond the schema's), so a schema that would lose or bend data fails the test
// that produced the reply instead of passing silently.
import { Ajv, type ValidateFunction } from "ajv";
import type { FastifyInstance } from "fastify";

/** The schema as JSON, with every object closed to properties it does not name. */
function strict(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(strict);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) out[key] = strict(value);
  if (out.type === "object" && out.properties && out.additionalProperties === undefined) {
    out.additionalProperties = false;
  }
  return out;
}

const asJson = (schema: object) => strict(JSON.parse(JSON.stringify(schema))) as object;

export function checkReplies(app: FastifyInstance): void {
  // Reply schemas name no formats; TypeBox's own keywords are not Ajv's, hence not strict. The app's named
  // schemas (components) are added so that `$ref`s resolve.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  const compiled = new WeakMap<object, ValidateFunction>();
  let named = false;
  const validator = (schema: object): ValidateFunction => {
    if (!named) {
      for (const s of Object.values(app.getSchemas())) ajv.addSchema(asJson(s as object));
      named = true;
    }
    const known = compiled.get(schema);
    if (known) return known;
    const v = ajv.compile(asJson(schema));
    compiled.set(schema, v);
    return v;
  };
  app.addHook("preSerialization", async (req, reply, payload) => {
    const responses = reply.routeOptions.schema?.response as Record<string, object> | undefined;
    if (!responses || !req.url.startsWith("/api/v1")) return payload;
    const status = reply.statusCode;
    const schema = responses[status] ?? responses[`${String(status)[0]}xx`];
    const where = `${req.method} ${reply.routeOptions.url} ${status}`;
    // A 500 whose message names the fault, so the failing test prints it with the body.
    const fail = (message: string) => {
      reply.code(500);
      return {
        error: {
          code: "reply_check",
          message: `${where}: ${message}`,
          params: { route: where },
          details: payload,
        },
      };
    };
    if (!schema) return fail("no response schema");
    const validate = validator(schema);
    return validate(payload) ? payload : fail(ajv.errorsText(validate.errors));
  });
}
