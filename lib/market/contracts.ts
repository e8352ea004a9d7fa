/**
 * Option contract records as stored in the `option_contracts` dataset.
 *
 * @module
 */
import { z } from "zod";
import { parseIsoDate } from "../calendar/mod.ts";

const realDate = (s: string) => {
  try {
    return parseIsoDate(s) === s;
  } catch {
    return false;
  }
};

/** One listed option contract selected for a trading date. */
export const OptionContractSchema = z.object({
  /** OCC/Polygon ticker, e.g. `O:SPY250304C00601000`. */
  ticker: z.string().regex(/^O:[A-Z0-9]{1,6}\d{6}[CP]\d{8}$/),
  underlying: z.string().min(1),
  /** Expiry date, `YYYY-MM-DD`. */
  expiry: z.string().refine(realDate, { error: "is not a real date (YYYY-MM-DD)" }),
  right: z.enum(["call", "put"]),
  /** Strike in dollars per share. */
  strike: z.number().positive(),
  /** Shares per contract, usually 100. */
  multiplier: z.number().positive(),
  /** `american` or `european`. */
  style: z.enum(["american", "european"]),
});

/** One option contract. */
export type OptionContract = z.infer<typeof OptionContractSchema>;
