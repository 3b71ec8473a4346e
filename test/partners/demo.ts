// `npm run demo:partners`: two Limes nodes on this machine, MK-BORDER (port 8081) and AL-BORDER (8082),
// each with its own SQLite database and node key, agreements approved both ways (AL-BORDER shares the UN
// list, MK-BORDER the OFAC list), and one alert on MK-BORDER about a person on the UN sample list. Then
// try it in the web UI or with the API: ask the partner from the alert, follow up, decide on the other
// side. Ctrl-C stops both. Every person in the demo comes from the public sample lists in data/samples.
import { agreeWith, call, type Node, signInAll, startNode } from "./support.js";

const nodes: Node[] = [];
const stop = () => {
  for (const n of nodes) n.child.kill("SIGTERM");
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

process.stdout.write("Starting MK-BORDER and AL-BORDER (loading the sample lists takes a while)…\n");
const [a, b] = await Promise.all([startNode("MK-BORDER", 8081), startNode("AL-BORDER", 8082)]);
nodes.push(a, b);
await Promise.all([signInAll(a), signInAll(b)]);
await agreeWith(a, b, ["ofac-sdn"]);
await agreeWith(b, a, ["un-sc"]);
const point = await call(a, "admin", "POST", "/api/v1/crossing-points", {
  code: "MK-TABANOVCE",
  name: "Tabanovce",
  kind: "land",
  country: "MK",
});
await call(a, "booth", "POST", "/api/v1/crossings", {
  entry: {
    person: { surname: "RUKUNDA", givenNames: "MICHEL", birthDate: "1974-09-12", nationality: "CD" },
    direction: "entry",
    crossingPointId: point.body.id,
  },
  purpose: "entry check",
});
const alert = (await call(a, "reviewer", "GET", "/api/v1/alerts")).body.alerts[0];

process.stdout.write(
  [
    "",
    `  MK-BORDER  ${a.url}   AL-BORDER  ${b.url}`,
    `  Accounts on both: admin, admin2, reviewer, booth, lists, protection`,
    `  Passwords: "${a.password} crossing river lamps" on MK-BORDER, "${b.password} crossing river lamps" on AL-BORDER`,
    '  (admin2: "a second admin\'s password 1")',
    `  Alert on MK-BORDER: ${alert.id} (a person on the UN sample list, which AL-BORDER shares)`,
    "",
    "  As reviewer on MK-BORDER: POST /api/v1/alerts/<alert>/partner-checks",
    '    {"partnerNodeId":"AL-BORDER","purpose":"counter-terrorism","kind":"person"}',
    "  then POST /api/v1/partner-checks/<requestId>/follow-ups with categories, reason and legal basis;",
    "  as reviewer on AL-BORDER: GET /api/v1/partner-requests, POST /api/v1/partner-requests/<id>/approve.",
    "  Ctrl-C stops both nodes.",
    "",
  ].join("\n"),
);
