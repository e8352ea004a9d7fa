/**
 * Lagged percentage changes of each option's close and implied vol, measured in minutes
 * (not in traded rows): the value L minutes back is the contract's last trade at or before
 * that minute in the same session.
 *
 * @module
 */

/** Feature names for the option columns and lags, in table order. */
export function optionFeatureNames(lags: readonly number[]): string[] {
  return ["close", "iv"].flatMap((c) => lags.map((l) => `${c}_pct_change_${l}`));
}

/**
 * Lays traded rows (sorted by contract-day, then minute) on a gap-free minute grid per
 * contract-day, from the session open to the contract-day's last trade, carrying each
 * value forward from the last trade of the same contract-day (NaN before the first).
 * `values` are forward-filled as they are, so a NaN at a traded minute (a failed implied
 * vol) is carried too and never replaced by an older value.
 */
export function gridOfTrades(
  contractDay: Int32Array,
  minute: Int32Array,
  values: Float64Array[],
): { minute: Int32Array; traded: Uint8Array; values: Float64Array[] } {
  const n = contractDay.length;
  const start = new Int32Array(n);
  let base = 0;
  for (let i = 0; i < n; i++) {
    const first = i === 0 || contractDay[i] !== contractDay[i - 1];
    if (!first && minute[i] <= minute[i - 1]) {
      throw new RangeError(
        `Cannot lay option trades on the minute grid: row ${i} is not after the row before it`,
      );
    }
    if (minute[i] < 0) throw new RangeError(`Cannot lay option trades: row ${i} precedes the open`);
    if (i > 0 && first) base += minute[i - 1] + 1;
    start[i] = base;
  }
  const size = n === 0 ? 0 : base + minute[n - 1] + 1;
  const gridMinute = new Int32Array(size);
  const traded = new Uint8Array(size);
  const out = values.map(() => new Float64Array(size).fill(NaN));
  for (let i = 0; i < n; i++) {
    const b = start[i];
    const first = i === 0 || contractDay[i] !== contractDay[i - 1];
    const pos = b + minute[i];
    for (let p = first ? b : b + minute[i - 1] + 1; p < pos; p++) {
      gridMinute[p] = p - b;
      if (!first) { for (let k = 0; k < values.length; k++) out[k][p] = values[k][i - 1]; }
    }
    gridMinute[pos] = minute[i];
    traded[pos] = 1;
    for (let k = 0; k < values.length; k++) out[k][pos] = values[k][i];
  }
  return { minute: gridMinute, traded, values: out };
}

/**
 * The option features of rows sorted by contract-day (`contractDay`, any label that changes
 * between contract-days), then minute: for each of close and iv, one array per lag, in
 * {@linkcode optionFeatureNames} order. On the gap-free grid of each contract-day, the change
 * over L minutes at a traded minute is `(x − b) / b` with `b` the value L grid minutes back,
 * as `laggedPctChanges` defines it (the same arithmetic, so the same bits); NaN where the
 * earlier minute falls before the open, where either value is NaN (no trade yet, a failed
 * vol) and where `b` is 0.
 */
export function optionFeatureArrays(
  contractDay: Int32Array,
  minute: Int32Array,
  close: Float64Array,
  iv: Float64Array,
  lags: readonly number[],
): Float64Array[] {
  const g = gridOfTrades(contractDay, minute, [close, iv]);
  const n = contractDay.length;
  const at = new Int32Array(n); // the grid position of each row
  for (let p = 0, i = 0; p < g.traded.length; p++) if (g.traded[p] === 1) at[i++] = p;
  return g.values.flatMap((values) =>
    lags.map((lag) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const p = at[i];
        const b = g.minute[p] >= lag ? values[p - lag] : NaN;
        out[i] = b === 0 ? NaN : (values[p] - b) / b; // NaN in, NaN out
      }
      return out;
    })
  );
}
