import { describe, expect, it } from "vitest";
import { createRng } from "./rng";

describe("createRng", () => {
  it("repeats for the same seed and differs for another", () => {
    const a = createRng("x");
    const b = createRng("x");
    const c = createRng("y");
    const sa = Array.from({ length: 20 }, () => a.next());
    expect(Array.from({ length: 20 }, () => b.next())).toEqual(sa);
    expect(Array.from({ length: 20 }, () => c.next())).not.toEqual(sa);
  });
  it("stays in range", () => {
    const r = createRng("range");
    for (let i = 0; i < 2000; i++) {
      const v = r.int(-3, 7);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThanOrEqual(7);
      const f = r.next();
      expect(f).toBeGreaterThanOrEqual(0);
      expect(f).toBeLessThan(1);
    }
  });
  it("forks independently of the parent's position", () => {
    const a = createRng("s");
    a.next();
    expect(a.fork("k").next()).toBe(createRng("s").fork("k").next());
  });
});
