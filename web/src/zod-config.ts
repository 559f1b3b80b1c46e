/**
 * Imported first by the page and its worker: zod runs jitless here. Its JIT probes `Function("")`,
 * which the page's Content-Security-Policy (no 'unsafe-eval', see src/node/serve.ts) refuses, with a
 * console error on every load; the schemas are small, so the interpreted path costs nothing visible.
 */
import { z } from "zod";

z.config({ jitless: true });
