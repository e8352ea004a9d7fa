/**
 * The lake writer at chain scale: one day of a whole simulated SPY chain's consolidated table
 * (~140,000 rows × 60 columns, read back from the chain benchmark's lake) written as zstd
 * Parquet by the lake's own encoder (`frameColumns` + `encodeParquet`), by Polars
 * (`writeParquet` to a buffer, and `sinkParquet` to a file) and by DuckDB (`COPY ... TO`
 * from the same file). Prints wall and CPU milliseconds (best of 3) and bytes as JSON:
 * `deno run -A tests/bench/chain_writer_bench.ts`. The machine is shared: CPU time is the
 * figure to compare.
 *
 * @module
 */
import process from "node:process";
import pl from "nodejs-polars";
import { DuckDBInstance } from "@duckdb/node-api";
import { encodeParquet, frameColumns } from "../../lib/lake/mod.ts";
import { chainLake } from "./_chain_lake.ts";

const root = await chainLake("week");
const file = `${root}/consolidated/underlying=SPY/date=2025-03-04/part-0.parquet`;
const df = pl.readParquet(file);
const tmp = await Deno.makeTempDir({ prefix: "strikelab-writer-bench-" });

async function best(label: string, f: () => Promise<number> | number) {
  let wall = Infinity, cpu = Infinity, bytes = 0;
  for (let i = 0; i < 3; i++) {
    const c0 = process.cpuUsage(), t0 = performance.now();
    bytes = await f();
    const t = performance.now() - t0, c = process.cpuUsage(c0);
    wall = Math.min(wall, t);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
  }
  return { label, wallMs: Math.round(wall), cpuMs: Math.round(cpu), bytes };
}

const duck = await (await DuckDBInstance.create(":memory:")).connect();
const results = [
  await best("encoder (frameColumns + encodeParquet)", () => {
    const columns = frameColumns(df)!;
    return encodeParquet(columns, df.height).length;
  }),
  await (() => {
    const columns = frameColumns(df)!;
    return best(
      "encoder alone (columns ready, as the typed-array table gives them)",
      () => encodeParquet(columns, df.height).length,
    );
  })(),
  await best("polars writeParquet (buffer)", () => df.writeParquet({ compression: "zstd" }).length),
  await best("polars sinkParquet (file)", async () => {
    const out = `${tmp}/sink.parquet`;
    await df.lazy().sinkParquet(out, { compression: "zstd" }).collect();
    return (await Deno.stat(out)).size;
  }),
  await best("duckdb COPY (file to file)", async () => {
    const out = `${tmp}/duck.parquet`;
    await duck.run(
      `COPY (SELECT * FROM read_parquet('${file}')) TO '${out}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    return (await Deno.stat(out)).size;
  }),
];
console.log(JSON.stringify({ rows: df.height, columns: df.width, results }, null, 1));
await Deno.remove(tmp, { recursive: true });
