/**
 * The option structures `runOptionStrategy` can trade, as leg templates. A leg's strike comes
 * from a rule: `anchor` (the strategy's strike selector: `delta`, `moneyness` or `strikes`
 * from the money, on the leg's own side), `atm` (the listed strike nearest to spot), `same`
 * (leg `of`'s strike), `wing` (leg `of`'s strike ± `wingWidth` dollars, `dir` +1 up, −1 down,
 * snapped to the nearest listed strike beyond the anchor). `expiry` is `near` (by `dte`) or
 * `far` (by `farDte`, calendars and diagonals). `right` 0 is the underlying itself, one
 * contract's worth (the multiplier) of shares per structure.
 *
 * @module
 */

/** How a leg's strike is chosen (see the module doc). */
export type StrikeRule =
  | { kind: "anchor" }
  | { kind: "atm" }
  | { kind: "same"; of: number }
  | { kind: "wing"; of: number; dir: 1 | -1 };

/** One leg of a structure: +1 long / −1 short, `ratio` contracts per structure. */
export interface LegTemplate {
  /** 1 call, −1 put, 0 the underlying (shares). */
  right: 1 | -1 | 0;
  side: 1 | -1;
  ratio: number;
  expiry: "near" | "far";
  strike: StrikeRule;
}

/** A structure: its legs and the anchor delta used when no strike selector is given. */
export interface StructureSpec {
  legs: LegTemplate[];
  defaultDelta: number;
}

const leg = (
  right: 1 | -1 | 0,
  side: 1 | -1,
  strike: StrikeRule,
  ratio = 1,
  expiry: "near" | "far" = "near",
): LegTemplate => ({ right, side, ratio, expiry, strike });
const A: StrikeRule = { kind: "anchor" }, ATM: StrikeRule = { kind: "atm" };
const up = (of: number): StrikeRule => ({ kind: "wing", of, dir: 1 });
const down = (of: number): StrikeRule => ({ kind: "wing", of, dir: -1 });
const same = (of: number): StrikeRule => ({ kind: "same", of });

/** Every structure by name. Long/short as a trader says it: `iron_condor` is sold. */
export const STRUCTURES = {
  long_call: { legs: [leg(1, 1, A)], defaultDelta: 0.5 },
  short_call: { legs: [leg(1, -1, A)], defaultDelta: 0.3 },
  long_put: { legs: [leg(-1, 1, A)], defaultDelta: 0.5 },
  short_put: { legs: [leg(-1, -1, A)], defaultDelta: 0.3 },
  bull_call_spread: { legs: [leg(1, 1, A), leg(1, -1, up(0))], defaultDelta: 0.5 },
  bear_call_spread: { legs: [leg(1, -1, A), leg(1, 1, up(0))], defaultDelta: 0.3 },
  bull_put_spread: { legs: [leg(-1, -1, A), leg(-1, 1, down(0))], defaultDelta: 0.3 },
  bear_put_spread: { legs: [leg(-1, 1, A), leg(-1, -1, down(0))], defaultDelta: 0.5 },
  long_straddle: { legs: [leg(1, 1, ATM), leg(-1, 1, same(0))], defaultDelta: 0.5 },
  short_straddle: { legs: [leg(1, -1, ATM), leg(-1, -1, same(0))], defaultDelta: 0.5 },
  long_strangle: { legs: [leg(1, 1, A), leg(-1, 1, A)], defaultDelta: 0.25 },
  short_strangle: { legs: [leg(1, -1, A), leg(-1, -1, A)], defaultDelta: 0.16 },
  iron_condor: {
    legs: [leg(-1, -1, A), leg(-1, 1, down(0)), leg(1, -1, A), leg(1, 1, up(2))],
    defaultDelta: 0.16,
  },
  iron_butterfly: {
    legs: [leg(1, -1, ATM), leg(-1, -1, same(0)), leg(1, 1, up(0)), leg(-1, 1, down(1))],
    defaultDelta: 0.5,
  },
  butterfly: {
    legs: [leg(1, -1, A, 2), leg(1, 1, down(0)), leg(1, 1, up(0))],
    defaultDelta: 0.5,
  },
  calendar: {
    legs: [leg(1, -1, A, 1, "near"), leg(1, 1, same(0), 1, "far")],
    defaultDelta: 0.5,
  },
  diagonal: {
    legs: [leg(1, -1, A, 1, "near"), leg(1, 1, down(0), 1, "far")],
    defaultDelta: 0.3,
  },
  covered_call: { legs: [leg(0, 1, ATM), leg(1, -1, A)], defaultDelta: 0.3 },
  protective_put: { legs: [leg(0, 1, ATM), leg(-1, 1, A)], defaultDelta: 0.3 },
} as const satisfies Record<string, StructureSpec>;

/** Name of a structure in {@linkcode STRUCTURES}. */
export type StructureName = keyof typeof STRUCTURES;

/** The names of {@linkcode STRUCTURES}, in declaration order. */
export const STRUCTURE_NAMES = Object.keys(STRUCTURES) as StructureName[];

/** The spec of `name`, or a RangeError listing the names. */
export function structureSpec(name: string): StructureSpec {
  const s = (STRUCTURES as Record<string, StructureSpec>)[name];
  if (s === undefined) {
    throw new RangeError(
      `Cannot build structure "${name}": not one of ${STRUCTURE_NAMES.join(", ")}`,
    );
  }
  return s;
}
