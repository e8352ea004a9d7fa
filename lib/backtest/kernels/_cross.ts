// Crossover signals with vectorbt's state machine.

/**
 * Writes 1 into `out[o+i]` on the bars where `a` crosses above `b` (a series, or a constant
 * when `b` is a number), 0 elsewhere. A cross is the first bar with `a > b` after a bar with
 * `a < b`; a bar with `a == b` re-arms the cross, a NaN on either side resets it (as
 * vectorbt's `crossed_above`).
 */
export function crossedAbove(
  a: Float64Array,
  b: Float64Array | number,
  o: number,
  n: number,
  out: Int8Array,
): void {
  const arr = typeof b === "number" ? null : b, k = typeof b === "number" ? b : 0;
  let wasBelow = false, armed = true;
  for (let i = 0; i < n; i++) {
    const x = a[o + i], y = arr === null ? k : arr[o + i];
    let s = 0;
    if (wasBelow) {
      if (x > y) {
        s = armed ? 1 : 0;
        armed = false;
      } else if (x !== x || y !== y) {
        wasBelow = false;
        armed = true;
      } else armed = true;
    } else if (x < y) wasBelow = true;
    out[o + i] = s;
  }
}

/** Like {@linkcode crossedAbove} for `a` crossing below `b`. */
export function crossedBelow(
  a: Float64Array,
  b: Float64Array | number,
  o: number,
  n: number,
  out: Int8Array,
): void {
  const arr = typeof b === "number" ? null : b, k = typeof b === "number" ? b : 0;
  let wasAbove = false, armed = true;
  for (let i = 0; i < n; i++) {
    const x = a[o + i], y = arr === null ? k : arr[o + i];
    let s = 0;
    if (wasAbove) {
      if (x < y) {
        s = armed ? 1 : 0;
        armed = false;
      } else if (x !== x || y !== y) {
        wasAbove = false;
        armed = true;
      } else armed = true;
    } else if (x > y) wasAbove = true;
    out[o + i] = s;
  }
}

/**
 * Like {@linkcode crossedAbove} against the band `mid + k·sd` (NaN in either resets).
 */
export function crossedAboveBand(
  a: Float64Array,
  mid: Float64Array,
  sd: Float64Array,
  k: number,
  o: number,
  n: number,
  out: Int8Array,
): void {
  let wasBelow = false, armed = true;
  for (let i = 0; i < n; i++) {
    const x = a[o + i], y = mid[o + i] + k * sd[o + i];
    let s = 0;
    if (wasBelow) {
      if (x > y) {
        s = armed ? 1 : 0;
        armed = false;
      } else if (x !== x || y !== y) {
        wasBelow = false;
        armed = true;
      } else armed = true;
    } else if (x < y) wasBelow = true;
    out[o + i] = s;
  }
}

/**
 * {@linkcode crossedAbove} into `up` and {@linkcode crossedBelow} into `down` in one pass
 * over two series (the same results, half the memory traffic).
 */
export function crossedBoth(
  a: Float64Array,
  b: Float64Array,
  o: number,
  n: number,
  up: Int8Array,
  down: Int8Array,
): void {
  let wasBelow = false, armedUp = true, wasAbove = false, armedDown = true;
  for (let i = o; i < o + n; i++) {
    const x = a[i], y = b[i];
    let u = 0, d = 0;
    if (x !== x || y !== y) {
      wasBelow = wasAbove = false;
      armedUp = armedDown = true;
    } else if (x > y) {
      if (wasBelow && armedUp) u = 1;
      armedUp = false;
      armedDown = true;
      wasAbove = true;
    } else if (x < y) {
      if (wasAbove && armedDown) d = 1;
      armedDown = false;
      armedUp = true;
      wasBelow = true;
    } else armedUp = armedDown = true;
    up[i] = u;
    down[i] = d;
  }
}
