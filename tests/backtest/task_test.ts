// `deno task backtest` end to end on a temp lake: printed tables, CSVs equal to the library's
// results on the same frame, the run record's hashes, the report, and exit codes.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import pl from "nodejs-polars";
import { runBacktest, sweep } from "@lib/backtest/mod.ts";
import { Manifest, scanLake } from "@lib/lake/mod.ts";
import { externalReferences } from "@lib/report/mod.ts";
import { runDir, task } from "./_task.ts";

const FROM = "2024-01-02", TO = "2024-01-31";
const sha256 = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/** The frame the task reads for SPY bars. */
async function spyFrame(dir: string): Promise<pl.DataFrame> {
  const lazy = await scanLake(`${dir}/data/lake`, "equity_minute", {
    values: ["SPY"],
    from: FROM,
    to: TO,
  });
  return lazy.select("symbol", "ts", "open", "high", "low", "close").sort(["symbol", "ts"])
    .collectSync();
}

/** A CSV written by the task equals `expected`: same columns, numbers bit for bit, times as ms. */
function sameTable(csvPath: string, expected: pl.DataFrame) {
  const got = pl.readCSV(Deno.readTextFileSync(csvPath));
  assert.deepEqual(got.columns, expected.columns);
  assert.equal(got.height, expected.height);
  for (const c of expected.columns) {
    const want = (expected.getColumn(c).toArray() as unknown[]).map((v) =>
      v instanceof Date ? v.getTime() : v
    );
    const have = got.getColumn(c).toArray().map((v, i) =>
      typeof want[i] === "number" && typeof v === "string" ? Date.parse(v) : v
    );
    assert.deepEqual(have, want, `column ${c}`);
  }
}

Deno.test("deno task backtest on a backfilled lake", async (t) => {
  const dir = await Deno.makeTempDir({ prefix: "backtest_task_" });
  try {
    const fill = await task("backfill", dir, "--from", FROM, "--to", TO, "--symbols", "SPY");
    assert.equal(fill.code, 0, fill.stderr);
    const frame = await spyFrame(dir);
    const costs = { fees: 0.0005, slippageBps: 1 };

    await t.step(
      "a sweep prints its best rows and writes CSVs equal to sweep() and runBacktest()",
      async () => {
        const grid = "fast=5:20:5,slow=30:90:30";
        const run = await task(
          "backtest",
          dir,
          "--strategy",
          "sma_cross",
          "--symbols",
          "SPY",
          "--from",
          FROM,
          "--to",
          TO,
          "--grid",
          grid,
          "--fees",
          "0.0005",
          "--slippage-bps",
          "1",
          "--top",
          "3",
          "--workers",
          "0",
        );
        assert.equal(run.code, 0, run.stderr);
        assert.match(
          run.stdout,
          /^backtest sma_cross on SPY 2024-01-02\.\.2024-01-31: equity_minute, 21 partitions, 8,190 bars$/m,
        );
        assert.match(run.stdout, /^sweep: 12 combinations, best 3 by sharpe$/m);
        assert.match(run.stdout, /^fast +slow +return +CAGR +Sharpe +Sortino +max DD/m);
        const out = runDir(run.stdout);
        const table = await sweep(frame, {
          strategy: "sma_cross",
          grid: { fast: "5:20:5", slow: "30:90:30" },
          ...costs,
          workers: 0,
        });
        sameTable(`${out}/sweep.csv`, table);
        // The printed rows are the sweep's best three by Sharpe, in order.
        const best = table.sort(pl.col("sharpe").fillNan(null), true, true, true).head(3)
          .toRecords();
        const printed = run.stdout.split("\n").filter((l) => /^\d+ +\d+ +-?\d/.test(l)).slice(0, 3);
        assert.deepEqual(
          printed.map((l) => l.split(/ +/).slice(0, 2).map(Number)),
          best.map((r) => [r.fast, r.slow]),
        );
        const metrics = JSON.parse(await Deno.readTextFile(`${out}/metrics.json`));
        assert.deepEqual(metrics.params, { fast: best[0].fast, slow: best[0].slow });
        const r = runBacktest(frame, { strategy: "sma_cross", params: metrics.params, ...costs });
        sameTable(`${out}/trades.csv`, r.trades);
        assert.equal(metrics.metrics[0].sharpe, r.summary.sharpe);
        assert.match(
          run.stdout,
          new RegExp(`^best combination: fast=${best[0].fast}, slow=${best[0].slow}$`, "m"),
        );
        // The run record: the 21 partitions read, with the hashes of the lake's manifest.
        const record = JSON.parse(await Deno.readTextFile(`${out}/manifest.json`));
        assert.equal(record.task, "backtest");
        const lake = await Manifest.open(`${dir}/data/lake`, "equity_minute");
        assert.equal(record.inputs.length, 21);
        for (const input of record.inputs) {
          const key = input.partition.replace(/^equity_minute\//, "");
          assert.equal(input.sha256, lake.get(key)!.sha256, input.partition);
        }
        const names = record.outputs.map((o: { partition: string }) =>
          o.partition.split("/").pop()
        );
        assert.deepEqual(names, ["trades.csv", "sweep.csv", "metrics.json", "report.html"]);
        for (const o of record.outputs) {
          assert.equal(o.sha256, sha256(await Deno.readFile(o.partition)));
        }
        const html = await Deno.readTextFile(`${out}/report.html`);
        assert.deepEqual(externalReferences(html), []);
        for (const heading of ["Equity", "Trades", "Parameter sweep"]) {
          assert.ok(html.includes(`<h2>${heading}</h2>`));
        }
        assert.ok(html.includes("sharpe by fast and slow"));
      },
    );

    await t.step("walk-forward, stress test, bootstrap and split come from flags", async () => {
      const run = await task(
        "backtest",
        dir,
        "--strategy",
        "sma_cross",
        "--from",
        FROM,
        "--to",
        TO,
        "--grid",
        "fast=5,10,slow=30,60",
        "--walk-forward",
        "3900:1950",
        "--stress",
        "--bootstrap",
        "200",
        "--split",
        "2024-01-16:2024-01-24",
        "--workers",
        "0",
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(
        run.stdout,
        /^walk-forward: 3 folds \(rolling, train 3900 \/ test 1950 bars\)$/m,
      );
      // the return column is as wide as its widest value (flash_crash: -10.13% on seed 42)
      assert.match(run.stdout, /^scenario +return/m);
      assert.match(run.stdout, /^flash_crash /m);
      assert.match(run.stdout, /^bootstrap of closed trades \(200 resamples, 95% intervals\):$/m);
      assert.match(run.stdout, /^holdout /m);
      const out = runDir(run.stdout);
      for (const f of ["walk_forward_folds.csv", "stress.csv", "bootstrap.csv", "split.csv"]) {
        assert.ok((await Deno.stat(`${out}/${f}`)).size > 0, f);
      }
      const html = await Deno.readTextFile(`${out}/report.html`);
      for (
        const heading of [
          "Walk-forward",
          "Stress test",
          "Bootstrap",
          "Train, validation and holdout",
        ]
      ) {
        assert.ok(html.includes(`<h2>${heading}</h2>`), heading);
      }
    });

    await t.step("a backtest YAML runs, with flags overriding it", async () => {
      await Deno.writeTextFile(
        `${dir}/bt.yaml`,
        `backtest:\n  strategy: rsi_reversion\n  symbols: [SPY]\n  from: "${FROM}"\n  to: "2024-03-28"\n  params: { window: 14 }\n`,
      );
      const run = await task(
        "backtest",
        dir,
        "--config",
        `${dir}/bt.yaml`,
        "--to",
        TO,
        "--params",
        "lower=25",
      );
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^backtest rsi_reversion on SPY 2024-01-02\.\.2024-01-31/m);
      assert.match(run.stdout, /^run: window=14, lower=25, upper=70$/m);
    });

    await t.step("bad input exits 2 with a clear message", async () => {
      const base = ["--symbols", "SPY", "--from", FROM, "--to", TO];
      const unknown = await task("backtest", dir, "--strategy", "macd_magic", ...base);
      assert.equal(unknown.code, 2);
      assert.match(
        unknown.stderr,
        /unknown strategy "macd_magic" \(known: bollinger_breakout, momentum_portfolio, momentum_rotation, rsi_reversion, scanner_calls, sma_cross\)/,
      );
      const range = await task(
        "backtest",
        dir,
        "--strategy",
        "sma_cross",
        ...base,
        "--params",
        "fast=0",
      );
      assert.equal(range.code, 2);
      assert.match(
        range.stderr,
        /fast must be an integer in \[1, 100000\], got 0\n.*at params\.fast/,
      );
      const grid = await task(
        "backtest",
        dir,
        "--strategy",
        "sma_cross",
        ...base,
        "--grid",
        "slow=0:100:10",
      );
      assert.equal(grid.code, 2);
      assert.match(grid.stderr, /slow must be an integer in \[1, 100000\], got 0\n.*at grid\.slow/);
      const empty = await task(
        "backtest",
        dir,
        "--strategy",
        "sma_cross",
        "--symbols",
        "QQQ",
        "--from",
        FROM,
        "--to",
        TO,
      );
      assert.equal(empty.code, 2);
      assert.match(
        empty.stderr,
        /No equity_minute partitions in .* for QQQ from 2024-01-02 to 2024-01-31: run `deno task backfill --from 2024-01-02 --to 2024-01-31 --symbols QQQ` first/,
      );
      const options = await task(
        "backtest",
        dir,
        "--strategy",
        "scanner_calls",
        "--underlyings",
        "SPY",
        "--from",
        FROM,
        "--to",
        TO,
      );
      assert.equal(options.code, 2);
      assert.match(
        options.stderr,
        /run `deno task backfill --from 2024-01-02 --to 2024-01-31 --datasets equity,options --symbols SPY --underlyings SPY` first/,
      );
      const wf = await task(
        "backtest",
        dir,
        "--strategy",
        "sma_cross",
        ...base,
        "--walk-forward",
        "100:50",
      );
      assert.equal(wf.code, 2);
      assert.match(wf.stderr, /--walk-forward needs a --grid/);
      const dates = await task("backtest", dir, "--strategy", "sma_cross", "--symbols", "SPY");
      assert.equal(dates.code, 2);
      assert.match(dates.stderr, /--from and --to are required/);
    });
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
