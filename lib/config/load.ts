/**
 * Loads the config: schema defaults, then a YAML file, then `.env`, then the environment,
 * then CLI overrides — later wins.
 *
 * @module
 */
import YAML from "yaml";
import { ConfigError, formatIssues, plainMessage } from "./errors.ts";
import { type Config, ConfigSchema } from "./schema.ts";

/** Options for {@linkcode loadConfig}. */
export interface LoadConfigOptions {
  /** YAML text of the config file, or null for none. */
  yamlText?: string | null;
  /** Name of the YAML file, for messages. @default "config" */
  yamlName?: string;
  /** Text of a `.env` file, or null for none. */
  dotenvText?: string | null;
  /** The environment variables. @default {} */
  env?: Record<string, string | undefined>;
  /** Values from CLI flags, as a partial config. @default {} */
  overrides?: Record<string, unknown>;
}

/** Environment variables the config reads, and where they go. */
export const ENV_VARS: Record<string, readonly string[]> = {
  POLYGON_API_KEY: ["source", "polygon", "apiKey"],
  POLYGON_BASE_URL: ["source", "polygon", "baseUrl"],
  STRIKELAB_DATA_DIR: ["data", "dir"],
  POLYGON_S3_ACCESS_KEY_ID: ["source", "flatfiles", "accessKeyId"],
  POLYGON_S3_SECRET_ACCESS_KEY: ["source", "flatfiles", "secretAccessKey"],
};

/** Parses `.env` text: `KEY=value` lines, `#` comments, optional quotes, `export ` prefix. */
export function parseDotenv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim().replace(/^export\s+/, "");
    if (!line || line.startsWith("#")) continue;
    const eq = line.indexOf("=");
    if (eq <= 0) continue;
    let value = line.slice(eq + 1).trim();
    if (/^(["']).*\1$/.test(value)) value = value.slice(1, -1);
    else value = value.replace(/\s+#.*$/, "");
    out[line.slice(0, eq).trim()] = value;
  }
  return out;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Deep merge: objects merge key by key, anything else (arrays too) replaces. */
export function mergeDeep(base: unknown, over: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(over)) return over === undefined ? base : over;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) out[k] = mergeDeep(base[k], v);
  return out;
}

function setPath(target: Record<string, unknown>, path: readonly string[], value: unknown) {
  let node = target;
  for (const key of path.slice(0, -1)) {
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  node[path[path.length - 1]] = value;
}

/**
 * Builds the validated config.
 *
 * @throws {ConfigError} with one line per problem (field path, bad value, what is allowed).
 */
export function loadConfig(options: LoadConfigOptions = {}): Config {
  const { yamlText = null, yamlName = "config", dotenvText = null, env = {}, overrides = {} } =
    options;
  let fromFile: unknown = {};
  if (yamlText !== null) {
    try {
      fromFile = YAML.parse(yamlText) ?? {};
    } catch (cause) {
      const why = (cause as Error).message.split("\n")[0].replace(/:$/, "");
      throw new ConfigError([`${yamlName}: not valid YAML: ${why}`], {
        cause,
      });
    }
    if (!isPlainObject(fromFile)) {
      throw new ConfigError([`${yamlName}: expected a mapping of sections at the top level`]);
    }
  }
  const fromEnv: Record<string, unknown> = {};
  const dotenv = dotenvText === null ? {} : parseDotenv(dotenvText);
  for (const [name, path] of Object.entries(ENV_VARS)) {
    const value = env[name] || dotenv[name];
    if (value !== undefined && value !== "") setPath(fromEnv, path, value);
  }
  const input = mergeDeep(mergeDeep(fromFile, fromEnv), overrides);
  const parsed = ConfigSchema.safeParse(input, { error: plainMessage });
  if (!parsed.success) throw new ConfigError(formatIssues(parsed.error.issues, input));
  return parsed.data;
}
