/**
 * Permalinks: the whole spec in the URL fragment.
 *
 * Two forms are read: `#spec=<base64url of the spec's UTF-8 JSON>` (always accepted, easy to build by
 * hand: `btoa` of the JSON, `+/` → `-_`, padding optional) and `#z=<base64url of the deflate-raw
 * compressed UTF-8 JSON>` (what the page writes when it is shorter). Both decode to the same spec.
 *
 * @example specPermalink({ model: { name: "spiked-tensor", N: 100, snr: 1 } })
 * // "#spec=eyJtb2RlbCI6eyJuYW1lIjoic3Bpa2VkLXRlbnNvciIsIk4iOjEwMCwic25yIjoxfX0"
 */

/** base64url (RFC 4648 §5, no padding) of bytes. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = "";
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Bytes of a base64url (or plain base64) string, padding optional; throws on other characters. */
export function fromBase64Url(text: string): Uint8Array {
  const b64 = text.replace(/-/g, "+").replace(/_/g, "/");
  const binary = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** The plain permalink fragment of a spec: `#spec=` + base64url(UTF-8 JSON). */
export function specPermalink(spec: unknown): string {
  return `#spec=${toBase64Url(new TextEncoder().encode(JSON.stringify(spec)))}`;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/** The shortest permalink fragment of a spec: the compressed `#z=` form when it is shorter than `#spec=`. */
export async function shortPermalink(spec: unknown): Promise<string> {
  const plain = specPermalink(spec);
  if (typeof CompressionStream === "undefined") return plain;
  const packed = await pipe(
    new TextEncoder().encode(JSON.stringify(spec)),
    new CompressionStream("deflate-raw"),
  );
  const short = `#z=${toBase64Url(packed)}`;
  return short.length < plain.length ? short : plain;
}

/**
 * The spec in a URL fragment (`#spec=…` or `#z=…`), `undefined` when the fragment holds none; throws an
 * Error saying what is wrong with a malformed one.
 */
export async function specFromFragment(hash: string): Promise<unknown | undefined> {
  const match = /^#(spec|z)=([A-Za-z0-9_\-+/=]*)$/.exec(hash);
  if (!match) return undefined;
  let bytes = fromBase64Url(match[2]);
  if (match[1] === "z") bytes = await pipe(bytes, new DecompressionStream("deflate-raw"));
  return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
}
