/**
 * `deno task prepare-training`: training targets (the option's price `horizonMin` minutes
 * ahead) from the consolidated table, written to the `training` dataset.
 *
 * @module
 */
import { defineTask } from "../lib/task/mod.ts";
import { runPrepareTraining } from "./_consolidate_run.ts";

export const task = defineTask({
  name: "prepare-training",
  summary: "add training targets to the consolidated table (the training dataset)",
  example: "deno task prepare-training --from 2025-03-03 --to 2025-03-07 --horizon 60",
  flags: {
    underlyings: "training.underlyings",
    from: "training.from",
    to: "training.to",
    horizon: "training.horizonMin",
    "min-coverage": "training.minCoverage",
    tolerance: "training.toleranceMin",
  },
  required: ["training.from", "training.to"],
  ranges: [["training.from", "training.to"]],
  lock: true,
  run: (ctx) => runPrepareTraining(ctx.config, ctx),
});

if (import.meta.main) await task.main();
