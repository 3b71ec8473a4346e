import { describe, expect, it } from "vitest";
import { readConfig } from "../config.js";
import { listAge } from "./model.js";

describe("sync configuration", () => {
  it("is absent without NATS: a single node as before", () => {
    expect(readConfig({}).sync).toBeUndefined();
  });

  it("reads a post's settings", () => {
    const c = readConfig({
      LIMES_ROLE: "post",
      LIMES_POST_ID: "island-2",
      LIMES_NATS_URL: "nats://127.0.0.1:4223",
      LIMES_NATS_DOMAIN: "centre",
      LIMES_LIST_WARN_HOURS: "6",
    });
    expect(c.sync).toEqual({
      role: "post",
      postId: "island-2",
      natsUrl: "nats://127.0.0.1:4223",
      natsDomain: "centre",
      duplicateWindowSeconds: 120,
      listWarnHours: 6,
    });
  });

  it("names every problem at once", () => {
    expect(() =>
      readConfig({ LIMES_ROLE: "post", LIMES_POST_ID: "Island 2", LIMES_SYNC_DUPLICATE_WINDOW_SECONDS: "0" }),
    ).toThrow(
      /LIMES_POST_ID must be.*needs LIMES_POST_ID and LIMES_NATS_URL.*DUPLICATE_WINDOW_SECONDS must be/,
    );
    expect(() => readConfig({ LIMES_ROLE: "outpost" })).toThrow(/LIMES_ROLE must be centre or post/);
  });
});

describe("list age", () => {
  const now = new Date("2026-12-01T12:00:00Z");
  it("is the age of the least recently confirmed list, with a warning past the limit", () => {
    expect(listAge(["2026-12-01T10:00:00Z", "2026-12-01T11:30:00Z"], now, 3)).toEqual({
      oldestReceivedAt: "2026-12-01T10:00:00Z",
      ageSeconds: 7200,
      warnAfterHours: 3,
      warning: false,
    });
    expect(listAge(["2026-12-01T10:00:00Z"], now, 1).warning).toBe(true);
  });
  it("warns when the post never received a list", () => {
    expect(listAge([], now, 24)).toEqual({ warnAfterHours: 24, warning: true });
  });
});
