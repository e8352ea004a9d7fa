/**
 * The declarative task layer: a task is a declaration of its flags (each mapped to a config
 * path, with type, help and default read from the zod schema), its guards and one lib call.
 * Parsing, `--help`, config loading (`--config`, `.env`, environment, flags), the guards
 * (required values, real ISO dates, from <= to), the data-dir lock, the run record,
 * `--log-json` and the exit codes (0 ok, 1 failure, 2 bad input or config, 130 interrupted)
 * live here once. See docs/tasks.md.
 *
 * @example
 * ```ts
 * import { defineTask } from "./mod.ts";
 * import { deepEqual, match } from "node:assert/strict";
 * const task = defineTask({
 *   name: "scan-demo",
 *   summary: "show the mapping of flags to config",
 *   example: "deno task scan-demo --underlyings SPY,QQQ --window 15",
 *   flags: { underlyings: "scan.underlyings", window: "scan.windowMin" },
 *   run: async (ctx) => ctx.say(ctx.config.scan.underlyings.join(",")),
 * });
 * deepEqual(task.parse(["--underlyings", "SPY,QQQ", "--window", "15"]).overrides, {
 *   scan: { underlyings: ["SPY", "QQQ"], windowMin: 15 },
 * });
 * match(task.help(), /--window N +N for the rolling references, minutes/);
 * match(task.help(), /config scan.windowMin, default 30/);
 * ```
 *
 * @module
 */
export { defineTask, EXIT, type ParsedTaskArgs, type Task } from "./define_task.ts";
export type { FlagSpec, TaskContext, TaskRecord, TaskSpec } from "./types.ts";
export { UsageError } from "./usage_error.ts";
export { loadTaskConfig, prune, redactOutput, useSecrets } from "./load_task_config.ts";
export { type ResolvedFlag } from "./_flags.ts";
export { OPTION_FLAGS, SOURCE_FLAGS } from "./common_flags.ts";
export { flagTable } from "./flag_table.ts";
