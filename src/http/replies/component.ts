// Named schemas: registered with the app once (`app.addSchema`), referenced by `$ref` from every route
// that replies with them, and listed under `components.schemas` of the OpenAPI document, so the
// generated client types name them (`components["schemas"]["Match"]`) instead of repeating them inline.
import { type Static, type TSchema, Type } from "@sinclair/typebox";

const registered: TSchema[] = [];

/** The schema under `id`, as a reference that keeps its static type. */
export function component<T extends TSchema>(id: string, schema: T) {
  registered.push({ ...schema, $id: id });
  return Type.Unsafe<Static<T>>(Type.Ref(id));
}

/** Every named schema, for `app.addSchema`. */
export const components = (): readonly TSchema[] => registered;
