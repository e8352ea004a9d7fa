import { deepEqual, equal, throws } from "node:assert/strict";
import { createSimSource } from "../../../lib/sources/mod.ts";
import {
  parseFrame,
  parseWsFaults,
  startFakePolygonWs,
  wireToBar,
} from "../../../lib/sources/polygon/mod.ts";

const DATE = "2025-03-04";

/** Opens a socket and collects its messages (parsed arrays). */
function client(url: string) {
  const ws = new WebSocket(url);
  const got: Record<string, unknown>[][] = [];
  const waiters: (() => void)[] = [];
  ws.onmessage = (e) => {
    got.push(JSON.parse(String(e.data)));
    waiters.splice(0).forEach((w) => w());
  };
  const closed = new Promise<void>((r) => (ws.onclose = () => r()));
  return {
    ws,
    got,
    closed,
    async until(pred: () => boolean) {
      while (!pred()) await new Promise<void>((r) => waiters.push(r));
    },
  };
}

Deno.test("the fake WebSocket server speaks Polygon's status frames and sends the simulator's AM bars", async () => {
  const sim = createSimSource({ seed: 7 });
  const fake = startFakePolygonWs({ provider: sim, date: DATE, speed: 0 });
  const c = client(`${fake.url}/stocks`);
  try {
    await c.until(() => c.got.length >= 1);
    deepEqual(c.got[0], [{ ev: "status", status: "connected", message: "Connected Successfully" }]);
    c.ws.send(JSON.stringify({ action: "auth", params: "fake-key" }));
    await c.until(() => c.got.length >= 2);
    deepEqual(c.got[1], [{ ev: "status", status: "auth_success", message: "authenticated" }]);
    c.ws.send(JSON.stringify({ action: "subscribe", params: "AM.SPY" }));
    await fake.finished;
    await c.until(() => c.got.length >= 3 + 390);
    deepEqual(c.got[2], [{ ev: "status", status: "success", message: "subscribed to: AM.SPY" }]);
    const bars = c.got.slice(3).flat().map((e) => parseFrame(JSON.stringify([e])).bars[0]);
    const want = await sim.minuteBars("SPY", DATE);
    equal(bars.length, want.length);
    deepEqual(bars.map((b) => b.bar), want);
    equal(bars[0].ticker, "SPY");
    equal(c.got[3][0].e, (c.got[3][0].s as number) + 60_000);
  } finally {
    c.ws.close();
    await fake.close();
  }
});

Deno.test("the fake WebSocket server refuses a wrong key with auth_failed and closes", async () => {
  const fake = startFakePolygonWs({ provider: createSimSource(), date: DATE });
  const c = client(`${fake.url}/options`);
  try {
    await c.until(() => c.got.length >= 1);
    c.ws.send(JSON.stringify({ action: "auth", params: "wrong" }));
    await c.closed;
    deepEqual(c.got[1], [{
      ev: "status",
      status: "auth_failed",
      message: "authentication failed",
    }]);
  } finally {
    await fake.close();
  }
});

Deno.test("wireToBar() reads index aggregates without volumes and recovers trades from z", () => {
  deepEqual(
    wireToBar({ ev: "AM", sym: "I:VIX", o: 20, h: 21, l: 19, c: 20.5, s: 0, e: 60_000 }),
    { ts: 0, open: 20, high: 21, low: 19, close: 20.5, volume: null, vwap: null, trades: null },
  );
  equal(
    wireToBar({ ev: "AM", sym: "SPY", o: 1, h: 1, l: 1, c: 1, v: 4110, z: 4110 / 7, s: 0, e: 1 })
      .trades,
    7,
  );
  equal(parseFrame('[{"ev":"AM","sym":"SPY","o":"x"}]').bad.length, 1);
});

Deno.test("parseWsFaults() reads the CLI list and names a bad part", () => {
  deepEqual(parseWsFaults("drop@3+9,auth,ooo/5,stall@7,slow@8"), {
    drop: [3, 9],
    refuseAuth: true,
    outOfOrderEvery: 5,
    stall: [7],
    slowConsumer: [8],
  });
  throws(() => parseWsFaults("boom"), /Cannot parse WebSocket fault "boom"/);
});
