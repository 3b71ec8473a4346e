// An admin proposes an agreement with a partner node, or a new version of one: it is stored as
// `pending` and takes effect only when a second admin approves it (four-eyes through approvals).
import { createPublicKey, randomUUID } from "node:crypto";
import { can, type Principal } from "../access/index.js";
import { proposeApproval } from "../approvals/index.js";
import type { Db } from "../db/index.js";
import { ForbiddenError, InvalidError, NotFoundError } from "../shared/errors.js";
import { type Agreement, type AgreementTerms, type Category, checkNodeId, checkTerms } from "./model.js";
import { keyIdOf } from "./signature.js";
import { insertAgreement, latestVersion, listSharing } from "./store.js";

export const AGREEMENT_KIND = "partner.agreement";

export interface AgreementInput extends Omit<AgreementTerms, "categories"> {
  /** Checked against CATEGORIES: protection data can never be named. */
  categories: string[];
  /** Set to propose a new version of an existing agreement. */
  id?: string;
  partnerNodeId: string;
  partnerKey: string;
  partnerUrl: string;
  validFrom: string;
  validTo: string;
  reason: string;
}

function pinnedKey(pem: string) {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === "ed25519") return key;
  } catch {
    // reported below
  }
  throw new InvalidError(
    "partnerKey: the partner's Ed25519 public key as SPKI PEM (its /.well-known/limes-node)",
  );
}

export async function proposeAgreement(db: Db, p: Principal, input: AgreementInput, now = new Date()) {
  if (!can(p, "partners:manage")) throw new ForbiddenError("only an admin proposes partner agreements");
  checkNodeId(input.partnerNodeId, "partnerNodeId");
  checkTerms(input as AgreementTerms, input.validFrom, input.validTo);
  if (!/^https?:\/\/[^\s]+$/.test(input.partnerUrl))
    throw new InvalidError("partnerUrl: the partner's http(s) base URL");
  const key = pinnedKey(input.partnerKey);
  return db.kysely.transaction().execute(async (trx) => {
    const sharing = new Map((await listSharing(trx)).map((l) => [l.id, l.sharing]));
    const unknown = input.lists.filter((l) => !sharing.has(l));
    if (unknown.length) throw new InvalidError(`lists: unknown ${unknown.join(", ")}`);
    const national = input.lists.filter((l) => sharing.get(l) !== "partners");
    if (national.length)
      throw new InvalidError(
        `lists: ${national.join(", ")} ${national.length > 1 ? "are" : "is"} national-only`,
      );
    const id = input.id ?? randomUUID();
    const last = await latestVersion(trx, id);
    if (input.id && last === 0) throw new NotFoundError(`agreement ${input.id} not found`);
    const agreement: Agreement = {
      id,
      version: last + 1,
      status: "pending",
      partnerNodeId: input.partnerNodeId,
      partnerKey: key.export({ type: "spki", format: "pem" }).toString(),
      partnerKeyId: keyIdOf(key),
      partnerUrl: input.partnerUrl.replace(/\/+$/, ""),
      validFrom: new Date(input.validFrom).toISOString(),
      validTo: new Date(input.validTo).toISOString(),
      purposes: [...new Set(input.purposes)],
      queryKinds: [...new Set(input.queryKinds)],
      lists: [...new Set(input.lists)],
      categories: [...new Set(input.categories)] as Category[],
      retentionDays: input.retentionDays,
      ratePerMinute: input.ratePerMinute,
      contact: input.contact,
      ...(input.autoDocumentCheck ? { autoDocumentCheck: input.autoDocumentCheck } : {}),
      ...(input.regionalBundle ? { regionalBundle: true } : {}),
      approvalId: null,
      createdBy: p.username,
      createdAt: now.toISOString(),
    };
    const approval = await proposeApproval(
      trx,
      p,
      {
        kind: AGREEMENT_KIND,
        subject: `${agreement.partnerNodeId} ${id}@${agreement.version}`,
        payload: { id, version: agreement.version },
        reason: input.reason,
        requiredPermission: "partners:manage",
      },
      now,
    );
    agreement.approvalId = approval.id;
    await insertAgreement(trx, agreement, now.toISOString());
    return { agreement, approvalId: approval.id };
  });
}
