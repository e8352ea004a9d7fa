/**
 * The host check before a source's first request: one TCP connect with its own deadline
 * (the connect timeout), so that an unreachable base URL fails in seconds, once, instead of
 * every partition retrying its read timeout.
 *
 * @module
 */
import { PolygonConnectError } from "./errors.ts";

/**
 * A function that connects to `baseUrl`'s host and port once (later calls share the result);
 * it throws {@linkcode PolygonConnectError} when the connect is refused, the name does not
 * resolve, or no answer comes within `connectTimeoutMs`.
 */
export function createReach(baseUrl: string, connectTimeoutMs: number) {
  const url = new URL(baseUrl);
  const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
  const hostname = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let done: Promise<void> | null = null;
  const probe = async () => {
    const timer = AbortSignal.timeout(connectTimeoutMs);
    try {
      const conn = await Deno.connect({ hostname, port, signal: timer });
      conn.close();
    } catch (e) {
      const why = timer.aborted
        ? `no answer to a TCP connect within ${connectTimeoutMs} ms (source.polygon.connectTimeoutMs)`
        : `the TCP connect failed (${(e as Error).name}: ${(e as Error).message})`;
      throw new PolygonConnectError(url.origin, why);
    }
  };
  return (signal?: AbortSignal): Promise<void> => {
    signal?.throwIfAborted();
    done ??= probe();
    return done;
  };
}
