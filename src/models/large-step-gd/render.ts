import type { ExperimentRecord, Series } from "../../experiment/record.js";
import { recordFigure } from "../../plot/figure.js";

/**
 * The figure of a large-step GD record (`phase-retrieval`, `quadratic-network`): training loss (log scale),
 * test error of the last iterate with the averaged predictor's test error drawn in the same panel (source
 * `averaged`), and the sharpness. The record itself is not changed: the averaged series is relabelled for
 * drawing only.
 *
 * @example writeFileSync("figure.svg", gdFigure(record))
 */
export function gdFigure(record: ExperimentRecord): string {
  const series: Series[] = record.series.map((s) =>
    s.values.testErrorAveraged === undefined
      ? s
      : { ...s, values: { testError: s.values.testErrorAveraged } },
  );
  return recordFigure(
    { ...record, series },
    {
      statistics: ["trainLoss", "testError", "sharpness"],
      logY: ["trainLoss", "testError"],
      columns: 3,
      panelHeight: 260,
    },
  );
}
