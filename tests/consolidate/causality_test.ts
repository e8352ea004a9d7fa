import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { consolidate, type ConsolidateOptions } from "../../lib/consolidate/mod.ts";
import { prng, synthInputs, synthMarket } from "./_synth.ts";

const market = synthInputs(
  synthMarket({
    from: "2025-03-05",
    to: "2025-03-06",
    contracts: 4,
    tradeProb: 0.5,
    gapProb: 0.05,
    newsPerDay: 12,
    seed: 11,
  }),
);
// VIX every 5th minute: a join that looked ahead would often find a nearer later bar.
const inputs = { ...market, vix: market.vix.gatherEvery(5) };

const ms = (name: string) => pl.col(name).cast(pl.Datetime("ms")).cast(pl.Int64);

/** Every input value after minute t (bars starting after t, news published after its end)
 * changed, and one more option bar and article added after t. */
function perturbAfter(tMs: number) {
  const after = ms("ts").gt(tMs);
  const bump = (df: pl.DataFrame, cols: string[], factor: number) =>
    df.withColumns(
      ...cols.map((c) => pl.when(after).then(pl.col(c).mul(factor)).otherwise(pl.col(c)).alias(c)),
    );
  const ohlc = ["open", "high", "low", "close", "vwap", "volume"];
  const late = inputs.options.filter(after).head(1).withColumns(
    pl.lit("O:SPY250306C00999000").alias("ticker"),
  );
  return {
    underlying: bump(inputs.underlying, ohlc, 1.03),
    vix: bump(inputs.vix, ohlc, 0.8),
    options: pl.concat([bump(inputs.options, ohlc, 1.7), late]),
    contracts: pl.concat([
      inputs.contracts,
      inputs.contracts.head(1).withColumns(pl.lit("O:SPY250306C00999000").alias("ticker")),
    ]),
    news: pl.concat([
      inputs.news.withColumns(
        pl.when(ms("published").gtEq(tMs + 60_000)).then(pl.col("sentiment").mul(-1))
          .otherwise(pl.col("sentiment")).alias("sentiment"),
      ),
      inputs.news.head(1).withColumns(
        pl.lit("late").alias("id"),
        pl.lit(tMs + 60_000).cast(pl.Int64).cast(pl.Datetime("ms")).alias("published"),
      ),
    ]),
  };
}

function checkCausal(options: ConsolidateOptions, seed: number) {
  const base = consolidate(inputs, options);
  const times = Array.from(base.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toTypedArray());
  const rnd = prng(seed);
  for (let k = 0; k < 8; k++) {
    const t = Number(times[Math.floor(rnd() * times.length)]);
    const upTo = (df: pl.DataFrame) => df.filter(ms("ts").ltEq(t));
    const changed = consolidate(perturbAfter(t), options);
    assert.ok(changed.height > base.height, "the perturbation adds a row after t");
    assert.ok(upTo(base).height > 0);
    assert.equal(
      upTo(changed).frameEqual(upTo(base), true),
      true,
      `rows at or before ${new Date(t).toISOString()} changed`,
    );
    assert.equal(changed.frameEqual(base, true), false, "the perturbation changes later rows");
  }
}

Deno.test("perturbing any input after minute t changes no output at or before t (random t)", () => {
  checkCausal({}, 1);
});

Deno.test("causality holds with indicators running across sessions and a VIX tolerance", () => {
  checkCausal({ indicators: { session: false }, vixToleranceMin: 3, newsLookbackMin: 240 }, 2);
});
