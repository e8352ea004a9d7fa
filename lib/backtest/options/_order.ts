// An entry order as a state transition: filled (with the new position), ignored or rejected.
import type { OptionChain } from "./_chain.ts";
import { A_COSTS, type Position } from "./_position.ts";
import { buyingPower, INDEX_ROOTS, riskProfile } from "./_risk.ts";
import type { Leg } from "./_select.ts";
import { fillPrice, settlementStyle } from "./_settle.ts";
import type { ResolvedOptions } from "./types.ts";

/** The book an order acts on: cash, equity at the marks and buying power in use, dollars. */
export interface BookState {
  cash: number;
  equity: number;
  bpInUse: number;
}

/** Outcome of {@linkcode executeEntry}. */
export type EntryResult =
  | { status: "filled"; reason: ""; state: BookState; position: Position }
  | { status: "rejected"; reason: string; state: BookState; position: null };

const lowerBound = (a: Int32Array, from: number, to: number, x: number) => {
  let lo = from, hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

/**
 * Fills the structure `legs` at minute `m`'s closes (the underlying at spot) with slippage,
 * sized by `o.size`, capped by `o.slippage.volumeFraction` of each leg's volume, and checked
 * against buying power (`n · buyingPower + fees ≤ equity − bpInUse`). Rejections: `naked`
 * (`naked: "refuse"`), `undefined_risk` (risk sizing of an unbounded loss), `liquidity`,
 * `size` (fewer than one structure), `buying_power`.
 */
export function executeEntry(
  c: OptionChain,
  state: BookState,
  legs: Leg[],
  m: number,
  id: number,
  o: ResolvedOptions,
): EntryResult {
  const reject = (reason: string): EntryResult => ({
    status: "rejected",
    reason,
    state,
    position: null,
  });
  const spot = c.spot[m];
  const marks = legs.map((l) => (l.row < 0 ? spot : c.close[l.row]));
  const fills = legs.map((l, i) =>
    l.row < 0
      ? fillPrice(spot, spot, spot, l.side, o.slippage)
      : fillPrice(marks[i], c.high[l.row], c.low[l.row], l.side, o.slippage)
  );
  const entryNet = legs.reduce((a, l, i) => a + l.side * l.ratio * fills[i], 0);
  const markNet = legs.reduce((a, l, i) => a + l.side * l.ratio * marks[i], 0);
  const risk = riskProfile(legs, entryNet);
  if (risk.naked && o.naked === "refuse") return reject("naked");
  const first = legs.find((l) => l.contract >= 0)!;
  const mult = c.multiplier[first.contract], index = INDEX_ROOTS.has(c.root[first.contract]);
  const bp = buyingPower(legs, fills, entryNet, risk, spot, index) * mult;
  const loss = risk.maxLoss * mult;
  const s = o.size;
  let n: number;
  if ("contracts" in s) n = s.contracts;
  else if ("equityFraction" in s) n = Math.floor((s.equityFraction * state.equity) / bp);
  else {
    if (!Number.isFinite(loss)) return reject("undefined_risk");
    const budget = "maxRisk" in s ? s.maxRisk : s.riskFraction * state.equity;
    n = loss > 0 ? Math.floor(budget / loss) : 0;
  }
  if (!(n >= 1)) return reject("size");
  for (const l of legs) {
    if (l.row < 0 || o.slippage.volumeFraction === Infinity) continue;
    const cap = Math.floor((o.slippage.volumeFraction * c.volume[l.row]) / l.ratio);
    if (cap < n) n = cap;
  }
  if (!(n >= 1)) return reject("liquidity");
  const contracts = legs.reduce((a, l) => a + (l.row < 0 ? 0 : l.ratio * n), 0);
  const shares = legs.reduce((a, l) => a + (l.row < 0 ? l.ratio * n * mult : 0), 0);
  const fee = o.feePerOrder + o.feePerContract * contracts + o.feePerShare * shares;
  if (n * bp + fee > state.equity - state.bpInUse + 1e-9) return reject("buying_power");
  const cashFlow = -entryNet * mult * n - fee;
  const L = legs.length;
  const position: Position = {
    id,
    legs,
    n,
    multiplier: mult,
    entryMinute: m,
    entryNet,
    entryFill: fills,
    exitFill: [],
    mark: Float64Array.from(marks),
    lastRow: Int32Array.from(legs, (l) => l.row),
    ptr: Int32Array.from(
      legs,
      (l) =>
        l.row < 0 ? -1 : lowerBound(c.cRows, c.cStart[l.contract], c.cStart[l.contract + 1], l.row),
    ),
    lastSpot: new Float64Array(L).fill(spot),
    lastTs: new Float64Array(L).fill(c.tsMs[m]),
    nearExpiry: Math.min(...legs.filter((l) => l.row >= 0).map((l) => l.expiryDay)),
    style: settlementStyle(c.root[first.contract]),
    attr: new Float64Array(6),
    fees: fee,
    slippage: (entryNet - markNet) * mult * n,
    buyingPower: bp * n,
    maxProfit: risk.maxProfit * mult * n,
    maxLoss: loss * n,
    cashFlow,
    assignedShares: 0,
    settlePx: NaN,
  };
  position.attr[A_COSTS] = (markNet - entryNet) * mult * n - fee;
  return {
    status: "filled",
    reason: "",
    state: {
      cash: state.cash + cashFlow,
      equity: state.equity + (markNet - entryNet) * mult * n - fee,
      bpInUse: state.bpInUse + bp * n,
    },
    position,
  };
}
