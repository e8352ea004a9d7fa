/**
 * A shim that lets `s3rver` page `ListObjectsV2` under Deno: s3rver encrypts its
 * continuation tokens with DES, which Deno's `node:crypto` does not provide ("Unknown
 * cipher"), so every truncated listing answered 500. The token is opaque to clients, so DES
 * is swapped for AES-128-CTR (the 8-byte key and IV s3rver passes are doubled to 16 bytes);
 * token in, same key out, which is all s3rver needs. Installed once, only for "des".
 *
 * @module
 */
import crypto from "node:crypto";

let installed = false;

/** Makes `crypto.createCipheriv/createDecipheriv("des", ...)` work (idempotent). */
export function installS3rverShim(): void {
  if (installed) return;
  installed = true;
  const mutable = crypto as unknown as Record<string, unknown>;
  const wrap = <F extends (...a: never[]) => unknown>(f: F) =>
    ((algorithm: string, key: Uint8Array, iv: Uint8Array, ...rest: unknown[]) => {
      if (algorithm !== "des") {
        return (f as unknown as (...a: unknown[]) => unknown)(algorithm, key, iv, ...rest);
      }
      const double = (b: Uint8Array) => Buffer.concat([Buffer.from(b), Buffer.from(b)]);
      return (f as unknown as (...a: unknown[]) => unknown)(
        "aes-128-ctr",
        double(key),
        double(iv),
        ...rest,
      );
    }) as unknown as F;
  mutable.createCipheriv = wrap(crypto.createCipheriv);
  mutable.createDecipheriv = wrap(crypto.createDecipheriv);
}
