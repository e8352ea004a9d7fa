/**
 * `deno task cache`: the flat-file download cache's size, entries and hit rate; evict or
 * clear it.
 *
 * @module
 */
import { manageCache, parseByteSize } from "../lib/sources/flatfiles/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;

/** A byte count flag (`123`, `500M`, `50GiB`), or a UsageError naming the flag. */
const bytes = (flag: string) => (text: string) => {
  try {
    return parseByteSize(text);
  } catch (e) {
    throw new UsageError(`--${flag}: ${(e as Error).message}`);
  }
};

export const task = defineTask({
  name: "cache",
  summary: "show the flat-file download cache's size, entries and hit rate; evict or clear it",
  example: ["deno task cache", "deno task cache --evict-to 50GiB", "deno task cache --clear"],
  flags: {
    "evict-to": {
      type: "int",
      metavar: "BYTES",
      parse: bytes("evict-to"),
      help:
        "Evict least recently used objects until at most BYTES remain (bytes, or e.g. 500M, 50GiB)",
    },
    clear: { type: "boolean", help: "Remove every cached object" },
    dir: { path: "cache.dir", metavar: "DIR" },
    "max-bytes": { path: "cache.maxBytes", metavar: "BYTES", parse: bytes("max-bytes") },
  },
  run: async ({ config, flags: f, say }) => {
    const evictTo = f["evict-to"] as number | undefined;
    const clear = f.clear === true;
    const s = await manageCache(config, { evictTo, clear });
    const rate = s.hitRate === null ? "n/a" : `${(s.hitRate * 100).toFixed(1)}%`;
    say(`cache ${s.dir}`);
    say(
      `  size: ${s.bytes.toLocaleString("en-US")} bytes (${gib(s.bytes)} of ${gib(s.maxBytes)})`,
    );
    say(`  entries: ${s.entries}`);
    say(`  hits: ${s.hits}, misses: ${s.misses}, hit rate: ${rate}`);
    say(`  evictions: ${s.evictions} (${s.evictedBytes.toLocaleString("en-US")} bytes)`);
    if (clear || evictTo !== undefined) say(`  removed now: ${s.removed}`);
  },
});

if (import.meta.main) await task.main();
