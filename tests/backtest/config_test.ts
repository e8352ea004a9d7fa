import assert from "node:assert/strict";
import { parse as parseYaml } from "yaml";
import {
  BacktestConfigSchema,
  optionsFromConfig,
  parseBacktestConfig,
} from "../../lib/backtest/mod.ts";

Deno.test("BacktestConfigSchema fills defaults for a minimal section", () => {
  const cfg = BacktestConfigSchema.parse({ strategy: "sma_cross" });
  assert.equal(cfg.execution, "nextOpen");
  assert.equal(cfg.initCash, 100_000);
  assert.deepEqual(cfg.sizing, { type: "percent", size: 1 });
  assert.deepEqual(cfg.validation, {});
});

Deno.test("parseBacktestConfig() names unknown strategies and out-of-range parameters", () => {
  const fails = (input: unknown, message: string) =>
    assert.throws(() => parseBacktestConfig(input, "walk_forward.yaml"), (e: unknown) => {
      assert.ok(e instanceof TypeError);
      assert.equal(e.message, `Cannot read backtest config from walk_forward.yaml:\n${message}`);
      assert.ok(e.cause !== undefined);
      return true;
    });
  fails(
    { strategy: "macd_magic" },
    '✖ unknown strategy "macd_magic" (known: bollinger_breakout, momentum_portfolio, momentum_rotation, rsi_reversion, scanner_calls, sma_cross)\n  → at strategy',
  );
  fails(
    { strategy: "sma_cross", params: { fast: 2.5 } },
    "✖ fast must be an integer in [1, 100000], got 2.5\n  → at params.fast",
  );
  fails(
    { strategy: "sma_cross", grid: { slow: "0:100:10" } },
    "✖ slow must be an integer in [1, 100000], got 0\n  → at grid.slow",
  );
  fails(
    { strategy: "sma_cross", params: { fast: 300 } },
    "✖ fast must be < slow, got fast 300 >= slow 50\n  → at params",
  );
  fails(
    { strategy: "rsi_reversion", params: { lower: 75 } },
    "✖ lower must be < upper, got 75 >= 70\n  → at params",
  );
  fails({ strategy: "sma_cross", fees: 2 }, "✖ is out of range (from 0 to below 1)\n  → at fees");
  fails({ strategy: "sma_cross", slippage: 1 }, '✖ Unrecognized key: "slippage"');
  fails(
    { strategy: "sma_cross", from: "2024-12-31", to: "2024-01-02" },
    "✖ to 2024-01-02 is before from 2024-12-31\n  → at to",
  );
});

Deno.test("optionsFromConfig() maps a section onto runBacktest, sweep and walkForward options", () => {
  const cfg = parseBacktestConfig({
    strategy: "sma_cross",
    grid: { fast: "5:50:5", slow: "20:200:10" },
    fees: 0.0005,
    slippageBps: 1,
    stops: { stopLoss: 0.02 },
    validation: { walkForward: { trainBars: 1000, testBars: 250 } },
  });
  const o = optionsFromConfig(cfg);
  assert.equal(o.run.strategy, "sma_cross");
  assert.equal(o.run.stopLoss, 0.02);
  assert.deepEqual(o.sweep?.grid, { fast: "5:50:5", slow: "20:200:10" });
  assert.equal(o.walkForward?.trainBars, 1000);
  assert.equal(o.walkForward?.mode, "rolling");
  assert.equal(o.walkForward?.metric, "sharpe");
  assert.equal(o.stress, undefined);
});

Deno.test("every config/examples backtest YAML parses: its backtest section, with the strategy checks", async () => {
  const dir = new URL("../../config/examples", import.meta.url).pathname;
  // The folder also holds strikelab configs (e.g. replay.yaml); backtest files name a strategy.
  const files = [...Deno.readDirSync(dir)].map((e) => e.name).filter((n) => n.endsWith(".yaml"))
    .filter((n) => /^backtest:/m.test(Deno.readTextFileSync(`${dir}/${n}`))).sort();
  assert.deepEqual(files, ["scanner_calls.yaml", "sweep.yaml", "walk_forward.yaml"]);
  for (const f of files) {
    const yaml = parseYaml(await Deno.readTextFile(`${dir}/${f}`)) as { backtest: unknown };
    const cfg = parseBacktestConfig(yaml.backtest, f);
    assert.ok(cfg.from && cfg.to && cfg.grid, f);
  }
});
