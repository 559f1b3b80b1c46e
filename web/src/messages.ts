/**
 * The page's own user-facing text (spec and record messages come from the core's src/core/messages.ts,
 * so the page shows exactly the CLI's validation messages).
 */
export const webMessages = {
  badPermalink: (detail: string) =>
    `this link's #spec= is not base64url of a JSON spec (${detail}); showing the catalogue instead`,
  editorParse: (detail: string) => `spec = (unreadable) is invalid: expected JSON or YAML text (${detail})`,
  cancelled: "cancelled: the workers were stopped, nothing was recorded",
  internal: (detail: string) => `internal error: ${detail} (please report it with the permalink)`,
  noTheoryPreview: "this experiment computes its theory together with its simulation: press Run to see both",
  figureFailed: (detail: string) =>
    `no figure: this record's renderer failed (${detail}); the record itself is complete, download it below`,
  theoryFailed: (detail: string) => `theory preview failed: ${detail}`,
  recordUnreadable: (name: string, detail: string) => `${name} is not a sgdlab record.json (${detail})`,
  noStore: "no run store here: start the page with `npx sgdlab serve` to browse the runs of a database",
  progress: (done: number, total: number, workers: number) =>
    `${done} of ${total} runs done on ${workers} worker${workers === 1 ? "" : "s"}`,
} as const;
