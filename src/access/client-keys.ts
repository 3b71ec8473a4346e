// API keys for analysts' tools (yente clients, OpenRefine). A key acts as one Limes user, so their agency
// and roles decide what it sees (a first-line user's key gets no list details), and it carries the purpose
// its queries are processed for, because those tools send none. Made by an operator from the command
// line, shown once, stored as a hash like every token.
import { randomUUID } from "node:crypto";
import { InvalidError, NotFoundError } from "../shared/errors.js";
import { type AccessContext, appendAuditIn } from "./context.js";
import * as store from "./store.js";
import { insertToken, newToken } from "./tokens.js";

export interface NewClientKey {
  username: string;
  /** The tool or team the key is for, e.g. "openrefine-fiu". */
  client: string;
  purpose: string;
  expiresInDays: number;
}

export async function createClientKey(
  ctx: AccessContext,
  input: NewClientKey,
): Promise<{ key: string; id: string; expiresAt: string }> {
  if (!/^[\w.-]{2,64}$/.test(input.client))
    throw new InvalidError("client: 2 to 64 letters, digits, '.', '_' or '-'");
  if (input.purpose.trim().length < 3)
    throw new InvalidError("purpose: required for processing personal data");
  if (!(input.expiresInDays > 0 && input.expiresInDays <= 366))
    throw new InvalidError("expiresInDays: between 1 and 366");
  const user = await store.userByName(ctx.db, input.username);
  if (!user || user.disabled_at) throw new NotFoundError(`no active user "${input.username}"`);
  const key = newToken();
  const id = randomUUID();
  const expiresAt = new Date(ctx.now().getTime() + input.expiresInDays * 86_400_000).toISOString();
  const client = { name: input.client, purpose: input.purpose.trim() };
  await ctx.db.kysely.transaction().execute(async (trx) => {
    await insertToken(trx, ctx, {
      id,
      userId: user.id,
      token: key,
      kind: "api",
      name: input.client,
      expiresAt,
      client,
    });
    await appendAuditIn(trx, ctx, {
      actor: { username: "system" },
      action: "token.create",
      objectType: "token",
      objectId: id,
      outcome: "success",
      details: { user: input.username, client: input.client, purpose: client.purpose },
    });
  });
  return { key, id, expiresAt };
}
