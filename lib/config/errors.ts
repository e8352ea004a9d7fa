/**
 * Config errors: one line per problem, naming the field path, the bad value and what is
 * allowed, e.g. `backfill.to: "2025-13-01" is not a date (YYYY-MM-DD)`.
 *
 * @module
 */
import type { z } from "zod";

/** A config that failed validation. Tasks print `message` and exit with code 2. */
export class ConfigError extends Error {
  /** One line per problem. */
  readonly problems: string[];
  constructor(problems: string[], options?: ErrorOptions) {
    super(`Invalid config:\n  ${problems.join("\n  ")}`, options);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const key of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[key];
  }
  return v;
}

function show(value: unknown): string {
  if (value === undefined) return "(missing)";
  const s = JSON.stringify(value);
  return s.length > 60 ? `${s.slice(0, 57)}...` : s;
}

const KINDS: Record<string, string> = {
  boolean: "true or false",
  object: "a section (a mapping of keys)",
  record: "a mapping",
  array: "a list (e.g. [SPY, QQQ])",
  string: "text",
  number: "a number",
};

/**
 * The message of a zod issue whose schema gave none: `is not true or false`, `is not a list
 * (e.g. [SPY, QQQ])`, `is empty`... Pass it as the per-parse `error` map; messages set in the
 * schema take precedence.
 */
export function plainMessage(issue: z.core.$ZodRawIssue): string | undefined {
  if (issue.code === "invalid_type") {
    return `is not ${KINDS[issue.expected] ?? issue.expected}`;
  }
  if (issue.code === "too_small" || issue.code === "too_big") {
    const [word, bound] = issue.code === "too_small"
      ? ["at least", issue.minimum]
      : ["at most", issue.maximum];
    if (issue.origin === "array") return `needs ${word} ${bound} item(s)`;
    if (issue.origin === "string") {
      return issue.code === "too_small" && Number(bound) === 1
        ? "is empty"
        : `needs ${word} ${bound} characters`;
    }
    return `is out of range (${word} ${bound})`;
  }
  if (issue.code === "invalid_value") {
    return `is not one of ${issue.values.map(String).join(", ")}`;
  }
  return undefined;
}

/** Turns zod issues on `input` into one readable line each, secrets never shown. */
export function formatIssues(issues: z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(config)";
    if (issue.code === "invalid_key") {
      const key = JSON.stringify(String(issue.path[issue.path.length - 1]));
      return `${path}: key ${key} ${issue.issues[0]?.message ?? "is not allowed"}`;
    }
    if (issue.code === "unrecognized_keys") {
      return `${path}: unknown key${issue.keys.length > 1 ? "s" : ""} ${
        issue.keys.map((k) => `"${k}"`).join(", ")
      } (check the spelling against config/default.yaml)`;
    }
    const secret = /apikey|secret|token|password/i.test(path);
    const value = secret ? "(hidden)" : show(valueAt(input, issue.path));
    return `${path}: ${value} ${issue.message}`;
  });
}
