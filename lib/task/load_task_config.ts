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

/** Text with every remembered secret (and POLYGON_API_KEY) replaced. */
export function redactOutput(text: string): string {
  const env = Deno.env.get("POLYGON_API_KEY");
  return redactText(text, env ? [...secrets, env] : secrets);
}

/**
 * Remembers the API key of `.env` in the working folder (and of the environment) before
 * anything is parsed, so a message quoting a flag that holds it is redacted too.
 */
export async function rememberEnvSecrets(): Promise<void> {
  const dotenv = parseDotenv((await readOptional(".env").catch(() => null)) ?? "");
  useSecrets([Deno.env.get("POLYGON_API_KEY") ?? "", dotenv.POLYGON_API_KEY ?? ""]);
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
  const yamlText = await readOptional(path);
  if (yamlText === null && configPath !== undefined) {
    throw new ConfigError([`--config ${configPath}: no such file`]);
  }
  const dotenvText = await readOptional(".env");
  const env = Deno.env.toObject();
  // Known before the config parses, so that a config error quoting a key is redacted too.
  useSecrets([env.POLYGON_API_KEY ?? "", parseDotenv(dotenvText ?? "").POLYGON_API_KEY ?? ""]);
  const config = loadConfig({
    yamlText,
    yamlName: path,
    dotenvText,
    env,
    overrides: prune(overrides) as Record<string, unknown>,
  });
  useSecrets(config);
  return config;
}
