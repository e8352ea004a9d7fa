/**
 * The edge of the scan: event records turned into the events DataFrame, with the
 * contract-day's identity, the scan's parameters and the context at the trigger. Numbers go
 * over as typed arrays; strings come from the small contract-day frame by gather.
 *
 * @module
 */
import pl from "nodejs-polars";
import { nyClock } from "../calendar/mod.ts";
import { contractDayRank, contractDaysFrame } from "./_contract_days.ts";
import { directionExpr, eventIdExpr, moneynessBucketExpr, otmPctExpr } from "./_event_exprs.ts";
import type { EventRecords } from "./_events.ts";
import type { Prepared } from "./_prepare.ts";
import type { OrderedPrices } from "./_reference.ts";
import type { ResolvedScan } from "./_resolve.ts";
import { SCAN_EVENT_SCHEMA } from "./event_schema.ts";
import { CONTEXT_COLUMNS } from "./options.ts";

const MINUTE_MS = 60_000;

function datetime(name: string, ms: Float64Array): pl.Series {
  return pl.Series(name, ms, pl.Float64).cast(pl.Int64).cast(pl.Datetime("ms"));
}

/** A context column gathered at the trigger rows (NaN read as null), or nulls. */
function context(df: pl.DataFrame, from: string, to: string, rows: Int32Array): pl.Series {
  if (df.schema[from] === undefined) {
    return pl.Series(to, Array.from(rows, () => null), pl.Float64);
  }
  return df.select(
    pl.col(from).cast(pl.Float64).gather(pl.Series("rows", rows, pl.Int32)).fillNan(null)
      .alias(to),
  ).getColumn(to);
}

/** The events frame, rows ordered by date, underlying, ticker, trigger time, direction. */
export function eventsFrame(
  prep: Prepared,
  p: OrderedPrices,
  ref: Float64Array,
  rec: EventRecords,
  o: ResolvedScan,
): pl.DataFrame {
  const rank = contractDayRank(prep);
  const n = rec.group.length;
  const order = Int32Array.from({ length: n }, (_, e) => e).sort((a, b) =>
    rank[rec.group[a]] - rank[rec.group[b]] || p.tsMs[rec.first[a]] - p.tsMs[rec.first[b]] ||
    rec.sign[a] - rec.sign[b]
  );
  const group = new Int32Array(n), sign = new Int8Array(n), toClose = new Uint8Array(n);
  const triggerRow = new Int32Array(n), hour = new Int32Array(n), duration = new Int32Array(n);
  const above = new Int32Array(n), toPeak = new Int32Array(n);
  const [triggerTs, endTs, peakTs] = [
    new Float64Array(n),
    new Float64Array(n),
    new Float64Array(n),
  ];
  const [refPrice, triggerPrice, peakPrice, peakMove] = [0, 1, 2, 3].map(() => new Float64Array(n));
  for (let k = 0; k < n; k++) {
    const e = order[k], first = rec.first[e], peak = rec.peak[e];
    const price = rec.sign[e] > 0 ? p.upPrice : p.downPrice;
    group[k] = rec.group[e];
    sign[k] = rec.sign[e];
    toClose[k] = rec.toClose[e] ? 1 : 0;
    triggerRow[k] = prep.index.rows[first];
    triggerTs[k] = p.tsMs[first];
    endTs[k] = p.tsMs[rec.last[e]];
    peakTs[k] = p.tsMs[peak];
    hour[k] = nyClock(triggerTs[k]).hour;
    duration[k] = (endTs[k] - triggerTs[k]) / MINUTE_MS + 1;
    above[k] = rec.minutesAbove[e];
    toPeak[k] = (peakTs[k] - triggerTs[k]) / MINUTE_MS;
    refPrice[k] = ref[first];
    triggerPrice[k] = price[first];
    peakPrice[k] = price[peak];
    peakMove[k] = rec.peakMove[e];
  }
  const days = contractDaysFrame(prep).drop("minute_bars")
    .select(pl.all().gather(pl.Series("g", group, pl.Int32)));
  const events = pl.DataFrame([
    ...days.getColumns(),
    pl.Series("sign", sign, pl.Int8),
    datetime("trigger_ts", triggerTs),
    pl.Series("trigger_hour", hour, pl.Int32),
    datetime("end_ts", endTs),
    pl.Series("duration_min", duration, pl.Int32),
    pl.Series("minutes_above", above, pl.Int32),
    pl.Series("to_close", toClose).cast(pl.Bool),
    pl.Series("reference_price", refPrice, pl.Float64),
    pl.Series("trigger_price", triggerPrice, pl.Float64),
    datetime("peak_ts", peakTs),
    pl.Series("peak_price", peakPrice, pl.Float64),
    pl.Series("peak_move", peakMove, pl.Float64),
    pl.Series("time_to_peak_min", toPeak, pl.Int32),
    context(prep.df, CONTEXT_COLUMNS.underlying, "underlying_at_trigger", triggerRow),
    context(prep.df, CONTEXT_COLUMNS.vix, "vix_at_trigger", triggerRow),
    context(prep.df, CONTEXT_COLUMNS.moneyness, "moneyness", triggerRow),
  ]).withColumns(
    directionExpr(),
    pl.lit(o.reference).alias("reference"),
    pl.lit(o.reference === "open" ? null : o.windowMin).cast(pl.Int32).alias("window_min"),
    pl.lit(o.threshold).cast(pl.Float64).alias("threshold"),
    pl.lit(o.price).alias("price"),
  ).withColumns(eventIdExpr(), otmPctExpr()).withColumns(moneynessBucketExpr());
  return events.select(
    ...Object.entries(SCAN_EVENT_SCHEMA).map(([name, dtype]) => pl.col(name).cast(dtype)),
  );
}
