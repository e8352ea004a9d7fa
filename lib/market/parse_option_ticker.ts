import { isRealDate, OPTION_PREFIX, type OptionTickerFields, ROOT_PATTERN } from "./_occ.ts";
import { optionRoot } from "./option_roots.ts";

/**
 * Parse an OCC option ticker in Polygon's form, `O:SPY250304C00601000`, into its fields.
 *
 * Layout after the `O:` prefix: the option root (1–6 characters, A–Z and 0–9, starting
 * with a letter, so adjusted roots like `SPY1` and index roots like `SPXW` parse), the
 * expiry as `yymmdd` (read as 20yy), `C` or `P`, and the strike in thousandths of a
 * dollar as 8 digits. The `O:` prefix is required: tickers in the lake are always
 * stored with it, and a bare OCC symbol is refused with a message saying so, so that a
 * stock ticker or a half-built string never passes for an option. The root is returned as
 * `root`, and `underlying` is what it is an option on: the index for index roots
 * (`SPXW` → `I:SPX`), else the root itself (for adjusted roots such as `SPY1`, the option
 * root, not the stock symbol).
 *
 * @param ticker The option ticker.
 * @returns `{ underlying, root, expiry: "YYYY-MM-DD", right: "call" | "put", strike }`, where
 *   `formatOptionTicker(parseOptionTicker(t)) === t` for every valid `t`.
 * @throws {TypeError} When `ticker` is not a string.
 * @throws {RangeError} When it is malformed; the message names the ticker and the fault.
 *
 * @example
 * ```ts
 * import { parseOptionTicker } from "@lib/market/mod.ts";
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseOptionTicker("O:SPY250304C00601000"), {
 *   underlying: "SPY", root: "SPY", expiry: "2025-03-04", right: "call", strike: 601,
 * });
 * assert.equal(parseOptionTicker("O:SPXW210104C03700000").underlying, "I:SPX");
 * ```
 */
export function parseOptionTicker(ticker: string): OptionTickerFields {
  if (typeof ticker !== "string") {
    throw new TypeError(`Cannot parse option ticker: expected a string, got ${typeof ticker}`);
  }
  const fail = (why: string) =>
    new RangeError(`Cannot parse option ticker ${JSON.stringify(ticker)}: ${why}`);
  if (!ticker.startsWith(OPTION_PREFIX)) {
    throw fail('expected the "O:" prefix, as in "O:SPY250304C00601000"');
  }
  const body = ticker.slice(OPTION_PREFIX.length);
  const m = STRICT.exec(body);
  if (m === null) throw fail(diagnose(body));
  const [, root, yymmdd, cp, strikeDigits] = m;
  const expiry = `20${yymmdd.slice(0, 2)}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}`;
  if (!isRealDate(expiry)) throw fail(`expiry ${yymmdd} is not a real date`);
  const thousandths = Number(strikeDigits);
  if (thousandths === 0) throw fail("strike must be positive, got 00000000");
  return {
    underlying: optionRoot(root).underlying,
    root,
    expiry,
    right: cp === "C" ? "call" : "put",
    strike: thousandths / 1000,
  };
}

const STRICT = /^([A-Z][A-Z0-9]{0,5})(\d{6})([CP])(\d{8})$/;
const LOOSE = /^(.*?)(\d{6})([A-Za-z])(\d+)$/;

/** Which part of a ticker body (after "O:") breaks the format. */
function diagnose(body: string): string {
  const m = LOOSE.exec(body);
  if (m !== null) {
    const [, root, , cp, digits] = m;
    if (!ROOT_PATTERN.test(root)) {
      return `root ${JSON.stringify(root)} must be 1-6 of A-Z and 0-9 starting with a letter`;
    }
    if (cp !== "C" && cp !== "P") return `right must be C or P, got ${JSON.stringify(cp)}`;
    return `strike must be 8 digits (dollars x 1000), got ${digits.length} digits "${digits}"`;
  }
  return "expected root (1-6 of A-Z, 0-9) + yymmdd + C or P + 8-digit strike, as in " +
    '"O:SPY250304C00601000"';
}
