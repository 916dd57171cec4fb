import { describe, expect, it } from "vitest";
import { rosterProgressOf } from "@/lib/roster/roster-progress";

const run = (over: Partial<Parameters<typeof rosterProgressOf>[1] & object> = {}) => ({ state: "RUNNING" as const, done: 0, total: null, attempts: 1, checkpoint: null, ...over });

describe("rosterProgressOf: what the list's progress bar shows", () => {
  it("follows a check: waiting for a worker, reading the file, comparing rows", () => {
    expect(rosterProgressOf("CHECKING", run({ state: "QUEUED", attempts: 0 }))).toMatchObject({ running: true, stage: "waiting", percent: 0 });
    expect(rosterProgressOf("CHECKING", run())).toMatchObject({ running: true, stage: "reading", percent: 0, total: null });
    expect(rosterProgressOf("CHECKING", run({ done: 25_000, total: 100_000 }))).toMatchObject({ running: true, stage: "comparing", percent: 25, done: 25_000, total: 100_000 });
  });

  it("follows an apply: the certificate, then the registry; never 100 % before the end", () => {
    expect(rosterProgressOf("APPLYING", run({ done: 500, total: 2_000, checkpoint: { stage: "certificate" } }))).toMatchObject({ stage: "certificate", percent: 25 });
    expect(rosterProgressOf("APPLYING", run({ done: 2_000, total: 2_000, checkpoint: { stage: "registry" } }))).toMatchObject({ stage: "registry", percent: 99, running: true });
    expect(rosterProgressOf("APPLYING", run({ attempts: 2, checkpoint: { stage: "certificate" } }))).toMatchObject({ attempts: 2 });
  });

  it("is done once the list has left CHECKING and APPLYING, whatever the run says", () => {
    for (const state of ["UPLOADED", "FAILED", "CONFIRMED", "SUPERSEDED", "ACKNOWLEDGED"] as const) {
      expect(rosterProgressOf(state, run({ done: 3, total: 10 }))).toMatchObject({ running: false, stage: "done", percent: 100 });
    }
    expect(rosterProgressOf("CHECKING", null)).toMatchObject({ running: true, stage: "waiting" });
  });
});
