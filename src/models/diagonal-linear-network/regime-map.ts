import type { Table } from "../../experiment/record.js";
import { discreteCollapseWindow } from "./collapse.js";
import { dataMoments } from "./moments.js";
import type { DlnSpec } from "./spec.js";
import { criticalTemperature, depth1Regime, modeTemperature } from "./thresholds.js";

/** Cells per axis of the (T, sigma) regime map. */
const mapPoints = 80;

/**
 * The (T, sigma) regime map of the depth-1 law for y = k x + sigma eps (the paper's Fig. 4): table
 * `regimes` (T, sigma, regime) on a log grid of T around the sweep temperatures, and table
 * `regimeBoundaries` with Tc, Tc/3, T* and the batch-1 discrete collapse point per sigma (-1 where a
 * boundary does not exist).
 *
 * @example regimeTables(spec, [0.01, 1]).regimes.regime[0] // "vanishing-at-0"
 */
export function regimeTables(spec: DlnSpec, temps: number[]): Record<string, Table> {
  const sigmas = spec.noises ?? [];
  const lo = Math.log(Math.min(...temps) / 4);
  const hi = Math.log(Math.max(...temps) * 4);
  const regimes: Table = { T: [], sigma: [], regime: [] };
  const bounds: Table = { sigma: [], Tc: [], TcOver3: [], Tstar: [], TcDiscrete: [] };
  for (const sigma of sigmas) {
    const data = { ...spec.model.data, noise: sigma };
    const m = dataMoments(data);
    for (let i = 0; i < mapPoints; i++) {
      const T = Math.exp(lo + ((hi - lo) * i) / (mapPoints - 1));
      regimes.T.push(T);
      regimes.sigma.push(sigma);
      regimes.regime.push(depth1Regime(m, T, spec.optimizer.ridge));
    }
    const tc = criticalTemperature(m, spec.optimizer.ridge);
    bounds.sigma.push(sigma);
    bounds.Tc.push(tc);
    bounds.TcOver3.push(tc / 3);
    bounds.Tstar.push(modeTemperature(m) ?? -1);
    bounds.TcDiscrete.push(discreteCollapseWindow(data)?.from ?? -1);
  }
  return { regimes, regimeBoundaries: bounds };
}
