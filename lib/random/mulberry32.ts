/**
 * mulberry32: a small, fast, seeded PRNG, deterministic across platforms.
 *
 * @module
 */

/**
 * A function giving uniform floats in [0, 1) from a 32-bit `seed`.
 *
 * @example
 * ```ts
 * import { mulberry32 } from "./mulberry32.ts";
 * import { equal, notEqual } from "node:assert/strict";
 * const a = mulberry32(7), b = mulberry32(7);
 * equal(a(), b());
 * notEqual(mulberry32(7)(), mulberry32(8)());
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
