// Partner exchange: the step-1 hit/no-hit round trip between two local Limes server processes,
// signatures included (issue 16). Two measures:
//   1. the whole round trip as an officer sees it: POST /api/v1/alerts/:id/partner-checks on node A,
//      which signs the query, sends it to node B, B verifies, screens, records and audits, A records and
//      audits the answer; sequential, so the figure is latency;
//   2. the answering side's capacity: signed queries straight to node B from this process (a new
//      signature and nonce per request, as a partner sends them) from several connections at once. The
//      load generator shares the machine's cores with the server.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { loadPrivateKey } from "../src/audit/index.js";
import { keyIdOf, signRequest } from "../src/partners/index.js";
import { agreeWith, call, type Node, signInAll, startNode } from "../test/partners/support.js";
import { note } from "./progress.js";
import { renderTable } from "./table.js";

export const PARTNER_TARGETS = { roundTripP99Ms: 20, answersPerS: 500 };

export interface PartnerBenchResult {
  roundTrip: { requests: number; p50Ms: number; p99Ms: number };
  answering: {
    seconds: number;
    connections: number;
    answered: number;
    perS: number;
    p99Ms: number;
    errors: number;
  };
  loadavg: string;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
};

async function openAlert(a: Node): Promise<string> {
  const point = await call(a, "admin", "POST", "/api/v1/crossing-points", {
    code: "BENCH-1",
    name: "Bench point",
    kind: "land",
    country: "MK",
  });
  // UN sample entry CDi.041: on node B's shared UN list, so the answers are hits.
  await call(a, "booth", "POST", "/api/v1/crossings", {
    entry: {
      person: { surname: "RUKUNDA", givenNames: "MICHEL", birthDate: "1974-09-12", nationality: "CD" },
      direction: "entry",
      crossingPointId: point.body.id,
    },
    purpose: "entry check",
  });
  return (await call(a, "reviewer", "GET", "/api/v1/alerts")).body.alerts[0].id;
}

async function answering(a: Node, b: Node, seconds: number, connections: number) {
  const privateKey = loadPrivateKey(a.keyFile);
  const key = { privateKey, keyId: keyIdOf(privateKey) };
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + seconds * 1000;
  const worker = async () => {
    while (Date.now() < until) {
      const body = JSON.stringify({
        requestId: randomUUID(),
        purpose: "counter-terrorism",
        kind: "person",
        person: { name: "MICHEL RUKUNDA", birthDate: "1974-09-12" },
      });
      const headers = signRequest({ method: "POST", path: "/partner/v1/queries", body }, key);
      const t = performance.now();
      const r = await fetch(`${b.url}/partner/v1/queries`, {
        method: "POST",
        headers: { "content-type": "application/json", ...headers },
        body,
      });
      await r.arrayBuffer();
      if (r.status === 200) latencies.push(performance.now() - t);
      else errors++;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return {
    seconds,
    connections,
    answered: latencies.length,
    perS: Math.round(latencies.length / seconds),
    p99Ms: Math.round(percentile(latencies, 99) * 10) / 10,
    errors,
  };
}

export async function runPartnerBench(opts: {
  requests: number;
  seconds: number;
}): Promise<PartnerBenchResult> {
  const port = 19_800 + Math.floor(Math.random() * 100);
  note("partners: starting two server processes");
  const [a, b] = await Promise.all([startNode("MK-BORDER", port), startNode("AL-BORDER", port + 1)]);
  try {
    await Promise.all([signInAll(a), signInAll(b)]);
    await agreeWith(a, b, ["ofac-sdn"], { ratePerMinute: 1_000_000 });
    await agreeWith(b, a, ["un-sc", "ofac-sdn"], { ratePerMinute: 1_000_000 });
    const alertId = await openAlert(a);
    const ask = () =>
      call(a, "reviewer", "POST", `/api/v1/alerts/${alertId}/partner-checks`, {
        partnerNodeId: "AL-BORDER",
        purpose: "counter-terrorism",
        kind: "person",
      });
    await ask(); // B builds its partner index on the first query
    note(`partners: ${opts.requests} round trips through node A`);
    const times: number[] = [];
    for (let i = 0; i < opts.requests; i++) {
      const t = performance.now();
      const r = await ask();
      if (r.status !== 201 || r.body.answer !== "hit")
        throw new Error(`round trip: ${JSON.stringify(r.body)}`);
      times.push(performance.now() - t);
    }
    note(`partners: ${opts.seconds} s of signed queries straight to node B`);
    const load = await answering(a, b, opts.seconds, 8);
    const round = (x: number) => Math.round(x * 10) / 10;
    return {
      roundTrip: {
        requests: times.length,
        p50Ms: round(percentile(times, 50)),
        p99Ms: round(percentile(times, 99)),
      },
      answering: load,
      loadavg: readFileSync("/proc/loadavg", "utf8").trim(),
    };
  } finally {
    for (const n of [a, b]) n.child.kill("SIGKILL");
  }
}

export function partnerReport(r: PartnerBenchResult): string {
  return [
    renderTable(
      "7. Partner exchange (two local server processes, Ed25519 signatures)",
      ["measure", "figure", "target"],
      [
        ["round trip A → B → A, p50", `${r.roundTrip.p50Ms} ms`, ""],
        ["round trip A → B → A, p99", `${r.roundTrip.p99Ms} ms`, `≤ ${PARTNER_TARGETS.roundTripP99Ms} ms`],
        [
          `answers by B (${r.answering.connections} connections, ${r.answering.seconds} s)`,
          `${r.answering.perS}/s (p99 ${r.answering.p99Ms} ms, ${r.answering.errors} errors)`,
          `≥ ${PARTNER_TARGETS.answersPerS}/s`,
        ],
      ],
    ),
    `load average at the end: ${r.loadavg}`,
    "",
  ].join("\n");
}
