/**
 * The strikelab config: one strict zod schema, loaded from YAML, `.env`, the environment
 * and CLI flags (later wins), with secret redaction.
 *
 * @example
 * ```ts
 * import { loadConfig } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * const config = loadConfig({ yamlText: "backfill:\n  symbols: [QQQ]\n" });
 * equal(config.backfill.symbols[0], "QQQ");
 * equal(config.source.sim.seed, 42);
 * ```
 *
 * @module
 */
export { BacktestSchema, type Config, ConfigSchema } from "./schema.ts";
export { ENV_VARS, loadConfig, type LoadConfigOptions, mergeDeep, parseDotenv } from "./load.ts";
export { ConfigError, formatIssues, plainMessage } from "./errors.ts";
export { redactConfig, REDACTED, redactText, secretsOf } from "./redact.ts";
export { isIsoDate, isoDate } from "./_fields.ts";
