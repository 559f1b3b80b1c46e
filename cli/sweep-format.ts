import type { SweepListing } from "../src/node/sweep/point-store.js";
import type { SweepDocument } from "../src/sweep/document.js";

/** The end-of-sweep summary for a terminal: counts, statuses other than ok, the files written. */
export function formatSweep(doc: SweepDocument, written: string[]): string {
  const { counts } = doc;
  const lines = [
    `sweep ${doc.name} (${doc.id}): ${counts.points} points, ${counts.run} computed, ${counts.cached} from the store, ${counts.failed} failed`,
  ];
  const statuses = new Map<string, number>();
  for (const p of doc.points) statuses.set(p.status, (statuses.get(p.status) ?? 0) + 1);
  lines.push(`status: ${[...statuses].map(([s, n]) => `${s} ${n}`).join(", ")}`);
  for (const p of doc.points.filter((q) => q.status === "failed").slice(0, 5))
    lines.push(`  failed ${JSON.stringify(p.params)}: ${p.messages.join("; ")}`);
  if (written.length) lines.push(`wrote: ${written.join(", ")}`);
  return `${lines.join("\n")}\n`;
}

/** `sgdlab sweeps`: one line per sweep. */
export function formatSweeps(rows: readonly SweepListing[]): string {
  if (rows.length === 0) return "no sweeps yet (sgdlab sweep FILE records them)\n";
  const lines = rows.map(
    (r) => `${r.id}  ${r.updatedAt.slice(0, 19)}  ${r.finished}/${r.points} points  ${r.name}`,
  );
  return `${["id            updated              finished      name", ...lines].join("\n")}\n`;
}
