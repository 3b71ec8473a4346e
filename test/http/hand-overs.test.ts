// The hand-over of an alert to another agency of the same deployment (issue 16, item 5), on both
// dialects: border police share an alert with customs, with a reason; customs see it in their queue,
// border police's other agencies do not; both agencies' audit trails record it.
import { beforeAll, expect, it } from "vitest";
import { queryAudit } from "../../src/audit/index.js";
import { describeBothDialects } from "../support/db.js";
import { startTestApi, type TestApi } from "./harness.js";

describeBothDialects("alert hand-over between agencies", (getDb) => {
  let api: TestApi;
  let alertId: string;

  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addCrossingPoint("cp-hand-over", "border-police");
    await api.addUser("booth", ["first_line"], "border-police");
    await api.addUser("police.reviewer", ["second_line"], "border-police");
    await api.addUser("customs.reviewer", ["second_line"], "customs");
    await api.addUser("other.reviewer", ["second_line"], "coast-guard");
    // Marko Horvat, NL-0012 of the fictional national list: the crossing opens an alert.
    await api.call("booth", "POST", "/api/v1/crossings", {
      entry: {
        person: { surname: "Horvat", givenNames: "Marko", birthDate: "1987-09-03", nationality: "HR" },
        direction: "entry",
        crossingPointId: "cp-hand-over",
      },
      purpose: "entry",
    });
    alertId = (await api.call("police.reviewer", "GET", "/api/v1/alerts")).json().alerts[0].id;
  });

  it("shows the alert in the other agency's queue only, and audits both sides", async () => {
    const r = await api.call("police.reviewer", "POST", `/api/v1/alerts/${alertId}/hand-overs`, {
      agency: "customs",
      mode: "action",
      reason: "suspected smuggling route; customs to inspect the vehicle",
    });
    expect(r.statusCode, r.body).toBe(201);
    const customs = (await api.call("customs.reviewer", "GET", "/api/v1/hand-overs?purpose=queue")).json()
      .handOvers;
    expect(customs).toHaveLength(1);
    expect(customs[0]).toMatchObject({
      alertId,
      fromAgency: "border-police",
      toAgency: "customs",
      mode: "action",
    });
    expect(customs[0].alert.traveller.surname).toBe("Horvat");
    expect(
      (await api.call("other.reviewer", "GET", "/api/v1/hand-overs?purpose=queue")).json().handOvers,
    ).toEqual([]);
    // Customs still cannot open border police's alert itself: they work from the hand-over.
    expect(
      (await api.call("customs.reviewer", "GET", `/api/v1/alerts/${alertId}?purpose=review`)).statusCode,
    ).toBe(404);
    const sent = await queryAudit(getDb(), { action: "alert.hand-over", agency: "border-police" });
    const received = await queryAudit(getDb(), { action: "alert.hand-over.receive", agency: "customs" });
    expect(sent[0]?.objectId).toBe(r.json().id);
    expect(received[0]?.objectId).toBe(r.json().id);
  });

  it("refuses a hand-over to its own agency or an unknown one, and changes nothing", async () => {
    for (const agency of ["border-police", "no-such-agency"]) {
      const r = await api.call("police.reviewer", "POST", `/api/v1/alerts/${alertId}/hand-overs`, {
        agency,
        mode: "read",
        reason: "for information",
      });
      expect(r.statusCode).toBe(422);
    }
    expect(await queryAudit(getDb(), { action: "alert.hand-over" })).toHaveLength(1);
  });
});
