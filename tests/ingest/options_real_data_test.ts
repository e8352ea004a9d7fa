// Real option chains parse into the lake's schemas and go through contract selection:
// QuantConnect LEAN's SPY option universes (../shared/data/lean, see its SOURCES.md) and
// Polygon's own contracts responses (client-python mocks and the OpenAPI example, copied
// into tests/fixtures/polygon with their SOURCES.md).
import { deepEqual, equal, ok } from "node:assert/strict";
import { fileURLToPath } from "node:url";
import { selectContracts } from "../../lib/ingest/mod.ts";
import { schemaDrift } from "../../lib/lake/schemas.ts";
import { contractsFrame, DATASET_SCHEMAS } from "../../lib/lake/schemas.ts";
import { writePartition } from "../../lib/lake/write.ts";
import { type OptionContract, OptionContractSchema } from "../../lib/market/contracts.ts";
import { formatOptionTicker } from "../../lib/market/format_option_ticker.ts";
import { parseOptionTicker } from "../../lib/market/parse_option_ticker.ts";
import { createPolygonSource } from "../../lib/sources/polygon/mod.ts";
import { readPartition, removeLake, RULES, tempLake } from "./_options_lake.ts";

const LEAN = new URL("../../../shared/data/lean/option_universes_iv_greeks/", import.meta.url);
const FIXTURES = new URL("../fixtures/polygon/", import.meta.url);

interface Universe {
  date: string;
  open: number;
  contracts: OptionContract[];
}

/** A LEAN universe file: the underlying's daily row, then one row per contract. */
async function readUniverse(file: string): Promise<Universe> {
  const ymd = file.match(/(\d{4})(\d{2})(\d{2})\.csv$/)!;
  const iso = (s: string) => `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}`;
  const lines = (await Deno.readTextFile(new URL(file, LEAN))).trim().split("\n");
  equal(lines[0].split(",").slice(0, 3).join(), "#expiry,strike,right");
  let open = NaN;
  const contracts: OptionContract[] = [];
  for (const line of lines.slice(1)) {
    const [expiry, strike, right, o] = line.split(",");
    if (expiry === "") {
      open = Number(o); // the underlying's own daily bar
      continue;
    }
    const c = {
      underlying: "SPY",
      expiry: iso(expiry),
      right: right === "C" ? "call" as const : "put" as const,
      strike: Number(strike),
    };
    contracts.push({ ticker: formatOptionTicker(c), ...c, multiplier: 100, style: "american" });
  }
  return { date: iso(ymd.slice(1).join("")), open, contracts };
}

async function leanFiles(): Promise<string[]> {
  const out: string[] = [];
  for await (const e of Deno.readDir(LEAN)) if (e.name.endsWith(".csv")) out.push(e.name);
  return out.sort();
}

Deno.test("LEAN SPY universes: every row maps to a valid OptionContract whose OCC ticker reads back", async () => {
  const files = await leanFiles();
  equal(files.length, 8);
  let n = 0;
  for (const file of files) {
    const u = await readUniverse(file);
    ok(u.open > 400 && u.open < 500, `${file}: SPY open ${u.open}`);
    for (const c of u.contracts) {
      deepEqual(OptionContractSchema.parse(c), c);
      const back = parseOptionTicker(c.ticker);
      deepEqual([back.expiry, back.right, back.strike], [c.expiry, c.right, c.strike]);
      ok(c.expiry > u.date, `${c.ticker} listed on ${u.date}`);
      n++;
    }
  }
  equal(n, 173);
  const first = (await readUniverse("option_spy_20240104.csv")).contracts[0];
  equal(first.ticker, "O:SPY240105C00315000");
});

Deno.test("LEAN SPY universes: the contracts frame round-trips through a lake partition", async () => {
  const root = await tempLake();
  const u = await readUniverse("option_spy_20240104.csv");
  const id = { dataset: "option_contracts", value: "SPY", date: u.date } as const;
  const written = await writePartition(root, id, contractsFrame(u.contracts, "replay"));
  equal(written.rows, 36);
  const back = readPartition(root, id);
  deepEqual(schemaDrift(back.schema, DATASET_SCHEMAS.option_contracts!), []);
  deepEqual(back.getColumn("ticker").toArray(), u.contracts.map((c) => c.ticker));
  deepEqual(back.getColumn("strike").toArray(), u.contracts.map((c) => c.strike));
  await removeLake(root);
});

Deno.test("LEAN SPY universe of 2024-01-04: strikes near the open are not in the file, so all four are reported", async () => {
  // The file is a filtered subset: deep in-the-money calls only.
  const u = await readUniverse("option_spy_20240104.csv");
  equal(u.open, 468.35);
  const s = selectContracts(u.contracts, "SPY", u.date, u.open, {
    ...RULES,
    expiry: "nearest_listed",
  });
  equal(s.expiry, "2024-01-05");
  deepEqual(s.selected, []);
  deepEqual(s.missing, [
    "O:SPY240105P00467000",
    "O:SPY240105P00468000",
    "O:SPY240105C00469000",
    "O:SPY240105C00470000",
  ]);
  // around 330.40 the same file lists calls every 1.0 and no put
  const near = selectContracts(u.contracts, "SPY", u.date, 330.4, {
    ...RULES,
    expiry: "nearest_listed",
  });
  deepEqual(near.selected.map((c) => c.ticker), ["O:SPY240105C00331000", "O:SPY240105C00332000"]);
  deepEqual(near.missing, ["O:SPY240105P00329000", "O:SPY240105P00330000"]);
  equal(near.selected[0], u.contracts.find((c) => c.ticker === "O:SPY240105C00331000"));
});

/** Serves the client-python contracts mock pages, with next_url pointing back here. */
function mockContractsServer() {
  const read = (name: string) => Deno.readTextFileSync(fileURLToPath(new URL(name, FIXTURES)));
  const page1 = JSON.parse(read("mock_options_contracts_page1.json"));
  const page2 = read("mock_options_contracts_page2.json");
  const server = Deno.serve({ hostname: "127.0.0.1", port: 0, onListen() {} }, (req) => {
    const url = new URL(req.url);
    if (url.searchParams.has("cursor")) return new Response(page2);
    const next = new URL(page1.next_url);
    return Response.json({ ...page1, next_url: `${url.origin}${next.pathname}${next.search}` });
  });
  return { url: `http://127.0.0.1:${server.addr.port}`, close: () => server.shutdown() };
}

Deno.test("Polygon's contracts mock pages come through the source as valid contracts, then selection", async () => {
  const server = mockContractsServer();
  try {
    const source = createPolygonSource({
      apiKey: "k",
      baseUrl: server.url,
      rateLimitPerMinute: 6000,
    });
    const listed = await source.optionContracts("A", "2022-05-19");
    equal(listed.length, 20);
    for (const c of listed) {
      deepEqual(OptionContractSchema.parse(c), c);
      equal(formatOptionTicker(c), c.ticker);
    }
    deepEqual(
      schemaDrift(contractsFrame(listed, "polygon").schema, DATASET_SCHEMAS.option_contracts!),
      [],
    );
    // Calls every 5.0 from 65 to 160, expiring 2022-05-20, and no puts.
    const s = selectContracts(listed, "A", "2022-05-19", 112.3, {
      ...RULES,
      strikeIncrement: 5,
      expiry: "nearest_listed",
    });
    equal(s.expiry, "2022-05-20");
    deepEqual(s.selected.map((c) => c.ticker), ["O:A220520C00115000", "O:A220520C00120000"]);
    deepEqual(s.missing, ["O:A220520P00105000", "O:A220520P00110000"]);
  } finally {
    await server.close();
  }
});

Deno.test("Polygon's OpenAPI contracts example, an adjusted contract included, maps to valid contracts", async () => {
  const body = await Deno.readTextFile(new URL("example_options_contracts.json", FIXTURES));
  const server = Deno.serve(
    { hostname: "127.0.0.1", port: 0, onListen() {} },
    () => new Response(body),
  );
  try {
    const source = createPolygonSource({
      apiKey: "k",
      baseUrl: `http://127.0.0.1:${server.addr.port}`,
      rateLimitPerMinute: 6000,
    });
    const listed = await source.optionContracts("AAPL", "2021-11-01");
    deepEqual(listed.map((c) => OptionContractSchema.parse(c)), [
      {
        ticker: "O:AAPL211119C00085000",
        underlying: "AAPL",
        expiry: "2021-11-19",
        right: "call",
        strike: 85,
        multiplier: 100,
        style: "american",
      },
      {
        ticker: "O:AAPL211119C00090000",
        underlying: "AAPL",
        expiry: "2021-11-19",
        right: "call",
        strike: 90,
        multiplier: 100,
        style: "american",
      },
    ]);
  } finally {
    await server.shutdown();
  }
});
