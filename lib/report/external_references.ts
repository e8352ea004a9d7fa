/**
 * Lists what a page would load from outside itself: `src`/`href` attribute values and
 * CSS `url(...)`/`@import` targets that are absolute (`http:`, `https:`, `file:`,
 * protocol-relative `//`) or relative paths to other files. Script bodies are skipped
 * (a URL inside JavaScript text is not a load), in-page anchors (`#id`), `data:`,
 * `blob:`, `mailto:` and `javascript:` are not counted. Used to prove a report is
 * self-contained.
 *
 * @param html An HTML page.
 * @returns The referenced URLs in page order (duplicates kept).
 * @example
 * ```ts
 * import { externalReferences } from "./external_references.ts";
 * import assert from "node:assert/strict";
 * const html = '<script src="file:///usr/share/javascript/x.js"></script><a href="#top">top</a>';
 * assert.deepEqual(externalReferences(html), ["file:///usr/share/javascript/x.js"]);
 * ```
 */
export function externalReferences(html: string): string[] {
  const stripped = html.replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, "<script$1></script>");
  const found: string[] = [];
  const attr = /\b(?:src|href|srcset|poster|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi;
  for (const m of stripped.matchAll(attr)) found.push((m[1] ?? m[2] ?? m[3]).trim());
  const css = /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/gi;
  for (const m of stripped.matchAll(css)) found.push((m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5]).trim());
  return found.filter((u) => u !== "" && !/^(#|data:|blob:|mailto:|javascript:|about:)/i.test(u));
}
