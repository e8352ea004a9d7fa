/**
 * Loading a task's config from disk: the YAML file (`--config`, else `config/default.yaml`
 * when it exists), `.env` in the working folder, the environment, then flag overrides.
 *
 * @module
 */
import {
  type Config,
  ConfigError,
  loadConfig,
  parseDotenv,
  redactText,
  secretsOf,
} from "../config/mod.ts";

/** Removes undefined values and emptied sections so they do not override lower layers. */
export function prune(value: unknown): unknown {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    const p = prune(v);
    const emptied = typeof p === "object" && p !== null && !Array.isArray(p) &&
      Object.keys(p).length === 0 && !(typeof v === "object" && v !== null &&
        Object.keys(v).length === 0);
    if (p !== undefined && !emptied) out[k] = p;
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

let secrets: string[] = [];

/** Remembers strings never to print (API keys); {@linkcode redactOutput} hides them. */
export function useSecrets(config: Config | string[]): void {
  const more = Array.isArray(config) ? config : secretsOf(config);
  secrets = [...new Set([...secrets, ...more.filter((s) => s.length > 0)])];
}

/** The environment variables that hold secrets (API key, S3 keys). */
const SECRET_VARS = ["POLYGON_API_KEY", "POLYGON_S3_ACCESS_KEY_ID", "POLYGON_S3_SECRET_ACCESS_KEY"];

/** Text with every remembered secret (and those of the environment) replaced. */
export function redactOutput(text: string): string {
  const env = SECRET_VARS.map((name) => Deno.env.get(name) ?? "").filter((s) => s.length > 0);
  return redactText(text, [...secrets, ...env]);
}

/**
 * Remembers the API key of `.env` in the working folder (and of the environment) before
 * anything is parsed, so a message quoting a flag that holds it is redacted too.
 */
export async function rememberEnvSecrets(): Promise<void> {
  const dotenv = parseDotenv((await readOptional(".env").catch(() => null)) ?? "");
  useSecrets(SECRET_VARS.flatMap((name) => [Deno.env.get(name) ?? "", dotenv[name] ?? ""]));
}

/**
 * Loads the config: `configPath` (or `config/default.yaml` when it exists), `.env` in the
 * working folder, the environment, then `overrides` (a partial config from flags).
 *
 * @throws {ConfigError} for a missing `--config` file or any invalid value.
 */
export async function loadTaskConfig(
  configPath: string | undefined,
  overrides: object,
): Promise<Config> {
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
  const dotenv = parseDotenv(dotenvText ?? "");
  useSecrets(SECRET_VARS.flatMap((name) => [env[name] ?? "", dotenv[name] ?? ""]));
  const config = loadConfig({
    yamlText,
    yamlName: path,
    dotenvText,
    env,
    overrides: prune(overrides) as Record<string, unknown>,
  });
  useSecrets(config);
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
