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

/** Turns zod issues on `input` into one readable line each, secrets never shown. */
export function formatIssues(issues: z.core.$ZodIssue[], input: unknown): string[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".") || "(config)";
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
