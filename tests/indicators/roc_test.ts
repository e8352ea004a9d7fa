import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { roc } from "../../lib/indicators/mod.ts";
import { assertClose, values } from "./_helpers.ts";

Deno.test("roc() is the percent change over each window, null during warm-up", () => {
  const df = pl.DataFrame({ close: [100, 104, 102, 99, 110] });
  const out = df.select(...roc("close", { windows: [1, 3] }));
  assertClose(values(out, "roc_1"), [null, 4, -200 / 104, -300 / 102, 1100 / 99], 1e-12, "1");
  assertClose(values(out, "roc_3"), [null, null, null, -1, 600 / 104], 1e-12, "3");
});

Deno.test("roc() defaults to 5, 30 and 60 rows named roc_5, roc_30, roc_60", () => {
  const close = Array.from({ length: 61 }, (_, i) => 100 + i);
  const out = pl.DataFrame({ close }).select(...roc("close"));
  assert.deepEqual(out.columns, ["roc_5", "roc_30", "roc_60"]);
  assert.equal(values(out, "roc_60")[59], null);
  assertClose([values(out, "roc_60")[60]], [60], 1e-12, "roc_60");
  const named = pl.DataFrame({ close }).select(...roc("close", { windows: [2], prefix: "r" }));
  assert.deepEqual(named.columns, ["r_2"]);
});

Deno.test("roc() is null where the base price is null or zero", () => {
  const out = pl.DataFrame({ close: [0, 1, null, 2, 3] }).select(...roc("close", { windows: [1] }));
  assert.deepEqual(values(out, "roc_1"), [null, null, null, null, 50]);
});

Deno.test("roc() rejects bad windows with a clear error", () => {
  assert.throws(() => roc("close", { windows: [] }), {
    name: "RangeError",
    message: "Cannot compute ROC: windows must be a non-empty array of integers",
  });
  assert.throws(() => roc("close", { windows: [5, 0] }), {
    name: "RangeError",
    message: "Cannot compute ROC: each of windows must be an integer >= 1, got 0",
  });
  assert.throws(() => roc("close", { windows: [5, 5] }), {
    name: "RangeError",
    message: "Cannot compute ROC: windows must be distinct, got [5, 5]",
  });
  assert.throws(() => roc("close", { windows: [1.5] }), RangeError);
  assert.throws(() => roc("close", { prefix: "" }), TypeError);
});
