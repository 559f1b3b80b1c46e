/**
 * Several standalone SVG figures side by side in one SVG (a grid, row by row), each keeping its own size:
 * the figure of a multi-panel `sgdlab reproduce`.
 *
 * @param svgs standalone SVG strings with numeric `width` and `height` on the root element
 * @param columns figures per row (default: all in one row, at most 2)
 * @example combineFigures([recordFigure(a), recordFigure(b)])
 */
export function combineFigures(svgs: readonly string[], columns = Math.min(2, svgs.length)): string {
  const sizes = svgs.map(rootSize);
  const rows = Math.ceil(svgs.length / columns);
  const colWidth = Array.from({ length: columns }, (_, c) =>
    max(sizes.filter((_, i) => i % columns === c).map((s) => s.width)),
  );
  const rowHeight = Array.from({ length: rows }, (_, r) =>
    max(sizes.slice(r * columns, (r + 1) * columns).map((s) => s.height)),
  );
  const parts = svgs.map((svg, i) => {
    const x = sum(colWidth.slice(0, i % columns));
    const y = sum(rowHeight.slice(0, Math.floor(i / columns)));
    return svg.replace(/^\s*(<\?xml[^>]*>\s*)?<svg\b/, `<svg x="${x}" y="${y}"`);
  });
  const width = sum(colWidth);
  const height = sum(rowHeight);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" ` +
    `height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="white"/>` +
    `${parts.join("")}</svg>`
  );
}

function rootSize(svg: string): { width: number; height: number } {
  const root = svg.match(/<svg\b[^>]*>/)?.[0] ?? "";
  const attr = (name: string) => Number(root.match(new RegExp(`\\s${name}="([0-9.]+)`))?.[1] ?? 0);
  return { width: attr("width"), height: attr("height") };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const max = (xs: number[]) => xs.reduce((a, b) => Math.max(a, b), 0);
