/** A 2-D phase diagram: one label per (parameter, initial condition) cell, row-major in the parameter. */
export interface PhaseDiagram<L> {
  p: number[];
  x0: number[];
  labels: L[];
}

/**
 * Label every cell of a (parameter × initial condition) grid with `label(p, x0)` — typically the kind of
 * attractor ({@link classifyAttractor}) or a model's phase. Cell `(i, j)` is `labels[i * x0s.length + j]`.
 * Basins and the fractal trainability boundary show up here, not on a parameter axis alone.
 *
 * @example phaseDiagram([2.8, 3.2], [0.1, 0.5], (r, x) => classifyAttractor(logistic, r, x).period)
 * // { p: [2.8, 2.8, 3.2, 3.2], x0: [0.1, 0.5, 0.1, 0.5], labels: [1, 1, 2, 2] }
 */
export function phaseDiagram<L>(
  params: ArrayLike<number>,
  starts: ArrayLike<number>,
  label: (p: number, x0: number) => L,
): PhaseDiagram<L> {
  const out: PhaseDiagram<L> = { p: [], x0: [], labels: [] };
  for (let i = 0; i < params.length; i++) {
    for (let j = 0; j < starts.length; j++) {
      out.p.push(params[i]);
      out.x0.push(starts[j]);
      out.labels.push(label(params[i], starts[j]));
    }
  }
  return out;
}
