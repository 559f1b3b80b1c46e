import { eulerMaruyama } from "./euler-maruyama.js";
import { milstein } from "./milstein.js";
import { platenWeak2 } from "./platen-weak2.js";
import { sra1 } from "./sra1.js";
import type { SdeScheme } from "./types.js";

/** Every SDE scheme by name, with its declared strong and weak orders. */
export const sdeSchemes: Record<string, SdeScheme> = {
  [eulerMaruyama.name]: eulerMaruyama,
  [milstein.name]: milstein,
  [sra1.name]: sra1,
  [platenWeak2.name]: platenWeak2,
};
