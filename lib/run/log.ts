/**
 * Logging with levels, optional JSON lines, and secret redaction on every line.
 *
 * @module
 */
import { redactText } from "../config/mod.ts";

/** Log levels, least to most severe. */
export const LOG_LEVELS = ["debug", "info", "warn", "error"] as const;

/** A log level. */
export type LogLevel = typeof LOG_LEVELS[number];

/** A logger. */
export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** Options for {@linkcode createLogger}. */
export interface LoggerOptions {
  /** Lowest level written. @default "info" */
  level?: LogLevel;
  /** One JSON object a line. @default false */
  json?: boolean;
  /** Strings never to write (API keys). @default [] */
  secrets?: readonly string[];
  /** Where lines go. @default stderr */
  write?: (line: string) => void;
  /** Clock for JSON lines' `time`. @default Date.now */
  now?: () => number;
}

const encoder = new TextEncoder();

/**
 * Creates a logger; every line passes through {@linkcode redactText}.
 *
 * @example
 * ```ts
 * import { createLogger } from "./log.ts";
 * import { equal } from "node:assert/strict";
 * const lines: string[] = [];
 * const log = createLogger({ secrets: ["k3y"], write: (l) => lines.push(l) });
 * log.info("using key k3y");
 * log.debug("hidden below info");
 * equal(lines.join(), "info: using key ***");
 * ```
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const {
    level = "info",
    json = false,
    secrets = [],
    write = (line: string) => Deno.stderr.writeSync(encoder.encode(line + "\n")),
    now = Date.now,
  } = options;
  const min = LOG_LEVELS.indexOf(level);
  const emit = (lvl: LogLevel, message: string, fields?: Record<string, unknown>) => {
    if (LOG_LEVELS.indexOf(lvl) < min) return;
    const line = json
      ? JSON.stringify({ time: new Date(now()).toISOString(), level: lvl, message, ...fields })
      : `${lvl}: ${message}${fields ? " " + JSON.stringify(fields) : ""}`;
    write(redactText(line, secrets));
  };
  return {
    debug: (m, f) => emit("debug", m, f),
    info: (m, f) => emit("info", m, f),
    warn: (m, f) => emit("warn", m, f),
    error: (m, f) => emit("error", m, f),
  };
}
