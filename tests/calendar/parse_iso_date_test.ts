import assert from "node:assert/strict";
import { parseIsoDate } from "@lib/calendar/mod.ts";

Deno.test("parseIsoDate() returns real calendar dates unchanged", () => {
  for (const d of ["2025-01-01", "2024-02-29", "2000-02-29", "2027-12-31", "1900-02-28"]) {
    assert.equal(parseIsoDate(d), d);
  }
});

Deno.test("parseIsoDate() rejects unreal dates and other forms, naming the value", () => {
  const bad = [
    "2025-13-01",
    "2025-02-30",
    "2025-02-29",
    "1900-02-29",
    "2025-00-10",
    "2025-04-31",
    "abc",
    "",
    "2025-1-1",
    "2025/01/01",
    "2025-01-01T00:00:00Z",
    "20250101",
  ];
  for (const s of bad) {
    assert.throws(() => parseIsoDate(s), {
      name: "RangeError",
      message: "Cannot parse date: expected a real calendar date in the form YYYY-MM-DD, " +
        `got ${JSON.stringify(s)}`,
    }, s);
  }
  assert.throws(() => parseIsoDate(20250101 as unknown as string), {
    name: "RangeError",
    message:
      "Cannot parse date: expected a real calendar date in the form YYYY-MM-DD, got 20250101",
  });
});
