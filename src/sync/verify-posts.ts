// Centre: the posts' audit chains, verified as they arrived: the same hash links and payload digests
// the post's own verifier checks (src/audit/chain.ts), walked a page at a time.
import { type ChainBreak, chainChecker } from "../audit/index.js";
import type { Db } from "../db/index.js";
import { postChainPage, postChains } from "./store.js";

export interface PostChainVerdict {
  origin: string;
  chain: number;
  entries: number;
  headHash: string;
  break?: ChainBreak;
}

export async function verifyPostChains(db: Db): Promise<PostChainVerdict[]> {
  const out: PostChainVerdict[] = [];
  for (const { origin, chain } of await postChains(db.kysely)) {
    const checker = chainChecker(chain);
    let entries = 0;
    let broken: ChainBreak | undefined;
    for (;;) {
      const page = await postChainPage(db.kysely, origin, chain, checker.last.seq, 1000);
      for (const row of page) {
        broken = checker.next({ ...row, id: Number(row.id), seq: Number(row.seq) });
        if (broken) break;
        entries++;
      }
      if (broken || page.length < 1000) break;
    }
    out.push({ origin, chain, entries, headHash: checker.last.hash, ...(broken ? { break: broken } : {}) });
  }
  return out;
}
