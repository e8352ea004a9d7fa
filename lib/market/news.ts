/**
 * News article records as stored in the `news` dataset.
 *
 * @module
 */
import { z } from "zod";

/** One news article, with the sentiment for the ticker it was requested for. */
export const NewsArticleSchema = z.object({
  /** The provider's article id; the de-duplication key. */
  id: z.string().min(1),
  /** Publication time, UTC epoch ms. */
  publishedMs: z.number().int(),
  title: z.string(),
  publisher: z.string(),
  url: z.string(),
  /** Every ticker the article mentions. */
  tickers: z.array(z.string()),
  /** Sentiment towards the requested ticker in [-1, 1]: positive 1, neutral 0, negative -1. */
  sentiment: z.number().min(-1).max(1).nullable(),
  /** The provider's label: `positive`, `neutral` or `negative`; null when none. */
  sentimentLabel: z.enum(["positive", "neutral", "negative"]).nullable(),
  /** The provider's reasoning for the label; null when none. */
  sentimentReasoning: z.string().nullable(),
});

/** One news article. */
export type NewsArticle = z.infer<typeof NewsArticleSchema>;

/** Maps a sentiment label to a number in [-1, 1]: positive 1, neutral 0, negative -1. */
export function sentimentScore(label: "positive" | "neutral" | "negative"): number {
  return label === "positive" ? 1 : label === "negative" ? -1 : 0;
}
