/**
 * The underlying's open on a trading date, read from the lake (never an extra API call).
 *
 * @module
 */
import pl from "nodejs-polars";
import { partitionFile } from "../lake/mod.ts";

/**
 * The underlying's open on `date`: the open of the earliest bar in the lake's
 * `equity_minute` partition of `underlying` and `date` (`index_minute` for an index such as
 * `I:SPX`, the underlying of SPX and SPXW options).
 *
 * @throws {RangeError} When the partition is missing (naming the backfill that fills it) or
 *   holds no bar.
 */
export async function openFromLake(root: string, underlying: string, date: string) {
  const index = underlying.startsWith("I:");
  const dataset = index ? "index_minute" : "equity_minute";
  const path = `${root}/${partitionFile({ dataset, value: underlying, date })}`;
  try {
    await Deno.stat(path);
  } catch {
    throw new RangeError(
      `No ${dataset} partition for ${underlying} on ${date}: backfill the underlying first (--datasets ${
        index ? "index" : "equity"
      },options --symbols ${underlying})`,
    );
  }
  const df = pl.readParquet(path).sort("ts").head(1);
  if (df.height === 0) throw new RangeError(`${underlying} has no minute bar on ${date}`);
  return df.getColumn("open").get(0) as number;
}
