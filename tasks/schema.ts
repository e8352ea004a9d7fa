/**
 * `deno task schema`: each dataset's schema baseline and the drift events logged by ingest.
 *
 * @module
 */
import { parseDatasets, schemaReport } from "../lib/ops/mod.ts";
import { defineTask, UsageError } from "../lib/task/mod.ts";

export const task = defineTask({
  name: "schema",
  summary: "each dataset's schema baseline (columns, wire fields) and its drift events",
  example: ["deno task schema", "deno task schema --datasets equity_minute,option_minute"],
  flags: {
    datasets: {
      type: "list",
      metavar: "D1,D2",
      help: "Lake datasets (equity_minute, option_minute, ...; default: all)",
    },
  },
  check: (_config, f) => {
    try {
      parseDatasets(f.datasets as string[] | undefined);
    } catch (e) {
      throw new UsageError(`--datasets: ${(e as Error).message}`);
    }
  },
  run: async ({ config, flags: f, say }) => {
    const datasets = parseDatasets(f.datasets as string[] | undefined);
    const r = await schemaReport(`${config.data.dir}/lake`, datasets);
    for (const line of r.lines) say(line);
  },
});

if (import.meta.main) await task.main();
