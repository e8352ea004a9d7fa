/**
 * Performance figures for run records: throughput, phase times, peak memory and CPU.
 *
 * @module
 */
import process from "node:process";

/** What a run record's `summary.perf` holds. */
export interface RunPerf {
  elapsedMs: number;
  rows: number;
  bytes: number;
  requests: number;
  rowsPerS: number;
  mbPerS: number;
  requestsPerS: number;
  /** Phase name → elapsed ms. */
  phasesMs: Record<string, number>;
  /** Peak resident memory of the process (VmHWM), MB; null where /proc is not readable. */
  peakRssMb: number | null;
  /** CPU time of the process, ms (user and system). */
  cpuUserMs: number;
  cpuSystemMs: number;
}

/** The process's peak resident memory in MB (Linux), or null. */
export function peakRssMb(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(Deno.readTextFileSync("/proc/self/status"));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

/**
 * Starts measuring: call `phase(name)` as each phase begins, then `finish(counts)` for the
 * record's figures (CPU measured from the start call).
 */
export function startPerf(now: () => number = () => performance.now()) {
  const t0 = now(), cpu0 = process.cpuUsage();
  const phasesMs: Record<string, number> = {};
  let current: { name: string; at: number } | null = null;
  const close = () => {
    if (current) {
      phasesMs[current.name] = Math.round((phasesMs[current.name] ?? 0) + now() - current.at);
    }
  };
  return {
    phase(name: string): void {
      close();
      current = { name, at: now() };
    },
    finish(counts: { rows: number; bytes: number; requests: number }): RunPerf {
      close();
      current = null;
      const elapsedMs = now() - t0, s = Math.max(elapsedMs, 1) / 1000;
      const cpu = process.cpuUsage(cpu0);
      const r = (x: number) => Math.round(x * 100) / 100;
      return {
        elapsedMs: Math.round(elapsedMs),
        ...counts,
        rowsPerS: r(counts.rows / s),
        mbPerS: r(counts.bytes / 1e6 / s),
        requestsPerS: r(counts.requests / s),
        phasesMs,
        peakRssMb: peakRssMb(),
        cpuUserMs: Math.round(cpu.user / 1000),
        cpuSystemMs: Math.round(cpu.system / 1000),
      };
    },
  };
}
