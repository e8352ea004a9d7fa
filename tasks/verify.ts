/**
 * `deno task verify`: re-read every partition (or some datasets, a date range), check its
 * SHA-256 and that it parses; `--repair` refetches or recomputes the bad ones.
 *
 * @module
 */
import { secretsOf } from "../lib/config/mod.ts";
import { parseDatasets, repairLake, verifyLake } from "../lib/ops/mod.ts";
import { createLogger } from "../lib/run/mod.ts";
import { createSource } from "../lib/sources/mod.ts";
import { list, loadTaskConfig, parseFlags, runTask, say, useSecrets } from "./_task.ts";

const USAGE =
  `usage: deno task verify [--datasets d1,d2] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--repair]

  --datasets equity_minute,option_minute   lake datasets (default: all)
  --from, --to                             date range (default: all dates)
  --repair                                 refetch raw / recompute derived bad partitions
  --config FILE                            YAML config (default config/default.yaml)

exit 0 when every partition is sound (or was repaired), 1 otherwise`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    datasets: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    repair: { type: "boolean" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {});
  useSecrets(config);
  const root = `${config.data.dir}/lake`;
  const r = await verifyLake(root, {
    datasets: parseDatasets(list(f.datasets)),
    from: f.from,
    to: f.to,
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
  const log = createLogger({
    level: config.log.level,
    json: config.log.json,
    secrets: secretsOf(config),
  });
  const source = createSource(config, { logger: log });
  const fixed = await repairLake(config, r.bad, {
    source,
    log,
    command: ["deno", "task", "verify", ...Deno.args],
  });
  say(`repair: ${fixed.repaired.length} repaired, ${fixed.failed.length} failed`);
  for (const x of fixed.failed) say(`  not repaired ${x.partition}: ${x.error}`);
  return fixed.failed.length === 0 ? 0 : 1;
});
