import type { ExperimentRecord } from "./core.js";

/**
 * The record as `sgdlab run --out` writes `record.json`: pretty JSON, non-finite numbers as `null`
 * (JSON has no NaN; see src/node/outputs.ts recordJson).
 */
export function recordJson(record: ExperimentRecord): string {
  return JSON.stringify(record, (_k, v) => (typeof v === "number" && !Number.isFinite(v) ? null : v), 2);
}

/** Offer `blob` as a download named `name` (an `<a download>` click). */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = Object.assign(document.createElement("a"), { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * A PNG of an SVG string at `scale` × its size, drawn by the browser (the CLI draws figure.png with
 * resvg; the pixels differ, the figure does not).
 */
export async function svgToPng(svg: string, scale = 2): Promise<Blob> {
  const image = new Image();
  image.src = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = Math.ceil(image.naturalWidth * scale);
  canvas.height = Math.ceil(image.naturalHeight * scale);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2d canvas");
  context.fillStyle = "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  URL.revokeObjectURL(image.src);
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error("PNG encoding failed"))), "image/png"),
  );
}
