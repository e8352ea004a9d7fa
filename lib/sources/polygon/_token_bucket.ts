/** A sleep that rejects with `signal.reason` when the signal aborts. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/** Options for {@linkcode createTokenBucket}. */
export interface TokenBucketOptions {
  /** Tokens added per minute (= requests per minute in the long run). */
  perMinute: number;
  /** Bucket capacity: how many requests may start back to back after a quiet spell. */
  burst: number;
  /** Current time, ms. */
  clock: () => number;
  sleep: Sleep;
}

/** A token bucket shared by every request of one source. */
export interface TokenBucket {
  /** Waits (FIFO with other callers) until a token is free, then takes it. */
  take(signal?: AbortSignal): Promise<void>;
  /** Hands out no token before `untilMs` (a server said Retry-After). */
  pauseUntil(untilMs: number): void;
}

/**
 * A FIFO token bucket. It starts full; a token is added every `60000 / perMinute` ms up to
 * `burst`. With `burst = 1` no 60-second window ever holds more than `perMinute` starts;
 * a larger burst trades that guarantee for a faster start. Waiters queue in order, so
 * concurrent callers are served first come, first served.
 */
export function createTokenBucket(options: TokenBucketOptions): TokenBucket {
  const { perMinute, burst, clock, sleep } = options;
  const msPerToken = 60_000 / perMinute;
  let tokens = burst;
  let lastMs = clock();
  let pausedUntilMs = -Infinity;
  let tail: Promise<void> = Promise.resolve();

  function refill(now: number): void {
    if (now > lastMs) {
      tokens = Math.min(burst, tokens + (now - lastMs) / msPerToken);
      lastMs = now;
    }
  }

  async function takeNow(signal?: AbortSignal): Promise<void> {
    for (;;) {
      signal?.throwIfAborted();
      const now = clock();
      refill(now);
      if (pausedUntilMs > now) {
        await sleep(pausedUntilMs - now, signal);
        continue;
      }
      if (tokens >= 1) {
        tokens -= 1;
        return;
      }
      await sleep(Math.ceil((1 - tokens) * msPerToken), signal);
    }
  }

  return {
    take(signal) {
      const turn = tail.then(() => takeNow(signal));
      tail = turn.catch(() => {});
      return turn;
    },
    pauseUntil(untilMs) {
      pausedUntilMs = Math.max(pausedUntilMs, untilMs);
    },
  };
}
