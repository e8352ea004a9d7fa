import { deepEqual } from "node:assert/strict";
import pl from "nodejs-polars";
import { atmTermStructure, chainSnapshot } from "../../lib/consolidate/mod.ts";

const t = (m: number) => new Date(Date.UTC(2025, 2, 4, 15, m));

Deno.test("chainSnapshot() keeps each contract's last trade in the window; atmTermStructure() averages call and put at the strike nearest spot", () => {
  const rows = [
    // ticker, minute, expiry, right, strike, spot, t_years, iv
    ["C600a", 1, "2025-03-04", "call", 600, 600.4, 0.001, 0.18],
    ["C600a", 3, "2025-03-04", "call", 600, 600.4, 0.001, 0.2], // later: replaces the first
    ["P600a", 2, "2025-03-04", "put", 600, 600.4, 0.001, 0.22],
    ["C601a", 2, "2025-03-04", "call", 601, 600.4, 0.001, 0.19],
    ["C600b", 4, "2025-03-11", "call", 600, 600.4, 0.02, 0.17],
    ["P599b", 4, "2025-03-11", "put", 599, 600.4, 0.02, 0.21],
    ["P600b", 9, "2025-03-11", "put", 600, 600.4, 0.02, 0.3], // after the moment: out
    ["C605b", 0, "2025-03-11", "call", 605, 600.4, 0.02, null], // no IV: out
  ] as const;
  const col = (k: number) => rows.map((r) => r[k]);
  const table = pl.DataFrame({
    ticker: col(0),
    ts: rows.map((r) => t(r[1])),
    expiry: col(2),
    right: col(3),
    strike: col(4),
    spot: col(5),
    t_years: col(6),
    iv: col(7),
  }).withColumns(pl.col("ts").cast(pl.Datetime("ms")));
  const snap = chainSnapshot(table, { atMs: t(5).getTime(), freshMin: 5 });
  deepEqual(snap.getColumn("ticker").toArray(), ["C600a", "C601a", "P600a", "C600b", "P599b"]);
  deepEqual(snap.getColumn("days_to_expiry").toArray(), [0.365, 0.365, 0.365, 7.3, 7.3]);
  const term = atmTermStructure(snap);
  deepEqual(term.toRecords(), [
    // 600 is nearest 600.4 on both expiries; the 11th has only the call there
    {
      expiry: "2025-03-04",
      days_to_expiry: 0.365,
      atm_strike: 600,
      atm_iv: (0.2 + 0.22) / 2,
      quotes: 2,
    },
    { expiry: "2025-03-11", days_to_expiry: 7.3, atm_strike: 600, atm_iv: 0.17, quotes: 1 },
  ]);
});
