// The regional risk-analysis exchange bound to a database and to this node's identity (the partner
// exchange's node key signs the bundles).
import type { Principal } from "../access/index.js";
import type { Db } from "../db/index.js";
import type { Agreement, NodeIdentity } from "../partners/index.js";
import { exportBundle } from "./export-bundle.js";
import { importBundle } from "./import-bundle.js";
import { startMonthlyBundles } from "./publish-month.js";
import { importedBundles } from "./read.js";
import { receiveBundle } from "./receive-bundle.js";

export function createRegionalService(db: Db, node?: NodeIdentity) {
  return {
    exportBundle: (p: Principal, month: string) => exportBundle(db, node, p, month),
    importBundle: (p: Principal, input: unknown) => importBundle(db, node, p, input),
    bundles: (p: Principal, month?: string) => importedBundles(db, p, month),
    receive: (agreement: Agreement, input: unknown) => receiveBundle(db, node, agreement, input),
    /** Publishes each month's bundle to the partners that receive it, while this node has an identity. */
    startMonthly: (onError: (err: unknown) => void) =>
      node ? startMonthlyBundles(db, node, onError) : { stop: async () => {} },
  };
}

export type RegionalService = ReturnType<typeof createRegionalService>;
