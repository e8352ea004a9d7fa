/**
 * Notebook parameters: environment variables with typed defaults.
 *
 * @module
 */
import { z } from "zod";

/** A parameter default: its type is the parameter's type. */
export type ParamDefault = string | number | boolean;

/** The parameters' values, typed like their defaults. */
export type EnvParams<T extends Record<string, ParamDefault>> = {
  [K in keyof T]: T[K] extends number ? number : T[K] extends boolean ? boolean : string;
};

/** Options for {@linkcode envParams}. */
export interface EnvParamsOptions {
  /** Where values come from. @default the process environment (`Deno.env`) */
  env?: Record<string, string | undefined>;
}

const NUMBER = z.string().transform((v, ctx) => {
  const n = v.trim() === "" ? NaN : Number(v);
  if (!Number.isFinite(n)) ctx.addIssue({ code: "custom", message: "expected a number" });
  return n;
});
const BOOLEAN = z.enum(["1", "0", "true", "false", "yes", "no"], {
  error: "expected 1, 0, true, false, yes or no",
}).transform((v) => v === "1" || v === "true" || v === "yes");

/**
 * Reads notebook parameters from environment variables (how `deno task report --param
 * NAME=VALUE` passes them), each with a default whose type it keeps: a number default
 * parses the variable as a finite number, a boolean default accepts `1/0/true/false/yes/no`,
 * a string default takes the text as is. An unset or empty variable gives the default.
 *
 * @param defaults Parameter names and defaults, e.g. `{ FROM: "2025-03-03", SEED: 42 }`.
 * @param options Where values come from (tests pass `env`).
 * @returns The values, typed like the defaults.
 * @throws {TypeError} When a variable does not parse, naming it and its value.
 *
 * @example
 * ```ts
 * import { envParams } from "./env_params.ts";
 * import { deepEqual } from "node:assert/strict";
 * const p = envParams({ FROM: "2025-03-03", SEED: 42, FILL: true }, { env: { SEED: "7", FILL: "0" } });
 * deepEqual(p, { FROM: "2025-03-03", SEED: 7, FILL: false });
 * ```
 */
export function envParams<T extends Record<string, ParamDefault>>(
  defaults: T,
  options: EnvParamsOptions = {},
): EnvParams<T> {
  const { env = Deno.env.toObject() } = options;
  const out: Record<string, ParamDefault> = {};
  for (const [name, fallback] of Object.entries(defaults)) {
    const raw = env[name];
    if (raw === undefined || raw === "") {
      out[name] = fallback;
      continue;
    }
    const schema = typeof fallback === "number"
      ? NUMBER
      : typeof fallback === "boolean"
      ? BOOLEAN
      : z.string();
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      throw new TypeError(
        `Cannot read notebook parameter ${name}: ${parsed.error.issues[0].message}, got ${
          JSON.stringify(raw)
        }`,
        { cause: parsed.error },
      );
    }
    out[name] = parsed.data;
  }
  return out as EnvParams<T>;
}
