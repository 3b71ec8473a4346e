// Request types come from the route's TypeBox schema, so the schema stays the single source of truth.
// @fastify/type-provider-typebox 6 is built on `typebox` 1.x, not on the @sinclair/typebox 0.34 the
// schemas use; these few lines do the same over 0.34 and leave validation to Fastify's own Ajv.
import type { Static, TSchema } from "@sinclair/typebox";
import type { FastifyPluginAsync, FastifyTypeProvider, RawServerDefault } from "fastify";

export interface TypeBoxProvider extends FastifyTypeProvider {
  validator: this["schema"] extends TSchema ? Static<this["schema"]> : unknown;
  // Replies are not typed from the schemas: only the error replies have one.
  serializer: unknown;
}

/** A route plugin: one per capability, registered under /api/v1. */
export type RoutePlugin = FastifyPluginAsync<Record<never, never>, RawServerDefault, TypeBoxProvider>;

/** The Fastify instance a route plugin receives, for the functions that each register one route. */
export type RouteApp = Parameters<RoutePlugin>[0];
