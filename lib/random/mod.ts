/**
 * Seeded randomness, the only kind the library uses: `mulberry32` for a plain uniform
 * stream, `rngFor(...keyParts)` for independent uniform + normal streams keyed by strings
 * (the simulator derives one per `(seed, ticker, date, purpose)`), and `hash32`.
 *
 * @example
 * ```ts
 * import { rngFor } from "./mod.ts";
 * import { equal } from "node:assert/strict";
 * equal(rngFor(42, "SPY", "2025-03-03").normal(), rngFor(42, "SPY", "2025-03-03").normal());
 * ```
 *
 * @module
 */
export { mulberry32 } from "./mulberry32.ts";
export { hash32, type Rng, rngFor } from "./streams.ts";
