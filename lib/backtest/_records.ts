// Growable flat record buffers (orders and trades), turned into DataFrames at the edge.

/** Column store for order records. */
export class OrderLog {
  n = 0;
  col = new Int32Array(64);
  bar = new Int32Array(64);
  shares = new Float64Array(64);
  price = new Float64Array(64);
  fees = new Float64Array(64);
  reason = new Int8Array(64);

  push(col: number, bar: number, shares: number, price: number, fees: number, reason: number) {
    if (this.n === this.col.length) this.#grow();
    const k = this.n++;
    this.col[k] = col;
    this.bar[k] = bar;
    this.shares[k] = shares;
    this.price[k] = price;
    this.fees[k] = fees;
    this.reason[k] = reason;
  }

  #grow() {
    const m = this.col.length * 2;
    this.col = grow(this.col, new Int32Array(m));
    this.bar = grow(this.bar, new Int32Array(m));
    this.shares = grow(this.shares, new Float64Array(m));
    this.price = grow(this.price, new Float64Array(m));
    this.fees = grow(this.fees, new Float64Array(m));
    this.reason = grow(this.reason, new Int8Array(m));
  }
}

/** Column store for trade records (one per position, flat to flat). */
export class TradeLog {
  n = 0;
  col = new Int32Array(64);
  direction = new Int8Array(64);
  entryBar = new Int32Array(64);
  exitBar = new Int32Array(64);
  size = new Float64Array(64);
  entryPrice = new Float64Array(64);
  exitPrice = new Float64Array(64);
  fees = new Float64Array(64);
  pnl = new Float64Array(64);
  ret = new Float64Array(64);
  mae = new Float64Array(64);
  mfe = new Float64Array(64);
  open = new Uint8Array(64);

  push(
    col: number,
    direction: number,
    entryBar: number,
    exitBar: number,
    v: { size: number; entry: number; exit: number; fees: number; pnl: number; ret: number },
    mae: number,
    mfe: number,
    open: boolean,
  ) {
    if (this.n === this.col.length) this.#grow();
    const k = this.n++;
    this.col[k] = col;
    this.direction[k] = direction;
    this.entryBar[k] = entryBar;
    this.exitBar[k] = exitBar;
    this.size[k] = v.size;
    this.entryPrice[k] = v.entry;
    this.exitPrice[k] = v.exit;
    this.fees[k] = v.fees;
    this.pnl[k] = v.pnl;
    this.ret[k] = v.ret;
    this.mae[k] = mae;
    this.mfe[k] = mfe;
    this.open[k] = open ? 1 : 0;
  }

  #grow() {
    const m = this.col.length * 2;
    this.col = grow(this.col, new Int32Array(m));
    this.direction = grow(this.direction, new Int8Array(m));
    this.entryBar = grow(this.entryBar, new Int32Array(m));
    this.exitBar = grow(this.exitBar, new Int32Array(m));
    this.size = grow(this.size, new Float64Array(m));
    this.entryPrice = grow(this.entryPrice, new Float64Array(m));
    this.exitPrice = grow(this.exitPrice, new Float64Array(m));
    this.fees = grow(this.fees, new Float64Array(m));
    this.pnl = grow(this.pnl, new Float64Array(m));
    this.ret = grow(this.ret, new Float64Array(m));
    this.mae = grow(this.mae, new Float64Array(m));
    this.mfe = grow(this.mfe, new Float64Array(m));
    this.open = grow(this.open, new Uint8Array(m));
  }
}

function grow<T extends { set(a: T): void }>(old: T, next: T): T {
  next.set(old);
  return next;
}
