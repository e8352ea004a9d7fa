/**
 * `deno task cache`: the flat-file download cache's size, entries and hit rate; evict or
 * clear it.
 *
 * @module
 */
import { manageCache, parseByteSize } from "../lib/sources/flatfiles/mod.ts";
import { loadTaskConfig, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE = `usage: deno task cache [--evict-to BYTES] [--clear] [--config FILE]

  --evict-to BYTES   evict least recently used objects until at most BYTES remain
                     (bytes, or e.g. 500M, 50GiB)
  --clear            remove every cached object
  --config FILE      YAML config (default config/default.yaml; cache.dir, cache.maxBytes)`;

const gib = (n: number) => `${(n / 2 ** 30).toFixed(2)} GiB`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    "evict-to": { type: "string" },
    clear: { type: "boolean" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  let evictTo: number | undefined;
  try {
    evictTo = f["evict-to"] === undefined ? undefined : parseByteSize(f["evict-to"]);
  } catch (e) {
    throw new UsageError(`--evict-to: ${(e as Error).message}`);
  }
  const config = await loadTaskConfig(f.config, {});
  const s = await manageCache(config, { evictTo, clear: f.clear });
  const rate = s.hitRate === null ? "n/a" : `${(s.hitRate * 100).toFixed(1)}%`;
  say(`cache ${s.dir}`);
  say(`  size: ${s.bytes.toLocaleString("en-US")} bytes (${gib(s.bytes)} of ${gib(s.maxBytes)})`);
  say(`  entries: ${s.entries}`);
  say(`  hits: ${s.hits}, misses: ${s.misses}, hit rate: ${rate}`);
  say(`  evictions: ${s.evictions} (${s.evictedBytes.toLocaleString("en-US")} bytes)`);
  if (f.clear || evictTo !== undefined) say(`  removed now: ${s.removed}`);
  return 0;
});
