import type { ExperimentRecord } from "../../src/experiment/record.js";

/**
 * A small synthetic record: a simulation (m, rPerp2 with stderr, one NaN in each), an ODE theory and a
 * gradient-flow theory that also has a theory-only statistic `q`.
 */
export function syntheticRecord(): ExperimentRecord {
  const t = Array.from({ length: 21 }, (_, i) => i * 0.5);
  const tf = Array.from({ length: 101 }, (_, i) => i * 0.1);
  const m = (x: number) => 0.9 * Math.tanh(0.6 * x);
  const r = (x: number) => 1.02 - 0.8 * Math.tanh(0.6 * x) ** 2;
  return {
    sgdlab: "0.1.0",
    provenance: {
      commit: "0123abc",
      node: "v20.20.2",
      platform: "linux-x64",
      startedAt: "2025-01-01T00:00:00Z",
    },
    spec: {
      experiment: "spiked-tensor",
      model: { name: "spiked-tensor", p: 3, N: 1000 },
      optimizer: { name: "sgd", lr: 0.1 },
      runs: 8,
      note: "<script>alert(1)</script>",
    },
    status: "ok",
    messages: [],
    series: [
      {
        source: "simulation",
        t,
        values: { m: t.map((x, i) => (i === 7 ? Number.NaN : m(x) + 0.01)), rPerp2: t.map(r) },
        stderr: { m: t.map(() => 0.03), rPerp2: t.map((_, i) => (i === 3 ? Number.NaN : 0.02)) },
        runs: 8,
      },
      { source: "ode", t: tf, values: { m: tf.map(m), rPerp2: tf.map(r) } },
      {
        source: "gradient-flow",
        t: tf,
        values: { m: tf.map((x) => Math.tanh(0.7 * x)), rPerp2: tf.map(r), q: tf.map((x) => 1 + 0.1 * x) },
      },
    ],
    scalars: { lambdaC: 0.5, escapeTime: 3.25 },
    tables: { phases: { r: [0.5, 1], phase: ["stuck", "success"] } },
    distributions: {},
    agreement: {
      m: {
        ode: {
          maxAbs: 0.012,
          at: 3.5,
          tolerance: 0.05,
          detectable: 0.09,
          scale: 0.8,
          pass: true,
          verdict: "underpowered",
          final: 0.01,
        },
        "gradient-flow": { maxAbs: 0.21, at: 4, tolerance: 0.05, pass: false, final: 0.1 },
      },
    },
    timing: { simulationSeconds: 1.25, theorySeconds: 0.01 },
  };
}
