// Fold boundaries for walk-forward validation.

/** Bar bounds of one fold (ends exclusive). */
export interface FoldWindow {
  trainStart: number;
  trainEnd: number;
  testStart: number;
  testEnd: number;
}

/**
 * Folds over `nBars` bars: test windows of `testBars` back to back after the first
 * `trainBars`; the last may be shorter. Training ends where its test starts.
 * @throws {RangeError} For non-positive sizes or no room for a single fold.
 */
export function foldWindows(
  nBars: number,
  o: { trainBars: number; testBars: number; mode: "rolling" | "anchored" },
): FoldWindow[] {
  for (const k of ["trainBars", "testBars"] as const) {
    if (!(Number.isInteger(o[k]) && o[k] >= 1)) {
      throw new RangeError(`Cannot walk forward: ${k} must be an integer >= 1, got ${o[k]}`);
    }
  }
  if (o.mode !== "rolling" && o.mode !== "anchored") {
    throw new RangeError(`Cannot walk forward: mode must be rolling or anchored, got ${o.mode}`);
  }
  if (o.trainBars >= nBars) {
    throw new RangeError(
      `Cannot walk forward: trainBars ${o.trainBars} leaves no test bars of ${nBars}`,
    );
  }
  const out: FoldWindow[] = [];
  for (let s = o.trainBars; s < nBars; s += o.testBars) {
    out.push({
      trainStart: o.mode === "rolling" ? s - o.trainBars : 0,
      trainEnd: s,
      testStart: s,
      testEnd: Math.min(s + o.testBars, nBars),
    });
  }
  return out;
}
