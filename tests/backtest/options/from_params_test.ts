// Flat task parameters → option-strategy options.
import assert from "node:assert/strict";
import { optionStrategyFromParams } from "@lib/backtest/mod.ts";

Deno.test("optionStrategyFromParams() maps flat names onto option paths", () => {
  assert.deepEqual(
    optionStrategyFromParams("iron_condor", {
      short_delta: "0.1",
      wing_width: "5",
      entry_time: "10:30",
      profit_target: "0.5",
      exit_time: "15:45",
      max_risk: "1000",
      slippage_bps: "20",
    }),
    {
      structure: "iron_condor",
      delta: 0.1,
      wingWidth: 5,
      entry: { time: "10:30" },
      exit: { profitTarget: 0.5, time: "15:45" },
      size: { maxRisk: 1000 },
      slippage: { bps: 20 },
    },
  );
  assert.deepEqual(optionStrategyFromParams("long_call", {}), {
    structure: "long_call",
    entry: { time: "10:00" },
  });
});

Deno.test("optionStrategyFromParams() names an unknown parameter and a bad number", () => {
  assert.throws(
    () => optionStrategyFromParams("iron_condor", { wings: "5" }),
    /unknown parameter "wings" \(one of dte, dte_tolerance/,
  );
  assert.throws(
    () => optionStrategyFromParams("iron_condor", { dte: "zero" }),
    new RangeError('Cannot use option strategy iron_condor: dte must be a number, got "zero"'),
  );
  assert.throws(() => optionStrategyFromParams("condor", {}), /Cannot build structure "condor"/);
});
