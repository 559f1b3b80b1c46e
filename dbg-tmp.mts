import { readFileSync } from "node:fs";
import { runExperiment } from "./src/experiment/run.js";
const r = await runExperiment(JSON.parse(readFileSync("examples/balance-law.json", "utf8")));
console.log(r.status, r.scalars);
