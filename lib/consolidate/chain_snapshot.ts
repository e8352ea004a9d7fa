/**
 * A whole chain at one moment, from the consolidated table: each contract's last trade in
 * the minutes up to a time, and the at-the-money implied vol of each expiry.
 *
 * @module
 */
import pl from "nodejs-polars";

/** Options of {@linkcode chainSnapshot}. */
export interface ChainSnapshotOptions {
  /** The moment, UTC epoch ms: rows whose minute starts at or before it are eligible. */
  atMs: number;
  /** How old a contract's last trade may be, minutes (older contracts are left out). @default 5 */
  freshMin?: number;
}

/**
 * Each contract's last row (by `ts`) among those starting in `(atMs − freshMin min, atMs]`,
 * with `days_to_expiry` (calendar days from the end of that minute to the row's settlement,
 * `t_years × 365`) and `log_moneyness` (ln(strike / spot)); rows without an implied vol are
 * left out. Trades are not simultaneous: each row keeps its own minute's spot and time.
 *
 * @param table Consolidated rows: `ticker`, `ts` (Datetime), `strike`, `spot`, `t_years`,
 *   `iv`, and any other columns (kept).
 * @returns One row per contract, sorted by expiry, right and strike when those columns exist.
 *
 * @example
 * ```ts
 * import pl from "nodejs-polars";
 * import { chainSnapshot } from "@lib/consolidate/mod.ts";
 * import assert from "node:assert/strict";
 * const t = (m: number) => new Date(Date.UTC(2025, 2, 4, 15, m));
 * const table = pl.DataFrame({
 *   ticker: ["A", "A", "B", "B"], ts: [t(0), t(4), t(1), t(20)],
 *   strike: [600, 600, 610, 610], spot: [600, 601, 600, 602], t_years: [0.01, 0.01, 0.02, 0.02],
 *   iv: [0.2, 0.21, 0.25, 0.3],
 * }).withColumns(pl.col("ts").cast(pl.Datetime("ms")));
 * const snap = chainSnapshot(table, { atMs: Date.UTC(2025, 2, 4, 15, 5), freshMin: 5 });
 * assert.deepEqual(snap.getColumn("iv").toArray(), [0.21, 0.25]); // B's 15:20 trade is later
 * ```
 */
export function chainSnapshot(table: pl.DataFrame, options: ChainSnapshotOptions): pl.DataFrame {
  const { atMs, freshMin = 5 } = options;
  const ms = pl.col("ts").cast(pl.Int64);
  const order = ["expiry", "right", "strike"].filter((c) => table.columns.includes(c));
  const snap = table.filter(
    ms.ltEq(atMs).and(ms.gt(atMs - freshMin * 60_000)).and(pl.col("iv").isNotNull()),
  ).sort("ts").groupBy("ticker").agg(pl.all().last())
    .withColumns(
      pl.col("t_years").mul(365).alias("days_to_expiry"),
      pl.col("strike").div(pl.col("spot")).log().alias("log_moneyness"),
    );
  return order.length > 0 ? snap.sort(order) : snap.sort("ticker");
}

/**
 * The at-the-money implied vol of each expiry of a snapshot: the mean IV of the call and the
 * put at the strike nearest spot (per expiry, from `|log_moneyness|`), with its days to
 * expiry and how many quotes went in.
 *
 * @param snapshot {@linkcode chainSnapshot}'s rows (`expiry`, `strike`, `iv`,
 *   `log_moneyness`, `days_to_expiry`).
 * @returns `expiry`, `days_to_expiry`, `atm_strike`, `atm_iv`, `quotes`, by expiry.
 */
export function atmTermStructure(snapshot: pl.DataFrame): pl.DataFrame {
  const nearest = snapshot.groupBy("expiry").agg(
    pl.col("strike").sortBy(pl.col("log_moneyness").abs()).first().alias("atm_strike"),
  );
  return snapshot.join(nearest, { on: "expiry" })
    .filter(pl.col("strike").eq(pl.col("atm_strike")))
    .groupBy("expiry").agg(
      pl.col("days_to_expiry").mean(),
      pl.col("atm_strike").first(),
      pl.col("iv").mean().alias("atm_iv"),
      pl.col("iv").count().alias("quotes"),
    ).sort("expiry");
}
