import { type WorkEstimate, workProduct } from "../../experiment/work.js";
import { type DlnSpec, sweepDepths } from "./spec.js";
import { sweepTemperatures } from "./sweep-plan.js";

/**
 * Measured nanoseconds per factor update of one sample in one chain step (marginal cost of more chains on
 * the examples): 15, and 120 for the balance analysis, which also runs GD chains and finer SDE paths.
 */
const nsPerFactorUpdate = { balance: 120, other: 15 };

/**
 * Work of a diagonal-linear-network spec: `chains × steps × batch × factors × width`, with `steps =
 * horizon / lr` (the smallest lr of a temperature sweep, times its temperatures and depths + 1 runs) and
 * `factors = depth + 1` (the deepest of a sweep).
 *
 * @example dlnCost(spec).formula // "chains × steps × ... = 150 × 20000 × 1 × 2 × 1"
 */
export function dlnCost(spec: DlnSpec): WorkEstimate {
  const sweep = spec.analysis === "temperature-sweep";
  const lrs = sweep ? sweepTemperatures(spec) : [spec.optimizer.lr];
  const steps =
    Math.round(spec.horizon / Math.min(...lrs)) * lrs.length * (sweep ? sweepDepths(spec).length + 1 : 1);
  const depth = sweep ? Math.max(spec.model.depth, ...sweepDepths(spec)) : spec.model.depth;
  return workProduct(
    {
      chains: spec.chains,
      steps,
      "optimizer.batch": spec.optimizer.batch,
      "depth + 1": depth + 1,
      "model.width": spec.model.width,
    },
    spec.analysis === "balance" ? nsPerFactorUpdate.balance : nsPerFactorUpdate.other,
  );
}
