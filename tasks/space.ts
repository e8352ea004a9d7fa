/**
 * `deno task space`: the lake's sizes by dataset, symbol or month (rows, bytes, bytes/row,
 * compression ratio).
 *
 * @module
 */
import { formatSpace, lakeSpace, parseDatasets } from "../lib/ops/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

const GROUPINGS = ["dataset", "symbol", "month"] as const;

export const task = defineTask({
  name: "space",
  summary: "the lake's sizes by dataset, symbol or month (rows, MB, bytes/row, compression)",
  example: ["deno task space", "deno task space --by month --datasets equity_minute"],
  flags: {
    by: {
      type: "string",
      default: "dataset",
      metavar: GROUPINGS.join("|"),
      help: "Grouping: dataset, symbol (the partition key's value) or month",
    },
    datasets: {
      type: "list",
      metavar: "D1,D2",
      help: "Lake datasets (equity_minute, option_minute, ...; default: all)",
    },
  },
  check: (_config, f) => {
    if (!(GROUPINGS as readonly unknown[]).includes(f.by)) {
      throw new UsageError(`--by must be dataset, symbol or month, got "${f.by}"`);
    }
    try {
      parseDatasets(f.datasets as string[] | undefined);
    } catch (e) {
      throw new UsageError(`--datasets: ${(e as Error).message}`);
    }
  },
  run: async ({ config, flags: f, say }) => {
    const by = f.by as typeof GROUPINGS[number];
    const root = `${config.data.dir}/lake`;
    const datasets = parseDatasets(f.datasets as string[] | undefined);
    const lines = await lakeSpace(root, { by, datasets });
    say(`space ${root} by ${by}`);
    for (const l of formatSpace(lines)) say(`  ${l}`);
  },
});

if (import.meta.main) await task.main();
