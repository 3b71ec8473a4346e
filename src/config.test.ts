import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";
import { DEFAULT_RETENTION } from "./retention/index.js";
import { InvalidError } from "./shared/errors.js";

describe("readConfig", () => {
  it("defaults to embedded SQLite on this machine only", () => {
    expect(readConfig({})).toEqual({
      db: "sqlite:./data/limes.db",
      port: 8080,
      host: "127.0.0.1",
      logLevel: "info",
      demoUsers: true,
      retention: DEFAULT_RETENTION,
    });
  });

  it("creates demo officers on the embedded database only, unless told otherwise", () => {
    expect(readConfig({ LIMES_DB: "postgres://db/limes" }).demoUsers).toBe(false);
    expect(readConfig({ LIMES_DB: "postgres://db/limes", LIMES_DEMO_USERS: "1" }).demoUsers).toBe(true);
    expect(readConfig({ LIMES_DEMO_USERS: "0" }).demoUsers).toBe(false);
    expect(() => readConfig({ LIMES_DEMO_USERS: "yes" })).toThrow(/LIMES_DEMO_USERS must be 0 or 1/);
  });

  it("reads the list removal limit as a percentage, unset by default", () => {
    expect(readConfig({}).listMaxRemovedPct).toBeUndefined();
    expect(readConfig({ LIMES_LIST_MAX_REMOVED_PCT: " 12.5 " }).listMaxRemovedPct).toBe(12.5);
    expect(() => readConfig({ LIMES_LIST_MAX_REMOVED_PCT: "120" })).toThrow(
      /LIMES_LIST_MAX_REMOVED_PCT must be a percentage from 0 to 100, not "120"/,
    );
    expect(() => readConfig({ LIMES_LIST_MAX_REMOVED_PCT: "five" })).toThrow(/percentage/);
  });

  it("reads every variable, trimmed", () => {
    expect(
      readConfig({
        LIMES_DB: " postgres://limes@db:5432/limes ",
        PORT: "9000",
        HOST: "0.0.0.0",
        LOG_LEVEL: "warn",
        LIMES_SLTD: "/srv/sltd.csv",
      }),
    ).toEqual({
      db: "postgres://limes@db:5432/limes",
      port: 9000,
      host: "0.0.0.0",
      logLevel: "warn",
      sltdFile: "/srv/sltd.csv",
      demoUsers: false,
      retention: DEFAULT_RETENTION,
    });
  });

  it("treats empty values as unset", () => {
    expect(readConfig({ PORT: "", LOG_LEVEL: " " })).toMatchObject({ port: 8080, logLevel: "info" });
  });

  it("names every problem at once", () => {
    let thrown: unknown;
    try {
      readConfig({ LIMES_DB: "mysql://db/limes", PORT: "80a", LOG_LEVEL: "loud" });
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(InvalidError);
    expect((thrown as InvalidError).details).toEqual({
      problems: [
        'LIMES_DB must be sqlite:<path> or postgres://…, not "mysql://db/limes"',
        'PORT must be a port number, not "80a"',
        'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "loud"',
      ],
    });
  });

  it("reads the audit signing settings and refuses a checkpoint interval that is not a number", () => {
    expect(
      readConfig({
        LIMES_AUDIT_KEY: "/etc/limes/limes-audit.key",
        LIMES_AUDIT_CHECKPOINTS: "/var/log/limes/checkpoints.jsonl",
        LIMES_AUDIT_CHECKPOINT_ENTRIES: "50",
        LIMES_AUDIT_CHECKPOINT_SECONDS: "5",
      }).audit,
    ).toEqual({
      keyFile: "/etc/limes/limes-audit.key",
      checkpointFile: "/var/log/limes/checkpoints.jsonl",
      checkpointEntries: 50,
      checkpointSeconds: 5,
    });
    expect(() => readConfig({ LIMES_AUDIT_CHECKPOINT_SECONDS: "0" })).toThrow(
      'LIMES_AUDIT_CHECKPOINT_SECONDS must be a whole number from 1 to 999999, not "0"',
    );
  });

  it("rejects a port out of range", () => {
    expect(() => readConfig({ PORT: "70000" })).toThrow('PORT must be a port number, not "70000"');
  });
});
