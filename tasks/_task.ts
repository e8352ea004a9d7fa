/**
 * What every task shares: flag parsing, config loading from disk (YAML file, `.env`,
 * environment, flags), and turning errors into one clear message and an exit code
 * (2 for bad config or flags, 1 for failures). Secrets never reach the output.
 *
 * @module
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import {
  type Config,
  ConfigError,
  loadConfig,
  parseDotenv,
  redactText,
  secretsOf,
} from "../lib/config/mod.ts";

/** Bad command-line usage: printed with the task's usage, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

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

/** Removes undefined values recursively so they do not override lower layers. */
function prune(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    if (
      p !== undefined && !(typeof p === "object" && p !== null && !Array.isArray(p) &&
        Object.keys(p).length === 0)
    ) out[k] = p;
  }
  return out;
}

async function readOptional(path: string): Promise<string | null> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return null;
    throw e;
  }
}

/**
 * Loads the config: `configPath` (or `config/default.yaml` when it exists), `.env` in the
 * working folder, the environment, then `overrides` from flags.
 */
export async function loadTaskConfig(configPath: string | undefined, overrides: object) {
  const path = configPath ?? "config/default.yaml";
  let yamlText: string | null;
  try {
    yamlText = await readOptional(path);
  } catch (e) {
    if (!(e instanceof Deno.errors.IsADirectory)) throw e;
    throw new ConfigError([`--config ${path}: is a folder, not a YAML file`]);
  }
  if (yamlText === null && configPath !== undefined) {
    throw new ConfigError([`--config ${configPath}: no such file`]);
  }
  const dotenvText = await readOptional(".env");
  const env = Deno.env.toObject();
  // Known before the config parses, so that a config error quoting a key is redacted too.
  const keys = [env.POLYGON_API_KEY, parseDotenv(dotenvText ?? "").POLYGON_API_KEY];
  secrets = [...new Set([...secrets, ...keys.filter((k): k is string => !!k)])];
  const config = loadConfig({
    yamlText,
    yamlName: path,
    dotenvText,
    env,
    overrides: prune(overrides) as Record<string, unknown>,
  });
  await checkDataDir(config.data.dir);
  return config;
}

/** A data dir that exists must be a folder (the lake and run records go inside it). */
async function checkDataDir(dir: string): Promise<void> {
  try {
    const st = await Deno.stat(dir);
    if (!st.isDirectory) {
      throw new ConfigError([
        `data.dir ${dir}: is a file, not a folder; set STRIKELAB_DATA_DIR or data.dir to a folder`,
      ]);
    }
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

let secrets: string[] = [Deno.env.get("POLYGON_API_KEY") ?? ""].filter((s) => s.length > 0);

/** Remembers the config's secrets so that errors printed later are redacted. */
export function useSecrets(config: Config): void {
  secrets = [...new Set([...secrets, ...secretsOf(config)])];
}

/** Prints to stdout (redacted). */
export function say(text: string): void {
  console.log(redactText(text, secrets));
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
      console.error(redactText(err.message, secrets));
      code = 2;
    } else if (e instanceof RangeError) {
      console.error(redactText(`error: ${err.message}`, secrets));
      code = 2;
    } else if (e instanceof UsageError) {
      console.error(redactText(`error: ${err.message}\n\n${usage}`, secrets));
      code = 2;
    } else {
      const detail = Deno.env.get("STRIKELAB_DEBUG") ? err.stack ?? err.message : err.message;
      console.error(redactText(`error: ${detail}`, secrets));
      code = 1;
    }
  }
  Deno.exit(code);
}
