import {
  isRealDate,
  OPTION_PREFIX,
  type OptionTickerFields,
  ROOT_PATTERN,
  strikeToThousandths,
} from "./_occ.ts";
import { optionRoot } from "./option_roots.ts";

/**
 * Print an option's fields as an OCC ticker in Polygon's form, `O:SPY250304C00601000`.
 *
 * The inverse of `parseOptionTicker`. The strike is written in thousandths of a dollar
 * as 8 digits; a strike carrying float noise from arithmetic (593.88 from a sum) is
 * accepted and written exactly, but one that is not a multiple of 0.001 is refused
 * rather than rounded to a different contract.
 *
 * @param option `{ underlying, root, expiry, right, strike }`: the root printed is `root`,
 *   or the underlying when it is a stock (1–6 of A–Z/0–9 starting with a letter); an index
 *   underlying (`I:SPX`) needs its root (`SPX` or `SPXW`), and an index root must name its
 *   own underlying. Expiry `YYYY-MM-DD` in 2000–2099, right `call` or `put`, strike a
 *   positive multiple of 0.001 below 100 000.
 * @returns The ticker, always with the `O:` prefix.
 * @throws {TypeError} When `option` is not an object.
 * @throws {RangeError} When a field is out of the format's range; the message names it.
 *
 * @example
 * ```ts
 * import { formatOptionTicker } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * const ticker = formatOptionTicker({
 *   underlying: "SPY", expiry: "2025-03-04", right: "put", strike: 593.5,
 * });
 * assert.equal(ticker, "O:SPY250304P00593500");
 * assert.equal(
 *   formatOptionTicker({
 *     underlying: "I:SPX", root: "SPXW", expiry: "2021-01-04", right: "call", strike: 3700,
 *   }),
 *   "O:SPXW210104C03700000",
 * );
 * ```
 */
export function formatOptionTicker(option: OptionTickerFields): string {
  if (typeof option !== "object" || option === null) {
    throw new TypeError(`Cannot format option ticker: expected an object, got ${option}`);
  }
  const { underlying, expiry, right, strike } = option;
  const fail = (why: string) => new RangeError(`Cannot format option ticker: ${why}`);
  const root = option.root ?? underlying;
  if (typeof underlying === "string" && underlying.startsWith("I:") && option.root === undefined) {
    throw fail(
      `index underlying ${underlying} needs its option root (root: "SPX" or "SPXW" for I:SPX)`,
    );
  }
  if (typeof root !== "string" || !ROOT_PATTERN.test(root)) {
    throw fail(
      `${option.root === undefined ? "underlying" : "root"} must be 1-6 of A-Z and 0-9 ` +
        `starting with a letter, got ${JSON.stringify(root)}`,
    );
  }
  const rootUnderlying = optionRoot(root).underlying;
  if (
    option.root !== undefined && rootUnderlying !== underlying &&
    (rootUnderlying.startsWith("I:") || String(underlying).startsWith("I:"))
  ) {
    throw fail(`root ${root} is an option on ${rootUnderlying}, not ${JSON.stringify(underlying)}`);
  }
  if (typeof expiry !== "string" || !expiry.startsWith("20") || !isRealDate(expiry)) {
    throw fail(`expiry must be a real date YYYY-MM-DD in 2000-2099, got ${JSON.stringify(expiry)}`);
  }
  if (right !== "call" && right !== "put") {
    throw fail(`right must be "call" or "put", got ${JSON.stringify(right)}`);
  }
  const thousandths = strikeToThousandths(strike);
  if (Number.isNaN(thousandths)) {
    throw fail(`strike must be a positive multiple of 0.001 below 100000, got ${strike}`);
  }
  const yymmdd = expiry.slice(2, 4) + expiry.slice(5, 7) + expiry.slice(8, 10);
  return `${OPTION_PREFIX}${root}${yymmdd}${right === "call" ? "C" : "P"}${
    String(thousandths).padStart(8, "0")
  }`;
}
