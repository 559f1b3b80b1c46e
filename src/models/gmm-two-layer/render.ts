import type { ExperimentRecord } from "../../experiment/record.js";
import { recordFigure } from "../../plot/figure.js";

/**
 * The figure of a `gmm-two-layer` record. A run: the time-series panels of {@link recordFigure} for the
 * test loss and accuracy and, for the first two hidden units, `v_i`, `mMu_i`, `mNu_i` (XOR) and
 * `RPerp_i_i` (the tracked run next to the ODEs). The diffusive analysis: one panel per
 * `NDev2_*` statistic, simulation against the diffusive law.
 *
 * @example gmmFigure(await runExperiment(spec)) // "<svg ...>"
 */
export function gmmFigure(record: ExperimentRecord): string {
  if (record.spec.analysis === "diffusive") return recordFigure(record, { panelHeight: 240 });
  const present = new Set(record.series.flatMap((s) => Object.keys(s.values)));
  const wanted = ["loss", "accuracy"];
  for (const stat of ["v", "mMu", "mNu", "RPerp"])
    for (const i of [1, 2]) wanted.push(stat === "RPerp" ? `RPerp_${i}_${i}` : `${stat}_${i}`);
  return recordFigure(record, { statistics: wanted.filter((s) => present.has(s)), panelHeight: 220 });
}
