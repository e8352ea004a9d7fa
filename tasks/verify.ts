/**
 * `deno task verify`: re-read every partition (or some datasets, a date range), check its
 * SHA-256 and that it parses; `--repair` refetches or recomputes the bad ones.
 *
 * Exit 0 when every partition is sound (or was repaired), 1 otherwise.
 *
 * @module
 */
import { acquireLakeLock } from "../lib/lake/mod.ts";
import { parseDatasets, repairLake, verifyLake } from "../lib/ops/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "verify",
  summary: "re-read every partition: size, SHA-256, parses; --repair refetches the bad ones",
  example: [
    "deno task verify",
    "deno task verify --datasets equity_minute,option_minute --from 2025-03-03 --to 2025-03-07 --repair",
  ],
  flags: {
    datasets: {
      type: "list",
      metavar: "D1,D2",
      help: "Lake datasets to check (equity_minute, option_minute, ...; default: all)",
    },
    from: { type: "date", help: "First partition date checked (default: all dates)" },
    to: { type: "date", help: "Last partition date checked (default: all dates)" },
    repair: {
      type: "boolean",
      default: false,
      help: "Refetch raw / recompute derived bad partitions (under the lake lock)",
    },
  },
  check: (_config, f) => {
    try {
      parseDatasets(f.datasets as string[] | undefined);
    } catch (e) {
      throw new UsageError(`--datasets: ${(e as Error).message}`);
    }
    const from = f.from as string | undefined, to = f.to as string | undefined;
    if (from && to && from > to) {
      throw new UsageError(`--from ${from} is after --to ${to} (the range must run forwards)`);
    }
  },
  // not `lock: true`: a plain verify only reads (and may run beside a backfill); --repair
  // holds the lock from the check to the last repair (re-entrant: repairLake takes it too)
  run: async ({ config, flags: f, say, log, command }) => {
    const root = `${config.data.dir}/lake`;
    const release = f.repair ? await acquireLakeLock(root) : null;
    try {
      const r = await verifyLake(root, {
        datasets: parseDatasets(f.datasets as string[] | undefined),
        from: f.from as string | undefined,
        to: f.to as string | undefined,
      });
      say(
        `verify ${root}: ${r.checked} partitions, ${
          (r.bytes / 1e6).toFixed(1)
        } MB read, ${r.bad.length} bad`,
      );
      for (const b of r.bad) say(`  bad (${b.problem}) ${b.path}: ${b.detail}`);
      for (const u of r.unrecorded) say(`  unrecorded (no manifest entry): ${u}`);
      if (r.bad.length === 0) return 0;
      if (!f.repair) {
        say("  run `deno task verify --repair` to refetch or recompute them");
        return 1;
      }
      const source = createSource(config, { logger: log });
      const fixed = await repairLake(config, r.bad, { source, log, command });
      say(`repair: ${fixed.repaired.length} repaired, ${fixed.failed.length} failed`);
      for (const x of fixed.failed) say(`  not repaired ${x.partition}: ${x.error}`);
      return fixed.failed.length === 0 ? 0 : 1;
    } finally {
      await release?.();
    }
  },
});

if (import.meta.main) await task.main();
