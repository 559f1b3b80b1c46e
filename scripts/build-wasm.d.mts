/** Types of scripts/build-wasm.mjs (for the rebuild test). */
export const modulePath: string;
export function compileKernels(): Promise<Uint8Array>;
export function renderModule(binary: Uint8Array): string;
