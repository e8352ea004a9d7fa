/**
 * `deno task purge`: delete by category and age; a dry run unless `--apply`.
 *
 * @module
 */
import { addDays, nyDate } from "../lib/calendar/mod.ts";
import { parseDatasets, purge, PURGE_CATEGORIES, type PurgeCategory } from "../lib/ops/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

const MB = (b: number) => `${(b / 1e6).toFixed(2)} MB`;

export const task = defineTask({
  name: "purge",
  summary: "delete by category and age (--older-than, --before or --all); a dry run unless --apply",
  example: [
    "deno task purge --category runs,logs --older-than 30",
    "deno task purge --category raw --datasets option_minute --before 2025-01-01 --apply",
  ],
  flags: {
    category: {
      type: "list",
      metavar: PURGE_CATEGORIES.join(","),
      help: `What to delete (required): ${PURGE_CATEGORIES.join(", ")}`,
    },
    datasets: {
      type: "list",
      metavar: "D1,D2",
      help: "Limit raw/derived/quarantine to these lake datasets (default: all)",
    },
    "older-than": {
      type: "int",
      metavar: "DAYS",
      help: "Partitions dated, files modified, more than DAYS days ago",
    },
    before: { type: "date", help: "Partitions dated, files modified, before this date" },
    all: { type: "boolean", default: false, help: "Whatever the age" },
    apply: {
      type: "boolean",
      default: false,
      help: "Delete, under the lake lock (default: a dry run that lists what would go)",
    },
  },
  check: (_config, f) => {
    const categories = (f.category as string[] | undefined) ?? [];
    if (categories.length === 0) throw new UsageError("--category is required");
    for (const c of categories) {
      if (!(PURGE_CATEGORIES as readonly string[]).includes(c)) {
        throw new UsageError(`--category ${c}: expected one of ${PURGE_CATEGORIES.join(", ")}`);
      }
    }
    const days = f["older-than"] as number | undefined;
    if (days !== undefined && days < 0) throw new UsageError("--older-than must be >= 0");
    try {
      parseDatasets(f.datasets as string[] | undefined);
    } catch (e) {
      throw new UsageError(`--datasets: ${(e as Error).message}`);
    }
  },
  // not `lock: true`: purge takes the lake lock itself with --apply, a dry run only reads
  run: async ({ config, flags: f, say }) => {
    const days = f["older-than"] as number | undefined;
    const before = days !== undefined
      ? addDays(nyDate(Date.now()), -days)
      : f.before as string | undefined;
    const r = await purge(config.data.dir, {
      categories: f.category as PurgeCategory[],
      datasets: parseDatasets(f.datasets as string[] | undefined),
      before,
      all: f.all as boolean,
      apply: f.apply as boolean,
    });
    for (const it of r.items) {
      say(
        `  ${r.applied ? "deleted" : "would delete"} ${it.category} ${it.path} (${MB(it.bytes)})`,
      );
    }
    say(
      `purge ${config.data.dir}: ${r.items.length} items, ${MB(r.bytes)} ${
        r.applied ? "freed" : "would be freed (dry run: add --apply)"
      }`,
    );
  },
});

if (import.meta.main) await task.main();
