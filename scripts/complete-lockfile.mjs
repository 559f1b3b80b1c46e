#!/usr/bin/env node
/**
 * Add lockfile entries for platform-specific optional packages that the registry mirror of this workplace
 * does not serve (it answers 404 for e.g. @biomejs/cli-darwin-arm64), so `npm install` leaves them out of
 * package-lock.json and `npm ci` then refuses the lockfile ("Missing: ... from lock file").
 *
 * Each added entry carries only the version and the os/cpu/libc read from the package name, so npm ci
 * recognises it, sees that it does not match this platform, and never fetches it. Run after any
 * `npm install` that rewrites the lockfile: `node scripts/complete-lockfile.mjs`.
 */
import { readFileSync, writeFileSync } from "node:fs";

const file = new URL("../package-lock.json", import.meta.url);
const lock = JSON.parse(readFileSync(file, "utf8"));
const pattern =
  /-(android|darwin|linux|win32|freebsd|openbsd|sunos|aix)-(arm64|x64|ia32|arm|ppc64|s390x|riscv64)(?:-(musl|gnu|msvc|gnueabihf))?$/;
let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    const platform = name.match(pattern);
    if (lock.packages[key] || !platform) continue;
    const [, os, cpu, libc] = platform;
    lock.packages[key] = {
      version,
      optional: true,
      os: [os],
      cpu: [cpu],
      ...(libc === "musl" || libc === "gnu" ? { libc: [libc === "gnu" ? "glibc" : "musl"] } : {}),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(lock.packages).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`complete-lockfile: added ${added} platform entries`);
