// Calls a partner node: a JSON POST under /partner/v1, signed with this node's key. The reply is read
// as JSON whatever its status, so the caller can name the partner's reason for a refusal.
import { ConflictError } from "../shared/errors.js";
import { type NodeIdentity, PARTNER_API } from "./node.js";
import { signRequest } from "./signature.js";

export interface PartnerReply {
  status: number;
  body: Record<string, unknown>;
}

export type PartnerSender = (partnerUrl: string, route: string, payload: unknown) => Promise<PartnerReply>;

export function createPartnerClient(node: NodeIdentity, opts: { timeoutMs?: number } = {}): PartnerSender {
  return async (partnerUrl, route, payload) => {
    const path = `${PARTNER_API}${route}`;
    const body = JSON.stringify(payload);
    const headers = signRequest({ method: "POST", path, body }, node);
    let res: Response;
    try {
      res = await fetch(`${partnerUrl}${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
        signal: AbortSignal.timeout(opts.timeoutMs ?? 10_000),
      });
    } catch (err) {
      throw new ConflictError(
        `partner ${partnerUrl} cannot be reached: ${(err as Error).message}`,
        {},
        "partner_unreachable",
      );
    }
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = {};
    }
    return {
      status: res.status,
      body: typeof parsed === "object" && parsed ? (parsed as Record<string, unknown>) : {},
    };
  };
}

/** The partner's error code and message from an error reply, for our own error and audit entry. */
export function partnerError(reply: PartnerReply): { code: string; message: string } {
  const e = reply.body.error as { code?: unknown; message?: unknown } | undefined;
  return {
    code: typeof e?.code === "string" ? e.code : `status_${reply.status}`,
    message: typeof e?.message === "string" ? e.message : `the partner answered ${reply.status}`,
  };
}
