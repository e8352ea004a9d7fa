/**
 * `deno task fake-flatfiles`: serve the simulator's days as Polygon flat files over the S3
 * API (s3rver) on 127.0.0.1, with switchable faults, until Ctrl-C.
 *
 * @module
 */
import { parseFlatFileFaults, startFakeFlatFiles } from "../lib/sources/flatfiles/mod.ts";
import { intFlag, list, parseFlags, runTask, say, UsageError } from "./_task.ts";

const USAGE =
  `usage: deno task fake-flatfiles --from YYYY-MM-DD --to YYYY-MM-DD [--port 9000] [options]

  --port N             TCP port on 127.0.0.1, 0 for any free one (default 9000)
  --from, --to         trading dates served (each day: stocks, options, indices files)
  --symbols LIST       equities of the stocks file (default IWM,QQQ,SPY)
  --indices LIST       indices of the indices file (default I:SPX,I:VIX)
  --underlyings LIST   whose listed chains fill the options file (default SPY)
  --seed N             simulator seed (default 42)
  --faults LIST        any of slow (bodies trickle), reset (cut an object mid-way),
                       503 (SlowDown), 403 (AccessDenied to every request)
  --fault-count N      objects reset / requests answered 503 (default 1)
  --slow-ms MS         delay before each 64 KiB of a slow body (default 200)`;

await runTask(USAGE, async () => {
  const { values: f } = parseFlags(Deno.args, {
    port: { type: "string" },
    from: { type: "string" },
    to: { type: "string" },
    symbols: { type: "string" },
    indices: { type: "string" },
    underlyings: { type: "string" },
    seed: { type: "string" },
    faults: { type: "string" },
    "fault-count": { type: "string" },
    "slow-ms": { type: "string" },
    help: { type: "boolean", short: "h" },
  });
  if (f.help) {
    say(USAGE);
    return 0;
  }
  const port = intFlag("port", f.port) ?? 9000;
  if (port < 0 || port > 65535) throw new UsageError(`--port must be 0..65535, got ${port}`);
  if (!f.from || !f.to) throw new UsageError("--from and --to are required (YYYY-MM-DD)");
  const faults = parseFlatFileFaults(f.faults ?? "", {
    count: intFlag("fault-count", f["fault-count"]),
    slowMs: intFlag("slow-ms", f["slow-ms"]),
  });
  say(`Writing the simulator's days ${f.from}..${f.to} as flat files...`);
  const fake = await startFakeFlatFiles({
    port,
    from: f.from,
    to: f.to,
    seed: intFlag("seed", f.seed),
    tickers: {
      symbols: list(f.symbols),
      indices: list(f.indices),
      underlyings: list(f.underlyings),
    },
    faults,
    onObject: (key, rows, bytes) =>
      say(`  ${key}: ${rows.toLocaleString("en-US")} rows, ${bytes.toLocaleString("en-US")} bytes`),
  });
  say(`Fake flat files on ${fake.url}, bucket ${fake.bucket} (faults: ${f.faults || "none"})`);
  say(
    `Use: POLYGON_S3_ACCESS_KEY_ID=${fake.accessKeyId} POLYGON_S3_SECRET_ACCESS_KEY=${fake.secretAccessKey} \\`,
  );
  say(
    `  deno task backfill --source flatfiles --endpoint ${fake.url} --from ${f.from} --to ${f.to} --datasets equity,index,options`,
  );
  say("Ctrl-C to stop.");
  await new Promise<void>((resolve) => Deno.addSignalListener("SIGINT", () => resolve()));
  await fake.close();
  say(
    `Served ${fake.stats.requests} requests, ${fake.stats.gets} object downloads; by status ${
      JSON.stringify(fake.stats.byStatus)
    }`,
  );
  return 0;
});
