/**
 * `deno task schema`: each dataset's schema baseline and the drift events logged by ingest.
 *
 * @module
 */
import { parseDatasets, schemaReport } from "../lib/ops/mod.ts";
import { list, loadTaskConfig, parseFlags, runTask, say } from "./_task.ts";

const USAGE = `usage: deno task schema [--datasets d1,d2]

  --datasets LIST   lake datasets (default: all)
  --config FILE     YAML config (default config/default.yaml)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    datasets: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {});
  const r = await schemaReport(`${config.data.dir}/lake`, parseDatasets(list(f.datasets)));
  for (const line of r.lines) say(line);
  return 0;
});
