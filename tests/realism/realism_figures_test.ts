// The realism figures on hand-built inputs whose values can be worked out on paper.
import { equal, ok } from "node:assert/strict";
import {
  excessKurtosis,
  figurePasses,
  intradayAutocorr,
  realismFigures,
  type RealismSession,
} from "../../lib/realism/mod.ts";

const OPEN = Date.UTC(2024, 1, 12, 14, 30);

/** A 390-minute session whose minute m closes at close(m) and trades volume(m). */
function session(close: (m: number) => number, volume: (m: number) => number = () => 100) {
  const bars = Array.from({ length: 390 }, (_, m) => ({
    ts: OPEN + m * 60_000,
    open: m === 0 ? 100 : close(m - 1),
    close: close(m),
    volume: volume(m),
  }));
  return { date: "2024-02-12", openMs: OPEN, minutes: 390, bars } satisfies RealismSession;
}

const near = (a: number, b: number, tol = 1e-12) => ok(Math.abs(a - b) <= tol, `${a} vs ${b}`);

Deno.test("intradayAutocorr() of a price that bounces 100, 101, 100, … is −(n − 1)/n at every horizon", () => {
  // minute m closes at 101 for even m, 100 for odd: boundary prices alternate from the open 100
  const s = session((m) => (m % 2 === 0 ? 101 : 100));
  near(intradayAutocorr([s], 1), -389 / 390);
  // 5-minute boundaries 0, 5, 10, … alternate 100, 101, 100 too: 78 returns, 77 pairs
  near(intradayAutocorr([s], 5), -77 / 78);
});

Deno.test("intradayAutocorr() of a steady trend is (n − 1)/n, and a wild day weighs no more than a calm one", () => {
  const calm = session((m) => 100 * Math.exp(0.0001 * (m + 1)));
  near(intradayAutocorr([calm], 1), 389 / 390, 1e-9);
  const wild = session((m) => (m % 2 === 0 ? 110 : 100)); // a bounce a hundred times the trend
  // each session scaled by its own RMS: (389 − 389) / (390 + 390), not the wild day's −1
  near(intradayAutocorr([calm, wild], 1), 0, 1e-9);
});

Deno.test("excessKurtosis() of −2, −1, 0, 1, 2 is 6.8 / 4 − 3", () => {
  near(excessKurtosis([-2, -1, 0, 1, 2]), 6.8 / 4 - 3);
});

Deno.test("realismFigures() reads the volume U-shape, the leverage effect and the VIX range", () => {
  const s = session(
    (m) => 100 + (m % 3) * 0.01,
    (m) => (m < 30 ? 300 : m >= 360 ? 200 : 100),
  );
  const date = Array.from({ length: 20 }, (_, i) => `2024-03-${String(i + 1).padStart(2, "0")}`);
  const r = date.map((_, i) => 0.01 * Math.sin(i * 1.7));
  const close = r.map((_, i) => 100 * Math.exp(r.slice(0, i + 1).reduce((a, b) => a + b, 0)));
  // the VIX falls 10 points for every +1 of log-return: corr(return, ΔVIX) = −1
  const vix = close.map((c) => 20 - 10 * Math.log(c / 100));
  const figures = realismFigures({
    sessions: [s],
    daily: { date, open: close, close },
    vix: { date, close: vix },
  });
  const get = (id: string) => figures.find((f) => f.id === id)!;
  near(get("uVolOpen").value, 3);
  near(get("uVolClose").value, 2);
  near(get("leverage").value, -1, 1e-9);
  near(get("vixMin").value, Math.min(...vix));
  near(get("vixMax").value, Math.max(...vix));
  equal(figurePasses(get("leverage")), false); // −1 is below the band's −0.85
  ok(Number.isNaN(get("rr25Long").value), "no surface given: NaN");
  equal(figurePasses(get("rr25Long")), false);
});
