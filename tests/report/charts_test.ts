import assert from "node:assert/strict";
import {
  barFigure,
  heatmapFigure,
  histogramFigure,
  ivSmileFigure,
  ivSurfaceFigure,
  scatterFigure,
  sweepHeatmapFigure,
} from "../../lib/report/mod.ts";

type T = Record<string, unknown>;

Deno.test("histogramFigure() bins all series on one shared grid and drops non-finite values", () => {
  const fig = histogramFigure({ a: new Float64Array([0, 2, NaN]), b: [4, Infinity] }, { bins: 4 });
  const [a, b] = fig.data as T[];
  assert.deepEqual(a.x, [0, 2]);
  assert.deepEqual(b.x, [4]);
  assert.deepEqual(a.xbins, { start: 0, end: 4, size: 1 });
  assert.deepEqual(b.xbins, a.xbins);
  assert.equal(fig.layout.barmode, "overlay");
  assert.equal(a.histnorm, "");
});

Deno.test("histogramFigure() rejects a bin count that is not a positive integer", () => {
  assert.throws(
    () => histogramFigure([1, 2], { bins: 0 }),
    new RangeError("Cannot build histogram figure: bins must be a positive integer, got 0"),
  );
});

Deno.test("barFigure() groups series per category and checks lengths", () => {
  const fig = barFigure({ x: ["SPY", "QQQ"], y: { calls: [3, 1], puts: [2, NaN] } }, {
    horizontal: true,
  });
  assert.deepEqual((fig.data[1] as T).x, [2, null]);
  assert.equal((fig.data[1] as T).orientation, "h");
  assert.throws(
    () => barFigure({ x: ["SPY", "QQQ"], y: [1] }),
    new RangeError('Cannot build bar figure: series "value" has 1 values for 2 categories'),
  );
});

Deno.test("scatterFigure() colours by a third value and rejects unequal lengths", () => {
  const fig = scatterFigure({ x: [1, 2], y: [3, 4], color: [10, 20], text: ["a", "b"] }, {
    colorTitle: "trades",
  });
  const t = fig.data[0] as { marker: { color: number[]; showscale: boolean }; text: string[] };
  assert.deepEqual([t.marker.color, t.marker.showscale, t.text], [[10, 20], true, ["a", "b"]]);
  assert.throws(
    () => scatterFigure({ x: [1, 2], y: [3] }),
    new RangeError('Cannot build scatter figure: "y" has 1 values but "x" has 2'),
  );
});

Deno.test("heatmapFigure() validates the grid shape and labels cells", () => {
  const fig = heatmapFigure({ x: [5, 10], y: [20], z: [[0.125, NaN]] }, { zmid: 0, decimals: 1 });
  const t = fig.data[0] as T;
  assert.deepEqual([t.x, t.y, t.z, t.text, t.zmid], [["5", "10"], ["20"], [[0.125, null]], [[
    "0.1",
    "",
  ]], 0]);
  assert.throws(
    () => heatmapFigure({ x: [5, 10], y: [20], z: [[1]] }),
    new RangeError("Cannot build heatmap figure: z row 0 has 1 values but x has 2 labels"),
  );
  assert.throws(
    () => heatmapFigure({ x: [5], y: [20, 30], z: [[1]] }),
    new RangeError("Cannot build heatmap figure: z has 1 rows but y has 2 labels"),
  );
});

Deno.test("sweepHeatmapFigure() pivots long sweep rows, sorting numbers numerically", () => {
  const rows = { fast: [10, 5, 50], slow: [100, 20, 20], sharpe: [1.5, 0.5, 0.7] };
  const t = sweepHeatmapFigure(rows, { x: "fast", y: "slow", z: "sharpe" }).data[0] as T;
  assert.deepEqual(t.x, ["5", "10", "50"]);
  assert.deepEqual(t.y, ["20", "100"]);
  assert.deepEqual(t.z, [[0.5, null, 0.7], [null, 1.5, null]]);
  assert.throws(
    () => sweepHeatmapFigure({ a: [1, 1], b: [2, 2], m: [0, 1] }, { x: "a", y: "b", z: "m" }),
    new RangeError("Cannot build sweep heatmap figure: two rows have x = 1 and y = 2"),
  );
});

Deno.test("ivSmileFigure() draws one line per expiry in percent with a spot marker", () => {
  const chain = {
    strike: [610, 590, 600, 600],
    iv: [0.19, 0.21, 0.18, 0.2],
    expiry: ["2025-04-17", "2025-03-21", "2025-03-21", "2025-04-17"],
  };
  const fig = ivSmileFigure(chain, { spot: 601 });
  assert.deepEqual(fig.data.map((t) => [t.name, (t as T).x, (t as T).y]), [
    ["2025-03-21", [590, 600], [21, 18]],
    ["2025-04-17", [600, 610], [20, 19]],
  ]);
  assert.equal((fig.layout.shapes?.[0] as { x0: number }).x0, 601);
});

Deno.test("ivSurfaceFigure() labels text expiries on an evenly spaced axis, or draws a heatmap", () => {
  const rows = {
    strike: [600, 590, 600],
    expiry: ["2025-04-17", "2025-03-21", "2025-03-21"],
    iv: [0.2, 0.21, NaN],
  };
  const s = ivSurfaceFigure(rows);
  assert.deepEqual([(s.data[0] as T).y, (s.data[0] as T).z], [[0, 1], [[21, null], [null, 20]]]);
  assert.deepEqual((s.layout.scene?.yaxis as T).ticktext, ["2025-03-21", "2025-04-17"]);
  const h = ivSurfaceFigure(rows, { kind: "heatmap" });
  assert.equal((h.data[0] as T).type, "heatmap");
});
