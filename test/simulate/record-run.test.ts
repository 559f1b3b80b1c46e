import { describe, expect, it } from "vitest";
import { Rng } from "../../src/core/rng.js";
import { recordRun } from "../../src/simulate/record-run.js";
import type { Stepper } from "../../src/simulate/stepper.js";

/**
 * A deterministic stepper: x doubles each step (x_l = 2^l), so |x|^2 = 4^l passes any bound at a known
 * step; its statistics are x and `ratio`, which becomes NaN (0/0) from step `nanFrom` on.
 */
function doubling(nanFrom = Number.POSITIVE_INFINITY): Stepper {
  let x = 1;
  let l = 0;
  let saved = [1, 0];
  return {
    statisticNames: ["x", "ratio"],
    advance: () => {
      x *= 2;
      l++;
    },
    read: (out) => {
      out[0] = x;
      out[1] = l >= nanFrom ? 0 / 0 : 1;
    },
    size: () => x * x,
    save: () => {
      saved = [x, l];
    },
    restore: () => {
      [x, l] = saved;
    },
  };
}

describe("recordRun reports non-finite values through the shared rule", () => {
  it("a size beyond the limit is diverged at the exact step, found by replaying the interval", () => {
    // |x|^2 = 4^l > 1e6 first at l = 10 (4^10 = 1.05e6); record points every 4 steps: 0, 4, 8, 12.
    const r = recordRun(doubling(), Rng.fromSeed(1), [0, 4, 8, 12], 1e6);
    expect(r.status).toBe("diverged");
    expect(r.failedStep).toBe(10);
    expect(r.recorded).toBe(3);
    expect(r.message).toBe("diverged at step 10: the size of the parameters = 1048576 (beyond 1000000)");
  });

  it("a NaN statistic of a finite run is failed, naming the statistic and the record point's step", () => {
    const r = recordRun(doubling(6), Rng.fromSeed(1), [0, 4, 8, 12], 1e100);
    expect(r.status).toBe("failed");
    expect(r.failedStep).toBe(8);
    expect(r.recorded).toBe(2);
    expect(r.message).toBe("failed at step 8: ratio = NaN");
  });

  it("a finite run records every point", () => {
    const r = recordRun(doubling(), Rng.fromSeed(1), [0, 2, 4], 1e100);
    expect(r).toMatchObject({ status: "ok", recorded: 3 });
    expect(Array.from(r.values[0])).toEqual([1, 4, 16]);
  });
});
