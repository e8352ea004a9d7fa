import assert from "node:assert/strict";
import pl from "nodejs-polars";
import { lineFigure } from "../../lib/report/mod.ts";

const MIN = 60_000;

Deno.test("lineFigure() shows New York wall-clock time on both sides of the DST change", () => {
  // 2025-03-07 (EST, UTC-5) and 2025-03-10 (EDT, UTC-4): 09:30 local is 14:30 and 13:30 UTC.
  const ts = [Date.UTC(2025, 2, 7, 14, 30), Date.UTC(2025, 2, 10, 13, 30)];
  const fig = lineFigure({ ts, close: [1, 2] }, { y: "close", hideGaps: false });
  assert.deepEqual((fig.data[0] as { x: unknown }).x, [
    "2025-03-07 09:30:00",
    "2025-03-10 09:30:00",
  ]);
  assert.equal(
    (fig.layout.xaxis as { title: { text: string } }).title.text,
    "time (America/New_York)",
  );
});

Deno.test("lineFigure() hides nights, weekends and a missing weekday of minute bars", () => {
  // Minute bars 09:30..15:59 on Thu 2025-07-03 and Mon 2025-07-07; Fri 07-04 is a holiday.
  const day = (d: number) =>
    Array.from({ length: 390 }, (_, i) => Date.UTC(2025, 6, d, 13, 30) + i * MIN);
  const ts = [...day(3), ...day(7)];
  const fig = lineFigure({ ts, close: ts.map((_, i) => i) }, { y: "close" });
  assert.deepEqual((fig.layout.xaxis as { rangebreaks: unknown }).rangebreaks, [
    { bounds: ["sat", "mon"] },
    { bounds: [16, 9.5], pattern: "hour" },
    { values: ["2025-07-04 09:30:00"], dvalue: 390 * MIN },
  ]);
});

Deno.test("lineFigure() reads a Polars frame with a Datetime column and leaves gaps for nulls", () => {
  const df = pl.DataFrame([
    pl.Series(
      "ts",
      [Date.UTC(2025, 2, 3, 14, 30), Date.UTC(2025, 2, 3, 14, 31)],
      pl.Datetime("ms"),
    ),
    pl.Series("close", [601.5, null], pl.Float64),
    pl.Series("vwap", [601.2, 601.3], pl.Float64),
  ]);
  const fig = lineFigure(df, { y: ["close", "vwap"] });
  assert.deepEqual(fig.data.map((t) => [t.name, (t as { y: unknown }).y]), [
    ["close", [601.5, null]],
    ["vwap", [601.2, 601.3]],
  ]);
});

Deno.test("lineFigure() uses a linear axis for a numeric x that is not ts", () => {
  const fig = lineFigure({ strike: [590, 600], iv: [0.2, 0.18] }, { x: "strike", y: "iv" });
  assert.deepEqual((fig.data[0] as { x: unknown }).x, [590, 600]);
  assert.equal((fig.layout.xaxis as { type: string }).type, "linear");
});

Deno.test("lineFigure() names the missing column and the ones it has", () => {
  assert.throws(
    () => lineFigure({ ts: [0], close: [1] }, { y: "clsoe" }),
    new TypeError('Cannot build line figure: column "clsoe" not found; columns are ts, close'),
  );
});

Deno.test("lineFigure() rejects a non-numeric y column and an unknown time zone", () => {
  assert.throws(
    () => lineFigure({ ts: [0], close: ["1.5"] }, { y: "close" }),
    new TypeError('Cannot build line figure: column "close" must be numeric, got "1.5" at row 0'),
  );
  assert.throws(
    () => lineFigure({ ts: [0], close: [1] }, { y: "close", timeZone: "Mars/Olympus" }),
    new RangeError('Cannot build line figure: unknown time zone "Mars/Olympus"'),
  );
});
