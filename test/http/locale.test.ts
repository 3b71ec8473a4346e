// The UI language chosen at sign-in is kept with the user: the next session, on any workstation, starts in it.
import { beforeAll, expect, it } from "vitest";
import { describeBothDialects } from "../support/db.js";
import { PASSWORD, startTestApi, type TestApi } from "./harness.js";

describeBothDialects("the officer's UI language", (getDb) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(getDb());
    await api.addUser("booth", ["first_line"]);
  });

  it("is remembered for the user and returned at the next sign-in", async () => {
    expect((await api.call("booth", "GET", "/api/v1/auth/me")).json().user.locale).toBeUndefined();
    expect((await api.call("booth", "PUT", "/api/v1/auth/locale", { locale: "ar" })).statusCode).toBe(204);
    expect((await api.call("booth", "GET", "/api/v1/auth/me")).json().user.locale).toBe("ar");
    const again = await api.app.inject({
      method: "POST",
      url: "/api/v1/auth/login",
      payload: { username: "booth", password: PASSWORD },
    });
    expect(again.json().user.locale).toBe("ar");
  });

  it("refuses a language the UI does not have, and changes nothing", async () => {
    const r = await api.call("booth", "PUT", "/api/v1/auth/locale", { locale: "xx" });
    expect([r.statusCode, r.json().error.code]).toEqual([400, "bad_request"]);
    expect((await api.call("booth", "GET", "/api/v1/auth/me")).json().user.locale).toBe("ar");
  });
});
