import assert from "node:assert/strict";
import { consolidate } from "../../lib/consolidate/mod.ts";
import { barFrame, col, contractFrame, minute, newsFrame } from "./_frames.ts";

const CALL = "O:SPY250307C00580000";
const MINUTES = [0, 1, 2, 3, 4, 5, 6];

/** The call trades every minute 0–6 of 2025-03-03 and of 2025-03-04 (minute 0 only). */
function inputs() {
  const ms = [...MINUTES.map((m) => minute(m)), minute(0, "2025-03-04")];
  return {
    underlying: barFrame(ms, ms.map(() => 580)),
    options: barFrame(ms, ms.map(() => 5), CALL),
    contracts: contractFrame([[CALL, "call", 580, "2025-03-07"]]),
  };
}

Deno.test("VIX is joined as-of backward: the same minute or the last earlier bar, never a later one", () => {
  // VIX bars at minutes 1, 2 and 5 (a gap at 3-4), closes 20, 21, 22.
  const vix = barFrame([1, 2, 5].map((m) => minute(m)), [20, 21, 22]);
  const table = consolidate({ ...inputs(), vix });
  // minute 0 precedes every bar: null; 3-4 carry minute 2; day 2 opens with day 1's last bar.
  assert.deepEqual(col(table, "vix_close"), [null, 20, 21, 21, 21, 22, 22, 22]);
  assert.deepEqual(col(table, "vix_high"), [null, 20.05, 21.05, 21.05, 21.05, 22.05, 22.05, 22.05]);
});

Deno.test("VIX as-of honours vixToleranceMin and reads the unsorted input in time order", () => {
  const vix = barFrame([5, 2, 1].map((m) => minute(m)), [22, 21, 20]);
  const table = consolidate({ ...inputs(), vix }, { vixToleranceMin: 1 });
  assert.deepEqual(col(table, "vix_close"), [null, 20, 21, 21, null, 22, 22, null]);
});

Deno.test("VIX columns are null without a VIX frame", () => {
  const table = consolidate(inputs());
  assert.deepEqual(col(table, "vix_close"), Array(8).fill(null));
});

Deno.test("news counts the articles published by the end of each minute within the look-back", () => {
  const open = minute(0);
  const news = newsFrame([
    ["early", open - 30_000, 0.5], // 09:29:30
    ["edge-in", minute(2) - 1, -0.25], // 09:31:59.999: known by the end of minute 1
    ["edge-out", minute(2), 1], // 09:32:00.000: only from minute 2 on
    ["no-sentiment", minute(3) + 10_000, null], // 09:33:10
    ["edge-in", minute(2) - 1, -0.25], // a duplicate id: counted once
  ]);
  const table = consolidate({ ...inputs(), news }, { newsLookbackMin: 2 });
  // windows [end − 2 min, end), end = minute + 1 min.
  assert.deepEqual(col(table, "news_count").slice(0, 7), [1, 1, 2, 2, 1, 0, 0]);
  assert.deepEqual(col(table, "news_sentiment").slice(0, 7), [0.5, -0.25, 1, 1, null, null, null]);
  assert.deepEqual(
    col(table, "news_sentiment_mean").slice(0, 7),
    [0.5, -0.25, 0.375, 1, null, null, null],
  );
});

Deno.test("news is never taken from the future: an article published at the end of a minute only counts from the next", () => {
  for (const m of MINUTES) {
    const news = newsFrame([["a", minute(m + 1), 0.9]]);
    const table = consolidate({ ...inputs(), news });
    const counts = col(table, "news_count").slice(0, 7);
    assert.deepEqual(
      counts,
      MINUTES.map((k) => (k > m ? 1 : 0)),
      `article at the end of minute ${m}`,
    );
  }
});

Deno.test("news fields are null and the count 0 without a news frame", () => {
  const table = consolidate(inputs());
  assert.deepEqual(col(table, "news_count"), Array(8).fill(0));
  assert.deepEqual(col(table, "news_sentiment"), Array(8).fill(null));
});
