import {
  isRealDate,
  OPTION_PREFIX,
  type OptionTickerFields,
  ROOT_PATTERN,
  strikeToThousandths,
} from "./_occ.ts";

/**
 * Print an option's fields as an OCC ticker in Polygon's form, `O:SPY250304C00601000`.
 *
 * The inverse of `parseOptionTicker`. The strike is written in thousandths of a dollar
 * as 8 digits; a strike carrying float noise from arithmetic (593.88 from a sum) is
 * accepted and written exactly, but one that is not a multiple of 0.001 is refused
 * rather than rounded to a different contract.
 *
 * @param option `{ underlying, expiry, right, strike }`: underlying 1–6 of A–Z/0–9
 *   starting with a letter, expiry `YYYY-MM-DD` in 2000–2099, right `call` or `put`,
 *   strike a positive multiple of 0.001 below 100 000.
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
 * ```
 */
export function formatOptionTicker(option: OptionTickerFields): string {
  if (typeof option !== "object" || option === null) {
    throw new TypeError(`Cannot format option ticker: expected an object, got ${option}`);
  }
  const { underlying, expiry, right, strike } = option;
  const fail = (why: string) => new RangeError(`Cannot format option ticker: ${why}`);
  if (typeof underlying !== "string" || !ROOT_PATTERN.test(underlying)) {
    throw fail(
      `underlying must be 1-6 of A-Z and 0-9 starting with a letter, got ${
        JSON.stringify(underlying)
      }`,
    );
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
  return `${OPTION_PREFIX}${underlying}${yymmdd}${right === "call" ? "C" : "P"}${
    String(thousandths).padStart(8, "0")
  }`;
}
