import pl from "nodejs-polars";
import assert from "node:assert/strict";
import { macd, rsi } from "../../lib/indicators/mod.ts";
import { CASES } from "./_cases.ts";
import { assertClose, loadInput, prng, values } from "./_helpers.ts";

const day = values(loadInput().head(400), "close");

for (const { label, build } of CASES) {
  Deno.test(`${label}: leading nulls only delay the warm-up`, () => {
    // An option that first trades at 9:37 starts its warm-up there.
    const late = pl.DataFrame({ close: [...Array(7).fill(null), ...day] });
    const out = late.select(...build("close", {}));
    const ref = pl.DataFrame({ close: day }).select(...build("close", {}));
    for (const name of ref.columns) {
      const expected = [...Array(7).fill(null), ...values(ref, name)];
      assertClose(values(out, name), expected, 1e-9, name);
    }
  });
}

Deno.test("rsi() and macd() skip interior nulls as if those rows were absent", () => {
  const rand = prng(11);
  const withGaps: (number | null)[] = [];
  const isGap: boolean[] = [];
  for (const x of day) {
    while (rand() < 0.08) {
      withGaps.push(null);
      isGap.push(true);
    }
    withGaps.push(x);
    isGap.push(false);
  }
  assert.ok(isGap.filter(Boolean).length > 20);
  const build = (input: string) => [
    rsi(input),
    rsi(input, { seed: "first", name: "rsi_first" }),
    ...macd(input),
    ...macd(input, { seed: "sma", prefix: "macd_sma" }),
  ];
  const gappy = pl.DataFrame({ close: withGaps }).select(...build("close"));
  const clean = pl.DataFrame({ close: day }).select(...build("close"));
  for (const name of clean.columns) {
    const v = values(gappy, name);
    assert.ok(v.every((x, i) => !isGap[i] || x === null), `${name}: null on the gaps`);
    assertClose(v.filter((_, i) => !isGap[i]), values(clean, name), 1e-9, name);
  }
});
