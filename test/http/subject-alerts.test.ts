// Alerts on goods subjects (issue 17) share the queue and the review with persons: an alert opened on a
// vessel is listed under its declared label and kind, and its detail carries the hits with their evidence.
import { afterAll, beforeAll, expect, it } from "vitest";
import { openSubjectAlert } from "../../src/alerts/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

describeBothDialects("alerts on goods subjects", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("reviewer", ["second_line"]);
  });
  afterAll(async () => {
    await api?.app.close();
  });

  it("lists a vessel's alert by label and shows its hits in the detail", async () => {
    const none = await getDb()
      .kysely.transaction()
      .execute((trx) =>
        openSubjectAlert(
          trx,
          {
            agency: "agency-a",
            source: "vessel",
            sourceId: "check-0",
            reference: "V-EMPTY",
            now: new Date(),
          },
          { kind: "vessel", index: 0, key: "vessel:IMO0000000", description: { label: "NOTHING" }, hits: [] },
        ),
      );
    expect(none).toBeNull();

    const opened = await getDb()
      .kysely.transaction()
      .execute((trx) =>
        openSubjectAlert(
          trx,
          { agency: "agency-a", source: "vessel", sourceId: "check-1", reference: "V-1", now: new Date() },
          {
            kind: "vessel",
            index: 0,
            key: "vessel:IMO9074729",
            description: { label: "SEA STAR", imoNumber: "9074729", flag: "PA" },
            hits: [
              {
                kind: "listed_vessel",
                priority: "high",
                list: "ofac-sdn",
                entityId: "ofac-1",
                score: 1,
                requestedAction: "Sanctioned vessel: hold clearance and inform the sanctions authority",
                evidence: { declared: "9074729", listed: "9074729" },
              },
              {
                kind: "transshipment_port",
                priority: "standard",
                requestedAction: "Inspect the cargo's papers for the transshipment",
                evidence: { port: "TRLTA" },
              },
            ],
          },
        ),
      );
    expect(opened?.priority).toBe("high");

    const queue = await api.call("reviewer", "GET", "/api/v1/alerts");
    expect(queue.statusCode).toBe(200);
    const line = queue.json().alerts.find((a: { id: string }) => a.id === opened!.alertId);
    expect(line).toMatchObject({
      subjectKind: "vessel",
      source: "vessel",
      priority: "high",
      traveller: { surname: "SEA STAR", givenNames: "", birthDate: null },
      summary: { subjectHits: 2, matches: 0 },
    });

    const detail = await api.call("reviewer", "GET", `/api/v1/alerts/${opened!.alertId}?purpose=review`);
    expect(detail.statusCode).toBe(200);
    expect(detail.json().traveller).toMatchObject({ label: "SEA STAR", imoNumber: "9074729" });
    expect(detail.json().subjectHits.map((h: { kind: string }) => h.kind)).toEqual([
      "listed_vessel",
      "transshipment_port",
    ]);
    expect(detail.json().requestedActions).toHaveLength(2);
  });
});
