// `deno task backtest` with scanner_calls on a hand-built option lake: the trades to the
// cent, the run record, a sweep over a categorical parameter, consolidated partitions.
import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { externalReferences } from "@lib/report/mod.ts";
import { CALL } from "./_options.ts";
import { optionLake, runDir, task } from "./_task.ts";

Deno.test("deno task backtest runs scanner_calls on option minutes end to end", async () => {
  const dir = await Deno.makeTempDir({ prefix: "backtest_task_" });
  try {
    await optionLake(dir);
    const args = [
      "--strategy",
      "scanner_calls",
      "--underlyings",
      "SPY",
      "--from",
      "2025-03-03",
      "--to",
      "2025-03-07",
      "--init-cash",
      "10000",
    ];
    const run = await task(
      "backtest",
      dir,
      ...args,
      "--params",
      "take_profit=0.5,stop_loss=0.25,hold_min=0",
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stdout,
      /: option_minute \(no consolidated partitions\), 2 partitions, 9 bars$/m,
    );
    assert.match(run.stdout, /^portfolio {2}-0\.03% /m);
    const out = runDir(run.stdout);
    const trades = pl.readCSV(await Deno.readTextFile(`${out}/trades.csv`));
    // Day 1: bought 1.20, target 1.80: +60 − 1.30. Day 2: bought 2.40, stop 1.80: −60 − 1.30.
    assert.deepEqual(
      trades.select("symbol", "entry_price", "exit_price", "pnl", "exit_reason").toRecords().map((
        r,
      ) => ({ ...r, pnl: Math.round((r.pnl as number) * 100) / 100 })),
      [
        {
          symbol: CALL,
          entry_price: 1.2,
          exit_price: 1.7999999999999998,
          pnl: 58.7,
          exit_reason: "take_profit",
        },
        {
          symbol: "O:SPY250305C00601000",
          entry_price: 2.4,
          exit_price: 1.7999999999999998,
          pnl: -61.3,
          exit_reason: "stop_loss",
        },
      ],
    );
    const metrics = JSON.parse(await Deno.readTextFile(`${out}/metrics.json`));
    assert.equal(Math.round(metrics.metrics[0].final_value * 100) / 100, 9997.4);
    assert.equal(metrics.params.reference, "open");
    const record = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
    assert.deepEqual(record.inputs.map((i: { partition: string }) => i.partition), [
      "option_minute/underlying=SPY/date=2025-03-04",
      "option_minute/underlying=SPY/date=2025-03-05",
    ]);
    assert.deepEqual(externalReferences(await Deno.readTextFile(`${out}/report.html`)), []);
    // A sweep over a categorical parameter, given by name.
    const swept = await task(
      "backtest",
      dir,
      ...args,
      "--grid",
      "reference=open,rolling_low,threshold=0.2,0.3",
    );
    assert.equal(swept.code, 0, swept.stderr);
    assert.match(swept.stdout, /^sweep: 4 combinations, best 4 by sharpe$/m);
    assert.match(swept.stdout, /^rolling_low +0\.2 +-0\.03% /m);
    const table = pl.readCSV(await Deno.readTextFile(`${runDir(swept.stdout)}/sweep.csv`));
    assert.deepEqual(table.getColumn("reference").toArray(), [
      "open",
      "open",
      "rolling_low",
      "rolling_low",
    ]);
    // With consolidated partitions covering the range, the same trades come from there.
    await optionLake(dir, "consolidated");
    const cons = await task("backtest", dir, ...args, "--params", "take_profit=0.5,hold_min=0");
    assert.equal(cons.code, 0, cons.stderr);
    assert.match(
      cons.stdout,
      /: consolidated \(consolidated covers the range\), 2 partitions, 9 bars$/m,
    );
    assert.equal(
      await Deno.readTextFile(`${runDir(cons.stdout)}/trades.csv`),
      await Deno.readTextFile(`${out}/trades.csv`),
    );
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
