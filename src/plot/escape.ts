/**
 * Escape text for XML and HTML (element content and double- or single-quoted attribute values).
 *
 * Everything that comes from a record (statistic names, spec strings, messages) goes through here before
 * it lands in an SVG or HTML string.
 *
 * @example escapeXml('<script>"x" & y</script>') // "&lt;script&gt;&quot;x&quot; &amp; y&lt;/script&gt;"
 */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Format a number for labels and tables: integers as they are, others to `digits` significant digits,
 * non-finite values (and JSON `null`, which is what NaN becomes in a record file) as words.
 *
 * @example formatNumber(0.0123456) // "0.0123456"; formatNumber(1 / 3, 3) // "0.333"; formatNumber(null) // "—"
 */
export function formatNumber(value: unknown, digits = 6): string {
  if (typeof value !== "number") return value === null || value === undefined ? "—" : String(value);
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "∞" : "−∞";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(digits)));
}
