import pl from "nodejs-polars";
import { CASES } from "./_cases.ts";
import { assertClose, prng, values } from "./_helpers.ts";

// Property: changing any input after row t changes no output at or before t.
// Random walks with sessions, two tickers, leading and interior nulls; seeded.
const ROWS = 400;
const TRIALS = 12;

function randomFrame(rand: () => number, n: number): pl.DataFrame {
  const close: (number | null)[] = [];
  let p = 100 + 400 * rand();
  for (let i = 0; i < n; i++) {
    p *= 1 + (rand() - 0.5) * 0.01;
    close.push(i < 5 || rand() < 0.03 ? null : Math.round(p * 100) / 100);
  }
  return pl.DataFrame({
    ticker: close.map((_, i) => (i % 3 === 0 ? "B" : "A")),
    date: close.map((_, i) => (i < n / 2 ? "2024-01-02" : "2024-01-03")),
    close,
  });
}

function perturbAfter(df: pl.DataFrame, t: number, rand: () => number): pl.DataFrame {
  const close = values(df, "close").map((x, i) => {
    if (i <= t) return x;
    return rand() < 0.1 ? null : 50 + 900 * rand();
  });
  return df.withColumns(pl.Series("close", close, pl.Float64));
}

const SERIES = [
  { name: "one series", opts: {} },
  { name: "per session", opts: { session: "date" } },
  { name: "per ticker and session", opts: { by: "ticker", session: "date" } },
];

for (const { label, build } of CASES) {
  for (const { name, opts } of SERIES) {
    Deno.test(`${label} (${name}): perturbing rows after t changes no output at or before t`, () => {
      const rand = prng(label.length * 1000 + name.length);
      for (let trial = 0; trial < TRIALS; trial++) {
        const df = randomFrame(rand, ROWS);
        const t = Math.floor(rand() * ROWS);
        const before = df.select(...build("close", opts));
        const after = perturbAfter(df, t, rand).select(...build("close", opts));
        for (const col of before.columns) {
          const a = values(after, col).slice(0, t + 1);
          assertClose(a, values(before, col).slice(0, t + 1), 0, `${col} trial ${trial} t=${t}`);
        }
      }
    });
  }
}
