/**
 * News on the grid: the articles known by the end of each minute within a look-back window.
 *
 * @module
 */
import pl from "nodejs-polars";
import { requireColumns } from "./_frames.ts";

/** News columns of the table. */
export const NEWS_COLUMNS = ["news_sentiment", "news_sentiment_mean", "news_count"] as const;

const MINUTE_MS = 60_000;

/**
 * Window kernel over articles sorted by publication time. For each minute start `t`
 * (ascending), the window is [t + 1 min − lookback, t + 1 min): `count` articles, `latest`
 * the sentiment of the last one that has a sentiment (NaN if none), `mean` the mean of the
 * sentiments in the window (NaN if none), summed in publication order.
 */
export function newsWindows(
  minutes: Float64Array,
  published: Float64Array,
  sentiment: Float64Array,
  lookbackMs: number,
): { latest: Float64Array; mean: Float64Array; count: Int32Array } {
  const n = minutes.length;
  const latest = new Float64Array(n).fill(NaN);
  const mean = new Float64Array(n).fill(NaN);
  const count = new Int32Array(n);
  let lo = 0, hi = 0;
  for (let i = 0; i < n; i++) {
    const end = minutes[i] + MINUTE_MS;
    while (hi < published.length && published[hi] < end) hi++;
    while (lo < hi && published[lo] < end - lookbackMs) lo++;
    count[i] = hi - lo;
    let sum = 0, k = 0;
    for (let j = lo; j < hi; j++) {
      const s = sentiment[j];
      if (s === s) {
        sum += s;
        k++;
        latest[i] = s;
      }
    }
    if (k > 0) mean[i] = sum / k;
  }
  return { latest, mean, count };
}

/**
 * Adds `news_sentiment` (latest sentiment in the window), `news_sentiment_mean` and
 * `news_count` to a frame sorted by `ts`. Articles are de-duplicated by `id` when the
 * column exists; null sentiments count as articles but not in the sentiment columns.
 */
export function withNews(
  grid: pl.DataFrame,
  news: pl.DataFrame | null | undefined,
  lookbackMin: number,
): pl.DataFrame {
  const hasId = news?.columns.includes("id") ?? false;
  if (news) requireColumns(news, "the news frame", ["published", "sentiment"]);
  let articles = news
    ? news.select(
      pl.col("published").cast(pl.Datetime("ms")).cast(pl.Int64).cast(pl.Float64).alias("pub"),
      pl.col("sentiment").cast(pl.Float64).fillNull(NaN).alias("sentiment"),
      (hasId ? pl.col("id").cast(pl.Utf8) : pl.lit("")).alias("id"),
    ).filter(pl.col("pub").isNotNull()).sort(["pub", "id"])
    : pl.DataFrame({ pub: [], sentiment: [], id: [] });
  if (hasId) articles = articles.unique({ subset: "id", keep: "first", maintainOrder: true });
  const minutes = grid.getColumn("ts").cast(pl.Int64).cast(pl.Float64).toTypedArray();
  const w = newsWindows(
    minutes as Float64Array,
    Float64Array.from(articles.getColumn("pub").toArray() as number[]),
    Float64Array.from(articles.getColumn("sentiment").toArray() as number[]),
    lookbackMin * MINUTE_MS,
  );
  return grid.withColumns(
    pl.Series("news_sentiment", w.latest, pl.Float64),
    pl.Series("news_sentiment_mean", w.mean, pl.Float64),
    pl.Series("news_count", w.count, pl.Int32),
  ).withColumns(
    pl.col("news_sentiment").fillNan(null),
    pl.col("news_sentiment_mean").fillNan(null),
  );
}
