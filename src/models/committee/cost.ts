import { type WorkEstimate, workProduct, workSum } from "../../experiment/work.js";
import { committeeSetup } from "./setup.js";
import type { CommitteeSpec } from "./spec.js";

/** Nanoseconds per input coordinate and hidden unit of one full SGD step (an O(d (K + M)) update). */
const nsPerCoordinate = 10;
/** Nanoseconds per pair of units of one dimension-free step (an O((K + M)^2) update). */
const nsPerPair = 300;
/**
 * Nanoseconds per pair of units of one ODE step: erf and linear averages are closed forms; the ReLU I4
 * average is a quadrature (measured on examples/committee-relu.json).
 */
const nsPerOdePair = { relu: 1.2e6, other: 200 };

/**
 * Work of a committee spec: the simulation `runs × steps × d × (K + M)` (full) or `runs × steps ×
 * (K + M)^2` (dimension-free), with `steps = horizon × timeScale × d` (one SGD step is 1/d of canonical
 * time), plus the ODE `horizon × timeScale / dt × (K + M)^2`.
 *
 * @example committeeCost(spec).formula
 */
export function committeeCost(spec: CommitteeSpec): WorkEstimate {
  const { d, student, teacher } = spec.model;
  const units = student.width + teacher.width;
  const time = spec.horizon * committeeSetup(spec).timeScale;
  const parts = [
    workProduct(
      { "ODE steps": Math.ceil(time / spec.ode.dt), "(K + M)^2": units * units },
      spec.model.activation === "relu" ? nsPerOdePair.relu : nsPerOdePair.other,
    ),
  ];
  const steps = Math.ceil(time * d);
  if (spec.simulation === "full")
    parts.push(workProduct({ runs: spec.runs, steps, "model.d": d, "K + M": units }, nsPerCoordinate));
  if (spec.simulation === "dimension-free")
    parts.push(workProduct({ runs: spec.runs, steps, "(K + M)^2": units * units }, nsPerPair));
  return workSum(parts);
}
