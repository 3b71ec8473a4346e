// Paging parameters and the page shape, defined once for every list route: `?limit=&cursor=` in, and
// `{ <items>: [...], total, nextCursor }` out, where <items> is the list's own name (alerts, rules,
// screenings, …) so that a paged route keeps its body's key. Paging itself is src/db/paging.ts.
import { type TProperties, type TSchema, Type } from "@sinclair/typebox";
import type { PageRequest } from "../db/index.js";
import { InvalidError } from "../shared/errors.js";

/** Query properties to spread into a list route's querystring schema. */
export const pageQuery = (max: number, defaultLimit: number) => ({
  limit: Type.Optional(
    Type.String({
      pattern: "^[1-9][0-9]{0,3}$",
      description: `rows per page, 1 to ${max} (default ${defaultLimit})`,
    }),
  ),
  cursor: Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 1024,
      pattern: "^[A-Za-z0-9_-]+$",
      description: "the nextCursor of the previous page; omit for the first page",
    }),
  ),
});

/** The page a query asks for; a limit over the route's maximum is refused, not silently cut. */
export function pageRequest(
  query: { limit?: string; cursor?: string },
  max: number,
  defaultLimit: number,
): PageRequest {
  const limit = query.limit === undefined ? defaultLimit : Number(query.limit);
  if (limit > max) throw new InvalidError(`limit: at most ${max} per page`, undefined, "page_limit", { max });
  return { limit, ...(query.cursor ? { cursor: query.cursor } : {}) };
}

/** The response of a paged list: `{ [key]: item[], total, nextCursor }`. */
export function pageOf<K extends string, T extends TSchema>(key: K, item: T) {
  const props: TProperties = {
    [key]: Type.Array(item),
    total: Type.Integer({ minimum: 0, description: "rows matching the filter, on all pages" }),
    nextCursor: Type.Union([Type.String(), Type.Null()], { description: "null on the last page" }),
  };
  return Type.Object(props);
}
