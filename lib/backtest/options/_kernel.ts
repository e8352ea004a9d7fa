// The option-strategy loop over the minutes of a chain: mark, exit, enter, record.
import type { OptionChain } from "./_chain.ts";
import { closeAtMarks, settle } from "./_exit.ts";
import { atmIv, ivRank } from "./_iv.ts";
import { type BookState, executeEntry } from "./_order.ts";
import { A_COSTS, advance, markValue, type Position } from "./_position.ts";
import { nearestExpiry, selectLegs } from "./_select.ts";
import { structureSpec } from "./structures.ts";
import type { ResolvedOptions } from "./types.ts";

/** An order's outcome, as a flat record. */
export interface OrderRecord {
  minute: number;
  status: "filled" | "ignored" | "rejected";
  reason: string;
  position: number;
}

/** A closed structure with its exit reason and minute. */
export interface ClosedPosition {
  p: Position;
  exitMinute: number;
  reason: string;
}

/** What the loop returns (per-minute arrays are `nMinutes` long; `attr` is 6 per minute). */
export interface KernelResult {
  closed: ClosedPosition[];
  orders: OrderRecord[];
  equity: Float64Array;
  cash: Float64Array;
  bpInUse: Float64Array;
  attr: Float64Array;
}

/** Per-minute arrays of a run, reusable across the runs of a sweep. */
export type KernelBuffers = Pick<KernelResult, "equity" | "cash" | "bpInUse" | "attr">;

/** New per-minute arrays for runs on `c`. */
export function kernelBuffers(c: OptionChain): KernelBuffers {
  const N = c.nMinutes;
  return {
    equity: new Float64Array(N),
    cash: new Float64Array(N),
    bpInUse: new Float64Array(N),
    attr: new Float64Array(N * 6),
  };
}

const lastOfDay = (c: OptionChain, m: number) => m + 1 === c.nMinutes || c.day[m + 1] !== c.day[m];

/** Why position `p` exits at minute `m` ("" = it stays), before any settlement. */
function exitReason(c: OptionChain, p: Position, m: number, o: ResolvedOptions): string {
  if (m === p.entryMinute) return "";
  const x = o.exit, pnl = (markValue(p) / (p.multiplier * p.n)) - p.entryNet;
  const basis = Math.abs(p.entryNet);
  if (x.stopLoss > 0 && pnl <= -x.stopLoss * basis) return "stop_loss";
  if (x.profitTarget > 0 && pnl >= x.profitTarget * basis) return "profit_target";
  if (x.time === x.time && c.minuteOfDay[m] >= x.time) return "exit_time";
  if (x.dte >= 0 && c.day[m] > c.day[p.entryMinute] && p.nearExpiry - c.day[m] <= x.dte) {
    return "exit_dte";
  }
  if (x.holdMin > 0 && c.tsMs[m] - c.tsMs[p.entryMinute] >= x.holdMin * 60_000) return "hold_time";
  return "";
}

/**
 * Runs the strategy `o` on minutes `from` … `to − 1` of chain `c` (all by default; what is
 * open at `to − 1` is closed there). See docs/strategies.md for the order of the steps.
 */
export function runKernel(
  c: OptionChain,
  o: ResolvedOptions,
  from = 0,
  to = c.nMinutes,
  buffers?: KernelBuffers,
): KernelResult {
  const spec = structureSpec(o.structure);
  const { equity, cash, bpInUse, attr } = buffers ?? kernelBuffers(c);
  attr.fill(0, from * 6, to * 6);
  const closed: ClosedPosition[] = [], orders: OrderRecord[] = [];
  const open: Position[] = [];
  let state: BookState = { cash: o.initCash, equity: o.initCash, bpInUse: 0 };
  const e = o.entry, events = e.events, ivHistory: number[] = [];
  const needIv = [e.ivRankMin, e.ivRankMax, e.ivPercentileMin, e.ivPercentileMax]
    .some((v) => Number.isFinite(v));
  let evAt = 0, tryUntil = -Infinity, dayDone = -1, ivDay = -1, nextId = 0;
  for (let m = from; m < to; m++) {
    // 1. marks
    for (const p of open) advance(c, p, m, attr, o.records);
    // 2. exits and settlement
    let kept = 0;
    for (const p of open) {
      const style = p.style;
      let flow = NaN, reason = "";
      if (style === "am" && c.day[m] >= p.nearExpiry) {
        let first = m;
        while (first > 0 && c.day[first - 1] === c.day[m]) first--;
        (flow = settle(c, p, m, c.spotOpen[first], style, o, attr)), (reason = "expiry");
      } else if (
        style !== "am" &&
        (c.day[m] > p.nearExpiry || (c.day[m] === p.nearExpiry && lastOfDay(c, m)))
      ) {
        const px = c.day[m] > p.nearExpiry ? c.spot[m - 1] : c.spot[m];
        (flow = settle(c, p, m, px, style, o, attr)), (reason = "expiry");
      } else if ((reason = exitReason(c, p, m, o)) !== "" || m === to - 1) {
        flow = closeAtMarks(c, p, m, o, attr);
        reason ||= "end";
      }
      if (flow === flow) {
        state.cash += flow, state.bpInUse -= p.buyingPower;
        closed.push({ p, exitMinute: m, reason });
      } else open[kept++] = p;
    }
    open.length = kept;
    // 3. entries
    const today = c.day[m];
    let want = false;
    if (events === null) {
      if (today !== dayDone && c.minuteOfDay[m] >= e.time) {
        dayDone = today, tryUntil = c.tsMs[m] + e.windowMin * 60_000;
      }
      want = c.tsMs[m] <= tryUntil;
    } else {
      while (evAt < events.length && events[evAt] <= c.tsMs[m]) {
        evAt++, tryUntil = c.tsMs[m] + e.windowMin * 60_000;
      }
      want = c.tsMs[m] <= tryUntil;
    }
    if (want && m < to - 1) {
      if (open.length >= o.maxOpen) {
        orders.push({ minute: m, status: "ignored", reason: "max_open", position: -1 });
        tryUntil = -Infinity;
      } else {
        const reason = conditionFails(c, m, o, needIv, ivHistory, today !== ivDay);
        ivDay = today;
        if (reason !== "") {
          orders.push({ minute: m, status: "ignored", reason, position: -1 });
          tryUntil = -Infinity;
        } else {
          const sel = selectLegs(c, m, spec, o);
          if (sel.legs !== null) {
            equitySoFar(state, open);
            const r = executeEntry(c, state, sel.legs, m, nextId, o);
            orders.push({
              minute: m,
              status: r.status,
              reason: r.reason,
              position: r.position ? nextId : -1,
            });
            if (r.position !== null) {
              open.push(r.position), nextId++, (state = r.state);
              attr[m * 6 + A_COSTS] += r.position.attr[A_COSTS];
            }
            tryUntil = -Infinity;
          } else if (m + 1 >= to || c.tsMs[m + 1] > tryUntil) {
            orders.push({ minute: m, status: "rejected", reason: sel.reason, position: -1 });
          }
        }
      }
    }
    // 4. book
    equitySoFar(state, open);
    (equity[m] = state.equity), (cash[m] = state.cash), (bpInUse[m] = state.bpInUse);
  }
  return { closed, orders, equity, cash, bpInUse, attr };
}

function equitySoFar(state: BookState, open: Position[]): void {
  let v = state.cash;
  for (const p of open) v += markValue(p);
  state.equity = v;
}

/** "" when the IV and VIX conditions hold at `m`, else why not; records today's ATM IV. */
function conditionFails(
  c: OptionChain,
  m: number,
  o: ResolvedOptions,
  needIv: boolean,
  history: number[],
  newDay: boolean,
): string {
  const e = o.entry;
  if (Number.isFinite(e.vixMin) || Number.isFinite(e.vixMax)) {
    const v = c.vix[m];
    if (v !== v) return "no_vix";
    if (v < e.vixMin || v > e.vixMax) return "vix";
  }
  if (!needIv) return "";
  const near = nearestExpiry(c, m, o.dte);
  const iv = near < 0 ? NaN : atmIv(c, m, near);
  const past = newDay ? history.slice() : history.slice(0, -1);
  if (newDay) history.push(iv);
  const { rank, percentile } = ivRank(iv, past, e.ivLookbackDays);
  if (rank !== rank && (Number.isFinite(e.ivRankMin) || Number.isFinite(e.ivRankMax))) {
    return "iv_warmup";
  }
  if (percentile !== percentile) return "iv_warmup";
  if (rank < e.ivRankMin || rank > e.ivRankMax) return "iv_rank";
  if (percentile < e.ivPercentileMin || percentile > e.ivPercentileMax) return "iv_percentile";
  return "";
}
