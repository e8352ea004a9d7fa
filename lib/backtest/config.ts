/**
 * The strategy-dependent checks of the `backtest` config section. Its shape and defaults are
 * `BacktestSchema` in lib/config/schema.ts (one schema for every task); this adds what needs
 * the strategy registry: the strategy exists, every parameter and grid value is in range,
 * fixed parameters satisfy the strategy's rule, choice names become indices.
 *
 * @module
 */
import { z } from "zod";
import { BacktestSchema } from "../config/mod.ts";
import { parseAxis } from "./grid.ts";
import { METRIC_COLUMNS } from "./metrics.ts";
import { encodeAxis, encodeParam } from "./strategies/params.ts";
import { paramProblem, STRATEGIES } from "./strategies/registry.ts";
import type { Params, Strategy } from "./strategies/types.ts";

type Axis = number | string | (number | string)[];

/** Params and grid with choice names turned into indices; messages for the values that fail. */
function encode(
  strategy: Strategy,
  params: Record<string, number | string>,
  grid?: Record<string, Axis>,
) {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const p: Params = {};
  for (const [k, v] of Object.entries(params)) {
    try {
      p[k] = encodeParam(strategy, k, v);
      const problem = paramProblem(strategy, k, p[k]);
      if (problem !== null) problems.push({ path: ["params", k], message: problem });
    } catch (e) {
      problems.push({ path: ["params", k], message: message(e) });
    }
  }
  let g: Record<string, number[] | string | number> | undefined;
  for (const [k, spec] of Object.entries(grid ?? {})) {
    try {
      const a = encodeAxis(strategy, k, spec as never);
      const bad = parseAxis(k, a).map((v) => paramProblem(strategy, k, v)).find((x) => x !== null);
      if (bad) problems.push({ path: ["grid", k], message: bad });
      (g ??= {})[k] = a as number[] | string | number;
    } catch (e) {
      problems.push({ path: ["grid", k], message: message(e) });
    }
  }
  return { params: p, grid: g, problems };
}

/** The object without its undefined values (`{}` for a section with nothing set). */
function defined<T extends object>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

const message = (e: unknown) =>
  (e as Error).message.replace(/^Cannot use strategy [a-z_0-9]+: /, "");
const metricNames = METRIC_COLUMNS.map(([, name]) => name) as [string, ...string[]];

/**
 * Builds the schema for a registry of strategies (the built-ins by default; a task adding
 * its own strategies passes the merged registry). Strict: unknown keys fail. Defaults live
 * here and nowhere else. Beyond shapes and ranges it checks that the strategy exists, that
 * every parameter and grid value is in the strategy's range, that fixed parameters satisfy
 * the strategy's cross-parameter rule, and that `from <= to`. Categorical parameters may be
 * given by name (`reference: rolling_low`, grid `"open,rolling_low"`); the parsed section
 * holds their indices.
 */
export function backtestConfigSchema(registry: Readonly<Record<string, Strategy>> = STRATEGIES) {
  return BacktestSchema.superRefine((cfg, ctx) => {
    if (cfg.strategy === null) {
      ctx.addIssue({ code: "custom", path: ["strategy"], message: "is required (--strategy)" });
      return;
    }
    if (!metricNames.includes(cfg.metric)) {
      ctx.addIssue({
        code: "custom",
        path: ["metric"],
        message: `is not one of ${metricNames.join(", ")}`,
      });
    }
    const strategy = registry[cfg.strategy];
    if (strategy === undefined) {
      const known = Object.keys(registry).sort().join(", ");
      ctx.addIssue({
        code: "custom",
        path: ["strategy"],
        message: `unknown strategy "${cfg.strategy}" (known: ${known})`,
      });
      return;
    }
    const enc = encode(strategy, cfg.params, cfg.grid ?? undefined);
    for (const p of enc.problems) ctx.addIssue({ code: "custom", ...p });
    if (enc.problems.length > 0) return;
    const full: Record<string, number> = {};
    for (const [k, s] of Object.entries(strategy.params)) full[k] = enc.params[k] ?? s.default;
    const rule = cfg.grid === null ? strategy.check(full) : null;
    if (rule !== null) ctx.addIssue({ code: "custom", path: ["params"], message: rule });
    if (cfg.from !== null && cfg.to !== null && cfg.from > cfg.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `to ${cfg.to} is before from ${cfg.from}`,
      });
    }
  }).transform((cfg) => {
    const strategy = cfg.strategy!;
    const { params, grid } = encode(registry[strategy], cfg.params, cfg.grid ?? undefined);
    const v = cfg.validation;
    return {
      ...cfg,
      strategy,
      symbols: cfg.symbols ?? undefined,
      underlyings: cfg.underlyings ?? undefined,
      from: cfg.from ?? undefined,
      to: cfg.to ?? undefined,
      params,
      grid,
      random: cfg.random ?? undefined,
      barsPerYear: cfg.barsPerYear ?? undefined,
      workers: cfg.workers ?? undefined,
      validation: defined({
        split: v.split ?? undefined,
        walkForward: v.walkForward ?? undefined,
        stress: v.stress === null ? undefined : {
          ...v.stress,
          crashBar: v.stress.crashBar ?? undefined,
          regimeLookbackBars: v.stress.regimeLookbackBars ?? undefined,
        },
        bootstrap: v.bootstrap ?? undefined,
      }),
    };
  });
}

/** The backtest section schema with the built-in strategies. */
export const BacktestConfigSchema = backtestConfigSchema();

/** A parsed backtest section. */
export type BacktestConfig = z.infer<typeof BacktestConfigSchema>;

/**
 * Parses a backtest section.
 * @param source Where it came from (a file name), for the message.
 * @throws {TypeError} `Cannot read backtest config from <source>:` and the zod issues,
 * with the ZodError as `cause`.
 */
export function parseBacktestConfig(input: unknown, source = "input"): BacktestConfig {
  const r = BacktestConfigSchema.safeParse(input);
  if (!r.success) {
    throw new TypeError(
      `Cannot read backtest config from ${source}:\n${z.prettifyError(r.error)}`,
      { cause: r.error },
    );
  }
  return r.data;
}
