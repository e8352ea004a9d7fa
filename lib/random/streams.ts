/**
Seeded random streams: a string hash to derive independent streams from
 * `(seed, symbol, date, purpose)` and a small, fast PRNG (sfc32) with normal draws.
 *
 * @module
 */

/** 32-bit FNV-1a hash of a string, mixed with murmur3's finaliser. */
export function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A seeded random stream: uniform and standard normal draws. */
export interface Rng {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/** An independent stream for the given key parts (e.g. seed, symbol, date, purpose). */
export function rngFor(...parts: (string | number)[]): Rng {
  const key = parts.join("\u0000");
  let a = hash32(key), b = hash32(key + "\u0001"), c = hash32(key + "\u0002"), d = 1;
  const next = (): number => {
    // sfc32 (Chris Doty-Humphrey's Small Fast Chaotic PRNG).
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  let spare = NaN;
  return {
    uniform: next,
    normal(): number {
      if (!Number.isNaN(spare)) {
        const s = spare;
        spare = NaN;
        return s;
      }
      // Marsaglia polar method.
      let u: number, v: number, s: number;
      do {
        u = 2 * next() - 1;
        v = 2 * next() - 1;
        s = u * u + v * v;
      } while (s >= 1 || s === 0);
      const m = Math.sqrt((-2 * Math.log(s)) / s);
      spare = v * m;
      return u * m;
    },
  };
}
