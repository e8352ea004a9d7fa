import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { CASES } from "./_cases.ts";
import { assertClose, leadingNulls, loadInput, values } from "./_helpers.ts";

// Two sessions holding the same 300 closes: with `session`, day 2 must repeat day 1
// exactly, warm-up included; without it, day 2 continues from day 1.
const ROWS = 300;
const day = values(loadInput().head(ROWS), "close");
const twoDays = pl.DataFrame({
  date: [...day.map(() => "2024-01-02"), ...day.map(() => "2024-01-03")],
  close: [...day, ...day],
});

for (const { label, build } of CASES) {
  Deno.test(`${label}: the second session's warm-up restarts when session is set`, () => {
    const reset = twoDays.select(...build("close", { session: "date" }));
    const alone = pl.DataFrame({ close: day }).select(...build("close", {}));
    for (const name of reset.columns) {
      const v = values(reset, name);
      assertClose(v.slice(0, ROWS), values(alone, name), 0, `${name} day 1`);
      assertClose(v.slice(ROWS), values(alone, name), 1e-9, `${name} day 2`);
    }
  });

  Deno.test(`${label}: without session the indicator runs across the session boundary`, () => {
    const across = twoDays.select(...build("close", {}));
    const alone = pl.DataFrame({ close: day }).select(...build("close", {}));
    for (const name of across.columns) {
      const warmUp = leadingNulls(values(alone, name));
      const day2 = values(across, name).slice(ROWS);
      assert.equal(leadingNulls(day2), 0, `${name}: day 2 starts with a value`);
      // Without a warm-up (macd keep) the first value of day 2 still carries day 1.
      if (warmUp === 0) assert.notEqual(day2[0], values(alone, name)[0], name);
    }
  });
}

Deno.test("by keeps interleaved series apart and combines with session", () => {
  const a = day.slice(0, 150);
  const b = day.slice(150, 300);
  const ticker = a.flatMap(() => ["A", "B"]);
  const close = a.flatMap((x, i) => [x, b[i]]);
  const date = ticker.map((_, i) => (i < 150 ? "d1" : "d2"));
  const mixed = pl.DataFrame({ ticker, date, close });
  for (const { label, build } of CASES) {
    const byTicker = mixed.select(...build("close", { by: "ticker" }));
    const both = mixed.select(...build("close", { by: ["ticker"], session: "date" }));
    for (const [name, series, offset] of [["A", a, 0], ["B", b, 1]] as const) {
      const alone = pl.DataFrame({ close: series }).select(...build("close", {}));
      const halves = [series.slice(0, 75), series.slice(75)].map((h) =>
        pl.DataFrame({ close: h }).select(...build("close", {}))
      );
      for (const col of alone.columns) {
        const mine = (df: pl.DataFrame) => values(df, col).filter((_, i) => i % 2 === offset);
        assertClose(mine(byTicker), values(alone, col), 1e-9, `${label} ${name} ${col}`);
        const expected = [...values(halves[0], col), ...values(halves[1], col)];
        assertClose(mine(both), expected, 1e-9, `${label} ${name} ${col} per session`);
      }
    }
  }
});
