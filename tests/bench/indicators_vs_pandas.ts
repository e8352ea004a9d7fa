/**
 * Our typed-array kernels against pandas on the same 1,000,000 one-minute closes
 * (a seeded random walk from $450, rounded to cents), timed in one run: RSI(14)
 * (Wilder, ewm alpha 1/14), MACD(12, 26, 9) (ewm span), Bollinger(20, 2)
 * (rolling mean and population std, all 5 outputs) and ROC(5, 30, 60).
 * Each figure is the best of 7 rounds after a warm-up round; a round runs our four
 * kernels, then pandas' four in a python3 child (Debian python3-pandas) holding the
 * same closes (written as raw float64), so both sides see the same machine load.
 *
 * Run: deno run -A tests/bench/indicators_vs_pandas.ts
 */
import { bollingerKernel, macdKernel, rocKernel, rsiKernel } from "../../lib/indicators/mod.ts";
import { prng } from "../indicators/_helpers.ts";
import { cpuUsage } from "node:process";

const N = 1_000_000;
const RUNS = 15;
const rand = prng(42);
const close = new Float64Array(N);
let p = 450;
for (let i = 0; i < N; i++) {
  p *= 1 + (rand() - 0.5) * 0.002;
  close[i] = Math.round(p * 100) / 100;
}

// pandas answers one line of JSON timings (ms, one run of each) per line read on stdin.
const PANDAS = `
import sys, time, json
import numpy as np, pandas as pd
c = pd.Series(np.fromfile(sys.argv[1], dtype="<f8"))
def rsi():
    d = c.diff()
    g = d.clip(lower=0).ewm(alpha=1/14, adjust=False, min_periods=14).mean()
    l = (-d.clip(upper=0)).ewm(alpha=1/14, adjust=False, min_periods=14).mean()
    return 100 * g / (g + l)
def macd():
    line = c.ewm(span=12, adjust=False).mean() - c.ewm(span=26, adjust=False).mean()
    sig = line.ewm(span=9, adjust=False).mean()
    return line, sig, line - sig
def bollinger():
    r = c.rolling(20)
    m = r.mean(); s = r.std(ddof=0)
    up = m + 2 * s; lo = m - 2 * s
    return m, up, lo, (c - lo) / (up - lo), (up - lo) / m
def roc():
    return [c.pct_change(n, fill_method=None) * 100 for n in (5, 30, 60)]
fs = [("rsi", rsi), ("macd", macd), ("bollinger", bollinger), ("roc", roc)]
print(json.dumps({"pandas": pd.__version__}), flush=True)
for _ in sys.stdin:
    out = {}
    for name, f in fs:
        t = time.perf_counter(); u = time.process_time(); f()
        out[name] = [(time.perf_counter() - t) * 1000, (time.process_time() - u) * 1000]
    print(json.dumps(out), flush=True)
`;

const KERNELS: Record<string, () => unknown> = {
  rsi: () => rsiKernel(close),
  macd: () => macdKernel(close),
  bollinger: () => bollingerKernel(close),
  roc: () => rocKernel(close),
};
// The same kernels writing into outputs allocated once (`out`), as a caller
// running them per table would: no page faults of fresh memory.
const f64 = () => new Float64Array(N);
const rsiOut = f64();
const macdOut = { line: f64(), signal: f64(), hist: f64() };
const bandsOut = { middle: f64(), upper: f64(), lower: f64(), pctB: f64(), bandwidth: f64() };
const rocOut = [f64(), f64(), f64()];
const REUSED: Record<string, () => unknown> = {
  rsi: () => rsiKernel(close, { out: rsiOut }),
  macd: () => macdKernel(close, { out: macdOut }),
  bollinger: () => bollingerKernel(close, { out: bandsOut }),
  roc: () => rocKernel(close, { out: rocOut }),
};

/** Reads newline-terminated lines from a byte stream. */
async function* lines(stream: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const dec = new TextDecoder();
  let buf = "";
  for await (const chunk of stream) {
    buf += dec.decode(chunk, { stream: true });
    let nl;
    while ((nl = buf.indexOf("\n")) >= 0) {
      yield buf.slice(0, nl);
      buf = buf.slice(nl + 1);
    }
  }
}

const dir = await Deno.makeTempDir({ prefix: "strikelab-bench-" });
try {
  const file = `${dir}/close.f64`;
  await Deno.writeFile(file, new Uint8Array(close.buffer));
  const script = `${dir}/bench.py`;
  await Deno.writeTextFile(script, PANDAS);
  // Debian's interpreter (the one python3-pandas installs into), not a pyenv shim.
  const python = await Deno.stat("/usr/bin/python3").then(
    () => "/usr/bin/python3",
    () => "python3",
  );
  const child = new Deno.Command(python, { args: [script, file], stdin: "piped", stdout: "piped" })
    .spawn();
  const writer = child.stdin.getWriter();
  const out = lines(child.stdout);
  const next = async () => {
    const r = await out.next();
    if (r.done) throw new Error("pandas bench stopped (is python3-pandas installed?)");
    return JSON.parse(r.value);
  };
  const version = (await next()).pandas as string;
  type Best = Record<string, [number, number]>; // indicator → [wall ms, CPU ms], best of the rounds
  const best = { kernel: {} as Best, reused: {} as Best, pandas: {} as Best };
  const keep = (into: Best, k: string, wall: number, cpu: number) => {
    const [w, c] = into[k] ?? [Infinity, Infinity];
    into[k] = [Math.min(w, wall), Math.min(c, cpu)];
  };
  const time = (fs: Record<string, () => unknown>, into: Best, round: number) => {
    for (const [k, f] of Object.entries(fs)) {
      const t = performance.now();
      const u = cpuUsage();
      f();
      const cpu = cpuUsage(u);
      if (round > 0) keep(into, k, performance.now() - t, (cpu.user + cpu.system) / 1000);
    }
  };
  // Rounds alternate ours and pandas, so that both see the same load; round 0 warms up.
  for (let round = 0; round <= RUNS; round++) {
    time(KERNELS, best.kernel, round);
    time(REUSED, best.reused, round);
    await writer.write(new TextEncoder().encode("go\n"));
    const py = await next() as Record<string, [number, number]>;
    if (round > 0) { for (const k in py) keep(best.pandas, k, ...py[k]); }
  }
  await writer.close();
  await child.status;
  const total = (b: Best): [number, number] =>
    Object.values(b).reduce(([w, c], [x, y]) => [w + x, c + y], [0, 0]);
  for (const b of Object.values(best)) b["all four"] = total(b);
  console.log(
    `${N.toLocaleString("en-US")} points, best of ${RUNS} rounds, pandas ${version}, ` +
      `Deno ${Deno.version.deno}; wall ms (CPU ms of the process)`,
  );
  const cell = ([w, c]: [number, number]) => `${w.toFixed(1)} (${c.toFixed(0)})`.padStart(14);
  const ratio = (a: [number, number], b: [number, number]) =>
    `${(b[0] / a[0]).toFixed(1)}× (${(b[1] / a[1]).toFixed(1)}×)`.padStart(15);
  console.log(
    "indicator           kernel    kernel+out        pandas  pandas/kernel pandas/kern+out",
  );
  for (const k of Object.keys(best.pandas)) {
    const [a, r, p] = [best.kernel[k], best.reused[k], best.pandas[k]];
    console.log(`${k.padEnd(11)}${cell(a)}${cell(r)}${cell(p)}${ratio(a, p)}${ratio(r, p)}`);
  }
} finally {
  await Deno.remove(dir, { recursive: true });
}
