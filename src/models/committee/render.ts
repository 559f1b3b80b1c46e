import type { ExperimentRecord, Series } from "../../experiment/record.js";
import { recordFigure } from "../../plot/figure.js";

/** Most M entries drawn next to eg (p·k above this: eg only). */
const maxOverlapPanels = 4;

/**
 * The figure of a committee record: eg on a log axis with the detected plateau (a horizontal segment from
 * its start to the specialisation time, source `plateau`) and the specialisation time (a vertical
 * segment, source `specialisation`), then the student–teacher overlaps M when there are at most four.
 * The annotations are drawn from the record's scalars; the record itself is not changed.
 *
 * @example writeFileSync("figure.svg", committeeFigure(record))
 */
export function committeeFigure(record: ExperimentRecord): string {
  const s = record.scalars;
  const extra: Series[] = [];
  if (s.plateau !== undefined && s.specialisationTime !== undefined) {
    extra.push({
      source: "plateau",
      t: [s.plateauStart, s.specialisationTime],
      values: { eg: [s.plateau, s.plateau] },
    });
    const eg = record.series.flatMap((x) => x.values.eg ?? []).filter((v) => v > 0);
    const [lo, hi] = [Math.min(...eg), Math.max(...eg)];
    extra.push({
      source: "specialisation",
      t: [s.specialisationTime, s.specialisationTime],
      values: { eg: [lo, hi] },
    });
  }
  const names = Object.keys(record.series[0]?.values ?? {});
  const overlaps = names.filter((n) => n.startsWith("M["));
  const statistics = ["eg", ...(overlaps.length <= maxOverlapPanels ? overlaps : [])];
  return recordFigure({ ...record, series: [...record.series, ...extra] }, { statistics, logY: ["eg"] });
}
