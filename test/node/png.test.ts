import { Resvg } from "@resvg/resvg-js";
import { describe, expect, it } from "vitest";
import { pngFontFamily, svgToPng } from "../../src/node/png.js";
import { recordFigure } from "../../src/plot/index.js";
import { syntheticRecord } from "../plot/fixture.js";

const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from the IHDR chunk, which always follows the 8-byte signature. */
function pngSize(png: Uint8Array): { width: number; height: number } {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  expect(String.fromCharCode(...png.subarray(12, 16))).toBe("IHDR");
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Decode a PNG to RGBA pixels by drawing it, at its own size, as an image in a transparent SVG. */
function decode(png: Uint8Array, width: number, height: number): Uint8Array {
  const href = `data:image/png;base64,${Buffer.from(png).toString("base64")}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image width="${width}" height="${height}" href="${href}"/></svg>`;
  return new Resvg(svg).render().pixels;
}

/** Number of pixels that are not pure white in an RGBA buffer. */
function inkedPixels(svg: string): number {
  const opts = { background: "white", font: { loadSystemFonts: true, defaultFontFamily: pngFontFamily } };
  const pixels = new Resvg(svg, opts).render().pixels;
  let inked = 0;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i] < 250 || pixels[i + 1] < 250 || pixels[i + 2] < 250) inked++;
  }
  return inked;
}

describe("svgToPng", () => {
  const square =
    '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10"><rect x="10" width="10" height="10"/></svg>';

  it("writes a PNG of the requested width, keeping the aspect ratio", () => {
    const png = svgToPng(square, { width: 200 });
    expect(Array.from(png.subarray(0, 8))).toEqual(signature);
    expect(pngSize(png)).toEqual({ width: 200, height: 100 });
    expect(pngSize(svgToPng(square))).toEqual({ width: 20, height: 10 });
  });

  it("paints a white background under the drawing", () => {
    const pixels = decode(svgToPng(square), 20, 10);
    const at = (x: number, y: number) => Array.from(pixels.subarray((y * 20 + x) * 4, (y * 20 + x) * 4 + 4));
    expect(at(5, 5)).toEqual([255, 255, 255, 255]);
    expect(at(15, 5)).toEqual([0, 0, 0, 255]);
  });

  it("finds a font: text is drawn (fails on a machine without system fonts)", () => {
    const text = (content: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="5" y="30" font-family="DejaVu Sans, sans-serif" font-size="24">${content}</text></svg>`;
    expect(inkedPixels(text(""))).toBe(0);
    expect(inkedPixels(text("sgdlab m(t)"))).toBeGreaterThan(100);
  });

  it("renders a record figure: resvg parses it (strict XML) and draws it", () => {
    const svg = recordFigure(syntheticRecord());
    const png = svgToPng(svg, { width: 1200 });
    expect(pngSize(png).width).toBe(1200);
    expect(png.byteLength).toBeGreaterThan(30_000);
    expect(inkedPixels(svg)).toBeGreaterThan(20_000);
  });
});
