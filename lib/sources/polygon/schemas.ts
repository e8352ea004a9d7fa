/**
 * Zod schemas of the three Polygon REST responses the source reads, one per endpoint. Each
 * parses the raw body TEXT: invalid JSON (a truncated body) becomes a custom issue flagged
 * `params.invalidJson`, so one `safeParse` covers both "not JSON" and "wrong shape".
 *
 * Shapes follow Polygon's OpenAPI spec (`/work/shared/data/polygon-api/openapi/rest.json`):
 * fields the source uses are required and typed, the rest optional; unknown fields are
 * ignored (Polygon adds fields over time). `results` is absent when a query matches
 * nothing, so it defaults to `[]`. A 200 whose `status` is `ERROR` is rejected.
 *
 * @module
 */
import { z } from "zod";

/** Wraps an object schema so that it parses a JSON text. */
function jsonText<T extends z.ZodType>(schema: T) {
  return z.string().transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch (e) {
      ctx.issues.push({
        code: "custom",
        message: `Invalid JSON (${text.length} bytes): ${(e as Error).message}`,
        input: text,
        params: { invalidJson: true },
      });
      return z.NEVER;
    }
  }).pipe(schema);
}

/** True when a failed parse failed because the text was not JSON at all. */
export function isInvalidJson(error: z.ZodError): boolean {
  return error.issues.some((i) => i.code === "custom" && i.params?.invalidJson === true);
}

const status = z.string().refine((s) => s !== "ERROR", { message: "status is ERROR" });

/** One aggregate bar; indices carry only `t, o, h, l, c`. `t` is UTC ms of the window start. */
export const AggBarWireSchema = z.looseObject({
  t: z.number().int(),
  o: z.number(),
  h: z.number(),
  l: z.number(),
  c: z.number(),
  v: z.number().optional(),
  vw: z.number().optional(),
  n: z.number().int().optional(),
  otc: z.boolean().optional(),
});

/** `GET /v2/aggs/ticker/{ticker}/range/{multiplier}/{timespan}/{from}/{to}` (stocks, indices, options). */
export const AggsResponseSchema = jsonText(z.object({
  ticker: z.string().optional(),
  status,
  request_id: z.string().optional(),
  queryCount: z.number().int().optional(),
  resultsCount: z.number().int().optional(),
  adjusted: z.boolean().optional(),
  next_url: z.string().optional(),
  results: z.array(AggBarWireSchema).default([]),
}));

/** One listed contract of `GET /v3/reference/options/contracts`. */
export const OptionContractWireSchema = z.object({
  ticker: z.string(),
  underlying_ticker: z.string(),
  contract_type: z.enum(["call", "put", "other"]),
  exercise_style: z.enum(["american", "european", "bermudan"]),
  expiration_date: z.iso.date(),
  strike_price: z.number().positive(),
  shares_per_contract: z.number().positive(),
  cfi: z.string().optional(),
  primary_exchange: z.string().optional(),
  correction: z.number().int().optional(),
  additional_underlyings: z.array(z.object({
    amount: z.number().optional(),
    type: z.string().optional(),
    underlying: z.string().optional(),
  })).optional(),
});

/** `GET /v3/reference/options/contracts`. */
export const OptionContractsResponseSchema = jsonText(z.object({
  status,
  request_id: z.string().optional(),
  next_url: z.string().optional(),
  results: z.array(OptionContractWireSchema).default([]),
}));

/** One article of `GET /v2/reference/news`; `published_utc` becomes UTC epoch ms. */
export const NewsArticleWireSchema = z.object({
  id: z.string().min(1),
  publisher: z.object({
    name: z.string(),
    homepage_url: z.string().optional(),
    logo_url: z.string().optional(),
    favicon_url: z.string().optional(),
  }),
  title: z.string(),
  author: z.string().optional(),
  published_utc: z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
  article_url: z.string(),
  tickers: z.array(z.string()),
  amp_url: z.string().optional(),
  image_url: z.string().optional(),
  description: z.string().optional(),
  keywords: z.array(z.string()).optional(),
  insights: z.array(z.object({
    ticker: z.string(),
    sentiment: z.enum(["positive", "neutral", "negative"]),
    sentiment_reasoning: z.string().optional(),
  })).optional(),
});

/** `GET /v2/reference/news`. */
export const NewsResponseSchema = jsonText(z.object({
  status,
  request_id: z.string().optional(),
  count: z.number().int().optional(),
  next_url: z.string().optional(),
  results: z.array(NewsArticleWireSchema).default([]),
}));

/** A parsed page of any endpoint: its rows and the cursor URL of the next page. */
export interface WirePage<Row> {
  results: Row[];
  next_url?: string;
}
