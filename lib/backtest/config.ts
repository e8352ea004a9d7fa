// The zod schema of the `backtest` config section.
import { z } from "zod";
import { parseAxis } from "./grid.ts";
import { METRIC_COLUMNS } from "./metrics.ts";
import { encodeAxis, encodeParam } from "./strategies/params.ts";
import { paramProblem, STRATEGIES } from "./strategies/registry.ts";
import type { Params, Strategy } from "./strategies/types.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date YYYY-MM-DD");
const fraction = (max: number) => z.number().min(0).lt(max);
const axis = z.union([z.array(z.union([z.number(), z.string()])).min(1), z.string(), z.number()]);
type Axis = z.infer<typeof axis>;

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
  return z.strictObject({
    strategy: z.string().min(1),
    /** Lake dataset: `auto` is equity_minute for bar strategies, option minutes (consolidated
     * when it covers the range, else option_minute) for option strategies. */
    dataset: z.enum(["auto", "equity_minute", "option_minute", "consolidated"]).default("auto"),
    symbols: z.array(z.string().min(1)).min(1).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
    params: z.record(z.string(), z.union([z.number(), z.string()])).default({}),
    grid: z.record(z.string(), axis).optional(),
    random: z.strictObject({ n: z.int().min(1), seed: z.int() }).optional(),
    metric: z.enum(metricNames).default("sharpe"),
    initCash: z.number().positive().default(100_000),
    fees: fraction(1).default(0),
    fixedFees: z.number().min(0).default(0),
    slippageBps: fraction(10_000).default(0),
    sizing: z.strictObject({
      type: z.enum(["shares", "value", "percent"]).default("percent"),
      size: z.number().positive().default(1),
    }).default({ type: "percent", size: 1 }),
    stops: z.strictObject({
      stopLoss: fraction(1).default(0),
      takeProfit: z.number().min(0).default(0),
      trailingStop: fraction(1).default(0),
    }).default({ stopLoss: 0, takeProfit: 0, trailingStop: 0 }),
    execution: z.enum(["nextOpen", "close"]).default("nextOpen"),
    barsPerYear: z.number().positive().optional(),
    workers: z.int().min(0).optional(),
    validation: z.strictObject({
      split: z.strictObject({ validationFrom: isoDate, holdoutFrom: isoDate }).optional(),
      walkForward: z.strictObject({
        mode: z.enum(["rolling", "anchored"]).default("rolling"),
        trainBars: z.int().min(1),
        testBars: z.int().min(1),
      }).optional(),
      stress: z.strictObject({
        crashGap: z.number().gt(0).lt(1).default(0.1),
        crashBar: z.int().min(0).optional(),
        bearDrop: z.number().positive().default(0.05),
        rangeBand: z.number().positive().default(0.02),
        vixLevel: z.number().positive().default(25),
        regimeLookbackBars: z.int().min(1).optional(),
      }).optional(),
      bootstrap: z.strictObject({
        n: z.int().min(10).default(2000),
        seed: z.int().default(0),
        confidence: z.number().gt(0).lt(1).default(0.95),
      }).optional(),
    }).default({}),
  }).superRefine((cfg, ctx) => {
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
    const enc = encode(strategy, cfg.params, cfg.grid);
    for (const p of enc.problems) ctx.addIssue({ code: "custom", ...p });
    if (enc.problems.length > 0) return;
    const full: Record<string, number> = {};
    for (const [k, s] of Object.entries(strategy.params)) full[k] = enc.params[k] ?? s.default;
    const rule = cfg.grid === undefined ? strategy.check(full) : null;
    if (rule !== null) ctx.addIssue({ code: "custom", path: ["params"], message: rule });
    if (cfg.from !== undefined && cfg.to !== undefined && cfg.from > cfg.to) {
      ctx.addIssue({
        code: "custom",
        path: ["to"],
        message: `to ${cfg.to} is before from ${cfg.from}`,
      });
    }
  }).transform((cfg) => {
    const { params, grid } = encode(registry[cfg.strategy], cfg.params, cfg.grid);
    return { ...cfg, params, grid };
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
