/**
 * Every model folder, one line each: the catalogue (`./index.ts`) collects what their `index.ts` exports.
 *
 * For implementers: a new model adds exactly one line here (docs/extending.md).
 */
export { catalogueEntry as committee } from "../models/committee/index.js";
export { catalogueEntry as cubicMap } from "../models/cubic-map/index.js";
export { catalogueEntry as diagonalLinearNetwork } from "../models/diagonal-linear-network/index.js";
export { catalogueEntry as finiteSum } from "../models/finite-sum/index.js";
export { catalogueEntry as glm } from "../models/glm/index.js";
export { catalogueEntry as gmmTwoLayer } from "../models/gmm-two-layer/index.js";
export { catalogueEntry as largeStepGd } from "../models/large-step-gd/index.js";
export { catalogueEntry as spikedTensor } from "../models/spiked-tensor/index.js";
