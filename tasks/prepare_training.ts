/**
 * `deno task prepare-training`: future option prices and returns at a horizon, from the
 * `consolidated` dataset into its own `training` dataset.
 *
 * @module
 */
import { runPrepareTraining } from "./_consolidate_run.ts";
import {
  intFlag,
  list,
  loadTaskConfig,
  numFlag,
  parseFlags,
  runTask,
  say,
  UsageError,
  useSecrets,
} from "./_task.ts";

const USAGE = `usage: deno task prepare-training --from YYYY-MM-DD --to YYYY-MM-DD [options]

  --underlying SPY,QQQ       underlyings whose consolidated table is read (default from config: SPY)
  --horizon N                minutes ahead of each row whose option price is the target (default 120)
  --min-coverage F           drop contract-days where a smaller share of rows has a target (default 0.5)
  --tolerance N              target = last trade within N minutes up to the horizon minute (default 5)
  --config FILE              YAML config (default config/default.yaml)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    underlying: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    horizon: { type: "string" },
    "min-coverage": { type: "string" },
    tolerance: { type: "string" },
    config: { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const config = await loadTaskConfig(f.config, {
    training: {
      underlyings: list(f.underlying),
      from: f.from,
      to: f.to,
      horizonMin: intFlag("horizon", f.horizon),
      minCoverage: numFlag("min-coverage", f["min-coverage"]),
      toleranceMin: intFlag("tolerance", f.tolerance),
    },
  });
  useSecrets(config);
  const t = config.training;
  if (!t.from || !t.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  if (t.from > t.to) throw new UsageError(`--from ${t.from} is after --to ${t.to}`);
  return await runPrepareTraining(config, ["deno", "task", "prepare-training", ...Deno.args]);
});
