import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { priceChange } from "../../lib/indicators/mod.ts";
import { values } from "./_helpers.ts";

Deno.test("priceChange() is the change in price units over each window", () => {
  const df = pl.DataFrame({ close: [100, 104, 102, 99, 110] });
  const out = df.select(...priceChange("close", { windows: [1, 3] }));
  assert.deepEqual(values(out, "chg_1"), [null, 4, -2, -3, 11]);
  assert.deepEqual(values(out, "chg_3"), [null, null, null, -1, 6]);
});

Deno.test("priceChange() defaults to chg_5, chg_30, chg_60 and is null next to a null price", () => {
  const close = Array.from({ length: 61 }, (_, i) => 2 * i);
  const out = pl.DataFrame({ close }).select(...priceChange("close"));
  assert.deepEqual(out.columns, ["chg_5", "chg_30", "chg_60"]);
  assert.deepEqual(values(out, "chg_60").slice(59), [null, 120]);
  const gap = pl.DataFrame({ close: [1, null, 3, 4] }).select(
    ...priceChange("close", { windows: [1], prefix: "d" }),
  );
  assert.deepEqual(values(gap, "d_1"), [null, null, null, 1]);
});

Deno.test("priceChange() rejects bad windows with a clear error", () => {
  assert.throws(() => priceChange("close", { windows: [-1] }), {
    name: "RangeError",
    message: "Cannot compute price change: each of windows must be an integer >= 1, got -1",
  });
  assert.throws(() => priceChange("close", { windows: [] }), RangeError);
  assert.throws(() => priceChange("close", { prefix: "" }), TypeError);
});
