// Shape checks and index tables for the simulation kernel.
import type { SimInput } from "./types.ts";

/** Resolved shapes: price offset per column, group boundaries, per-array column strides. */
export interface Layout {
  nCols: number;
  nAssets: number;
  colPx: Int32Array;
  groupStart: Int32Array;
  nGroups: number;
}

const fail = (msg: string) => new RangeError(`Cannot simulate: ${msg}`);

/** Validates `input` and builds its {@linkcode Layout}. */
export function resolveLayout(input: SimInput): Layout {
  const n = input.nBars;
  if (!Number.isInteger(n) || n < 1) throw fail(`nBars must be an integer >= 1, got ${n}`);
  const nAssets = input.close.length / n;
  if (!Number.isInteger(nAssets) || nAssets < 1) {
    throw fail(`close has ${input.close.length} values, not a multiple of nBars ${n}`);
  }
  for (const k of ["open", "high", "low"] as const) {
    const a = input[k];
    if (a !== undefined && a.length !== input.close.length) {
      throw fail(`${k} has ${a.length} values, close has ${input.close.length}`);
    }
  }
  const plan = [input.longEntries, input.longExits, input.shortEntries, input.shortExits];
  if (input.orders !== undefined && plan.some((a) => a !== undefined)) {
    throw fail("pass either signals or orders, not both");
  }
  const widths = [...plan, input.orders].filter((a) => a !== undefined).map((a) => a.length / n);
  const nCols = input.nCols ?? Math.max(nAssets, ...widths);
  for (const a of [...plan, input.orders]) {
    if (a !== undefined && a.length !== n && a.length !== n * nCols) {
      throw fail(`a signal or order array has ${a.length} values, expected ${n} or ${n * nCols}`);
    }
  }
  const colPx = new Int32Array(nCols);
  for (let c = 0; c < nCols; c++) {
    const a = input.colAsset?.[c] ?? (nAssets === nCols ? c : 0);
    if (!(a >= 0 && a < nAssets)) throw fail(`column ${c} maps to asset ${a} of ${nAssets}`);
    colPx[c] = a * n;
  }
  const g = input.groupOf;
  if (g !== undefined && g.length !== nCols) {
    throw fail(`groupOf has ${g.length} entries, expected ${nCols}`);
  }
  const starts = [0];
  for (let c = 1; c < nCols; c++) {
    const prev = g === undefined ? c - 1 : g[c - 1], cur = g === undefined ? c : g[c];
    if (cur === prev) continue;
    if (cur !== prev + 1) {
      throw fail(`groupOf must ascend from 0 in steps of 1, got ${cur} after ${prev}`);
    }
    starts.push(c);
  }
  if (g !== undefined && g[0] !== 0) throw fail(`groupOf must start at 0, got ${g[0]}`);
  starts.push(nCols);
  return { nCols, nAssets, colPx, groupStart: Int32Array.from(starts), nGroups: starts.length - 1 };
}

/** Offset of column `c` in a broadcastable plan array. */
export function planOffsets(a: { length: number } | undefined, n: number, nCols: number) {
  const off = new Int32Array(nCols);
  if (a !== undefined && a.length !== n) { for (let c = 0; c < nCols; c++) off[c] = c * n; }
  return off;
}
