/**
 * The option roots of an underlying, as they appear in OCC tickers: an index's options
 * trade under roots that are not its ticker (`I:SPX` → `SPX` monthlies and `SPXW`
 * weeklies); an equity's under its own symbol.
 *
 * @module
 */

const INDEX_ROOTS: Record<string, readonly string[]> = {
  "I:SPX": ["SPX", "SPXW"],
  "I:NDX": ["NDX", "NDXP"],
  "I:RUT": ["RUT", "RUTW"],
  "I:VIX": ["VIX", "VIXW"],
  "I:XSP": ["XSP"],
};

/** The roots whose contracts belong to `underlying`. */
export function optionRoots(underlying: string): readonly string[] {
  return INDEX_ROOTS[underlying] ?? [underlying.replace(/^I:/, "")];
}

/** The root of an option ticker (`O:SPXW250303C05800000` → `SPXW`), or null. */
export function rootOf(ticker: string): string | null {
  if (!ticker.startsWith("O:")) return null;
  const m = /^O:([A-Z][A-Z0-9]{0,5}?)\d{6}[CP]\d{8}$/.exec(ticker);
  return m ? m[1] : null;
}
