import { Resvg } from "@resvg/resvg-js";

/** Options of {@link svgToPng}. */
export interface PngOptions {
  /** Width of the PNG in pixels; the height follows the SVG's aspect ratio (default: the SVG's width). */
  width?: number;
  /** Extra font files to load, for machines without system fonts (text is not drawn without a font). */
  fontFiles?: string[];
}

/**
 * Font family resvg uses for text whose fonts are not found, and for the generic `sans-serif`.
 * DejaVu Sans ships in Debian and Ubuntu images (package `fonts-dejavu-core`).
 */
export const pngFontFamily = "DejaVu Sans";

/**
 * Rasterise an SVG (such as `recordFigure`'s) to PNG bytes with resvg, on a white background, with the
 * system fonts loaded. Node only: resvg is a native module.
 *
 * resvg draws no text at all when it finds no font: on a machine without fonts (a bare container) pass
 * `fontFiles`, or install one (`apt-get install fonts-dejavu-core`).
 *
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("figure.png", svgToPng(recordFigure(record), { width: 1920 }));
 */
export function svgToPng(svg: string, options: PngOptions = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: options.width === undefined ? { mode: "original" } : { mode: "width", value: options.width },
    font: {
      loadSystemFonts: true,
      fontFiles: options.fontFiles ?? [],
      defaultFontFamily: pngFontFamily,
      sansSerifFamily: pngFontFamily,
    },
  });
  return new Uint8Array(resvg.render().asPng());
}
