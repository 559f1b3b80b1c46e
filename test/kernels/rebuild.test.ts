import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileKernels, modulePath, renderModule } from "../../scripts/build-wasm.mjs";
import { kernelsWasmBytes } from "../../src/kernels/wasm-kernels.js";

describe("the committed .wasm is the build of the committed sources", () => {
  it("compiling src/kernels/assembly/*.as again gives src/kernels/wasm-binary.ts byte for byte", async () => {
    const binary = await compileKernels();
    expect(Buffer.from(kernelsWasmBytes()).equals(Buffer.from(binary)), "stale: run npm run build:wasm").toBe(
      true,
    );
    expect(readFileSync(modulePath, "utf8")).toBe(renderModule(binary));
  });

  it("the module imports only Math.exp and the memory, and validates with SIMD", () => {
    const bytes = kernelsWasmBytes();
    expect(WebAssembly.validate(bytes)).toBe(true);
    const imports = WebAssembly.Module.imports(new WebAssembly.Module(bytes));
    expect(imports.map((i) => `${i.module}.${i.name}:${i.kind}`).sort()).toEqual([
      "env.exp:function",
      "env.memory:memory",
    ]);
  });
});
