// Order execution as a pure state transition (vectorbt `portfolio/nb.py` style).
import { ST_FILLED, ST_IGNORED, ST_REJECTED } from "./_enums.ts";

/** Result of {@linkcode executeOrder}; the caller commits `cash` and `position`. */
export interface OrderResult {
  status: number;
  /** Signed shares filled: positive bought, negative sold. */
  shares: number;
  /** Fill price after slippage. */
  price: number;
  fees: number;
  cash: number;
  position: number;
}

/** A fresh, reusable result object. */
export function newOrderResult(): OrderResult {
  return { status: ST_IGNORED, shares: 0, price: NaN, fees: 0, cash: 0, position: 0 };
}

const REL_TOL = 1e-9;

/** `a + b`, snapped to 0 when the two nearly cancel (as vectorbt's `add_nb`). */
function addSnap(a: number, b: number): number {
  const s = a + b;
  return Math.abs(s) <= REL_TOL * Math.max(Math.abs(a), Math.abs(b)) + 1e-12 ? 0 : s;
}

/**
 * Executes one order of `shares` (signed; `Infinity` buys with all cash) at `price`.
 *
 * Buys pay `price·(1+slippage)` plus `fees = value·feeRate + fixedFee`; they are clamped
 * to the cash available (no leverage): the largest size with `size·p·(1+feeRate) + fixed
 * = cash`, so an all-in buy gets `(cash − fixed)/((1+feeRate)·p)` shares. Sells receive
 * `price·(1−slippage)` less fees; selling more than is held opens a short only when
 * `allowShort`, otherwise the size is cut to the position. Short proceeds are credited to
 * cash (no margin model). Expected outcomes are statuses, never throws: a NaN or
 * non-positive price, a zero size or nothing to sell is `ignored`; cash that does not
 * cover the fixed fee is `rejected`.
 */
export function executeOrder(
  cash: number,
  position: number,
  shares: number,
  price: number,
  feeRate: number,
  fixedFee: number,
  slippage: number,
  allowShort: boolean,
  out: OrderResult,
): number {
  out.shares = 0;
  out.fees = 0;
  out.cash = cash;
  out.position = position;
  out.price = NaN;
  if (!(price > 0) || shares === 0 || shares !== shares) return (out.status = ST_IGNORED);
  if (shares > 0) {
    const p = price * (1 + slippage);
    let size = shares;
    let fees = size * p * feeRate + fixedFee;
    let spend = size * p + fees;
    if (!(spend <= cash * (1 + 1e-12))) {
      if (cash <= fixedFee) return (out.status = ST_REJECTED);
      const maxValue = (cash - fixedFee) / (1 + feeRate);
      size = maxValue / p;
      fees = cash - maxValue;
      spend = cash;
    }
    out.status = ST_FILLED;
    out.shares = size;
    out.price = p;
    out.fees = fees;
    out.cash = addSnap(cash, -spend);
    out.position = addSnap(position, size);
    return ST_FILLED;
  }
  let size = -shares;
  if (!allowShort) {
    if (!(position > 0)) return (out.status = ST_IGNORED);
    if (size > position) size = position;
  }
  const p = price * (1 - slippage);
  const gross = size * p;
  const fees = gross * feeRate + fixedFee;
  const newCash = addSnap(cash, gross - fees);
  if (newCash < 0) return (out.status = ST_REJECTED);
  out.status = ST_FILLED;
  out.shares = -size;
  out.price = p;
  out.fees = fees;
  out.cash = newCash;
  out.position = size === position ? 0 : addSnap(position, -size);
  return ST_FILLED;
}
