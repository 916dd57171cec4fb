import os from "node:os";
import { describe, expect, it } from "vitest";
import { isStale, newRunPrefix, RUN_PREFIX, STALE_HOURS } from "./test-db.mjs";

const now = Date.parse("2026-12-01T12:00:00Z");
const owner = (pid: number, hoursAgo: number, host = os.hostname()) => JSON.stringify({ host, pid, at: new Date(now - hoursAgo * 3_600_000).toISOString() });

describe("test database names and stale cleanup", () => {
  it("gives every run its own prefix", () => {
    const a = newRunPrefix(4242);
    const b = newRunPrefix(4242);
    expect(a.startsWith(`${RUN_PREFIX}4242_`)).toBe(true);
    expect(a).not.toBe(b);
    expect(`${a}_f01234567`.length).toBeLessThanOrEqual(63);
  });

  it("keeps a live run's databases, however old the owner is within the limit", () => {
    expect(isStale(owner(process.pid, 0.1), now)).toBe(false);
    expect(isStale(owner(process.pid, STALE_HOURS - 0.5), now)).toBe(false);
  });

  it("drops a dead owner's databases on this host at once, another host's only when old", () => {
    const dead = 2 ** 22 + 17; // above the largest pid Linux can hand out (2^22)
    expect(isStale(owner(dead, 0.1), now)).toBe(true);
    expect(isStale(owner(dead, 0.1, "some-other-host"), now)).toBe(false);
    expect(isStale(owner(dead, STALE_HOURS + 1, "some-other-host"), now)).toBe(true);
  });

  it("never drops what it cannot read", () => {
    expect(isStale(null, now)).toBe(false);
    expect(isStale("made by hand", now)).toBe(false);
    expect(isStale(JSON.stringify({ pid: 1 }), now)).toBe(false);
  });
});
