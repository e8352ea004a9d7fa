// The simulator's speed (issue 19 kept it): a year (2024, 252 sessions) of SPY and I:VIX
// minute bars through the Source, each iteration with a new seed so that no cache helps
// (the first call of a seed also builds its 13-year daily layer); a month of SPY minutes;
// and the 13-year daily layer alone. Figures in docs/simulator.md.
import { tradingDays } from "@lib/calendar/mod.ts";
import { createSimSource, simDailyBars } from "@lib/sources/sim/mod.ts";

const YEAR = tradingDays("2024-01-01", "2024-12-31");
const MONTH = tradingDays("2025-03-01", "2025-03-31");
let seed = 10_000;

Deno.bench("sim: a year of SPY + I:VIX minutes (new seed)", async () => {
  const sim = createSimSource({ seed: seed++ });
  for (const d of YEAR) {
    await sim.minuteBars("SPY", d);
    await sim.minuteBars("I:VIX", d);
  }
});

Deno.bench("sim: a month of SPY minutes (new seed)", async () => {
  const sim = createSimSource({ seed: seed++ });
  for (const d of MONTH) await sim.minuteBars("SPY", d);
});

Deno.bench("sim: the 2015–2027 daily layer of SPY (new seed)", () => {
  simDailyBars("SPY", "2015-01-02", "2027-12-31", { seed: seed++ });
});
