/**
 * `deno task space`: the lake's sizes by dataset, symbol or month (rows, bytes, bytes/row,
 * compression ratio).
 *
 * @module
 */
import { formatSpace, lakeSpace, parseDatasets } from "../lib/ops/mod.ts";
import { list, loadTaskConfig, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE = `usage: deno task space [--by dataset|symbol|month] [--datasets d1,d2]

  --by GROUPING     dataset (default), symbol (key value) or month
  --datasets LIST   lake datasets (default: all)
  --config FILE     YAML config (default config/default.yaml)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    by: { type: "string", default: "dataset" },
    datasets: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  if (f.by !== "dataset" && f.by !== "symbol" && f.by !== "month") {
    throw new UsageError(`--by must be dataset, symbol or month, got "${f.by}"`);
  }
  const config = await loadTaskConfig(f.config, {});
  const root = `${config.data.dir}/lake`;
  const lines = await lakeSpace(root, { by: f.by, datasets: parseDatasets(list(f.datasets)) });
  say(`space ${root} by ${f.by}`);
  for (const l of formatSpace(lines)) say(`  ${l}`);
  return 0;
});
