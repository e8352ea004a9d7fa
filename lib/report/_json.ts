/**
 * JSON text that is safe inside an HTML `<script>` element: `<`, `>`, `&` and the two
 * JavaScript line separators are written as `\u` escapes (still valid JSON). Typed arrays
 * become plain arrays; NaN and ±Infinity become null, as in `JSON.stringify`.
 */
export function scriptSafeJson(value: unknown): string {
  const text = JSON.stringify(value, (_key, v) => {
    if (ArrayBuffer.isView(v) && !(v instanceof DataView)) {
      return Array.from(v as unknown as ArrayLike<number>);
    }
    return v;
  });
  return text.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
