/**
 * The old-style task helpers, kept working for tasks not yet declared with `defineTask`
 * (lib/task; see docs/tasks.md for the conversion). What every task shares: flag parsing, config loading from disk (YAML file, `.env`,
 * environment, flags), and turning errors into one clear message and an exit code
 * (2 for bad config or flags, 1 for failures). Secrets never reach the output.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError } from "../lib/config/mod.ts";
import { redactOutput, UsageError } from "../lib/task/mod.ts";

export { loadTaskConfig, UsageError, useSecrets } from "../lib/task/mod.ts";

/** Parses flags strictly; unknown flags or missing values become a {@linkcode UsageError}. */
export function parseFlags<T extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\. To specify.*$/s, ""));
  }
}

/** Splits a comma list (`SPY,QQQ`). */
export function list(value: string | undefined): string[] | undefined {
  return value === undefined ? undefined : value.split(",").map((s) => s.trim()).filter(Boolean);
}

/** A whole number flag, or a UsageError naming the flag. */
export function intFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n)) {
    throw new UsageError(`--${name} must be a whole number, got "${value}"`);
  }
  return n;
}

/** A number flag, or a UsageError naming the flag. */
export function numFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n)) throw new UsageError(`--${name} must be a number, got "${value}"`);
  return n;
}

/** Prints to stdout (redacted). */
export function say(text: string): void {
  console.log(redactOutput(text));
}

/**
 * Runs a task's main, turning errors into a message and exit code: 2 for bad config, flags
 * or arguments (`ConfigError`, `UsageError`, `RangeError`), 1 for anything else.
 */
export async function runTask(usage: string, main: () => Promise<number>): Promise<never> {
  let code: number;
  try {
    code = await main();
  } catch (e) {
    const err = e as Error;
    if (e instanceof ConfigError) {
      console.error(redactOutput(err.message));
      code = 2;
    } else if (e instanceof RangeError) {
      console.error(redactOutput(`error: ${err.message}`));
      code = 2;
    } else if (e instanceof UsageError) {
      console.error(redactOutput(`error: ${err.message}\n\n${usage}`));
      code = 2;
    } else {
      const detail = Deno.env.get("STRIKELAB_DEBUG") ? err.stack ?? err.message : err.message;
      console.error(redactOutput(`error: ${detail}`));
      code = 1;
    }
  }
  Deno.exit(code);
}
