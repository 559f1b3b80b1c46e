/**
 * A paper figure that `sgdlab reproduce <id>` runs: one or more specs (panels), each with a label, and
 * where the settings come from. Each model folder lists its own in `figures.ts`; the catalogue
 * (`src/catalogue/`) collects them by id.
 *
 * @example
 * const entry: FigureEntry = {
 *   description: "Spiked matrix PCA below and above lambda_c",
 *   source: "Ben Arous, Gheissari, Jagannath (2022), Fig. 1; science/01 §3",
 *   panels: [{ label: "snr-0.8", spec: { model: { name: "spiked-tensor", k: 2, N: 1500, snr: 0.8 } } }],
 * };
 */
export interface FigureEntry {
  description: string;
  source: string;
  panels: { label: string; spec: Record<string, unknown> }[];
}
