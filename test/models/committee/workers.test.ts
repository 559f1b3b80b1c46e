import { describe, expect, it } from "vitest";
import { runExperiment } from "../../../src/catalogue/index.js";
import { workerPool } from "../../../src/node/pool.js";

describe("committee records through the catalogue and the worker pool", () => {
  it.each(["full"])("%s: the same record with 1 and 2 worker threads", async (simulation) => {
    const spec = {
      model: { name: "committee", d: 200, student: { width: 2 }, teacher: { width: 2 }, noise: 0.01 },
      optimizer: { lr: 0.8, trainReadout: true },
      horizon: 2,
      points: 5,
      runs: 4,
      simulation,
    };
    const records = [];
    for (const workers of [1, 2]) {
      const pool = workerPool(workers);
      records.push(await runExperiment(spec, { executor: pool.executor }));
      await pool.close();
    }
    expect(records[0].status).toBe("ok");
    expect(records[1].series).toEqual(records[0].series);
    expect(records[1].agreement).toEqual(records[0].agreement);
    expect(records[1].scalars).toEqual(records[0].scalars);
  });
});
