import { equal } from "node:assert/strict";
import { REDACTED, redactUrl } from "../../../lib/sources/polygon/mod.ts";
import { redactSecret } from "../../../lib/sources/polygon/_redact_secret.ts";

Deno.test("redactUrl() replaces an apiKey that is the first query parameter", () => {
  equal(
    redactUrl(
      "https://api.polygon.io/v2/aggs/ticker/SPY/range/1/minute/1/2?apiKey=abc123&sort=asc",
    ),
    "https://api.polygon.io/v2/aggs/ticker/SPY/range/1/minute/1/2?apiKey=REDACTED&sort=asc",
  );
});

Deno.test("redactUrl() replaces an apiKey after a cursor and keeps the fragment", () => {
  equal(
    redactUrl("http://127.0.0.1:8765/v2/reference/news?cursor=YWJj&apiKey=k%2Fy#top"),
    "http://127.0.0.1:8765/v2/reference/news?cursor=YWJj&apiKey=REDACTED#top",
  );
});

Deno.test("redactUrl() matches apikey and api_key in any case, and Bearer tokens", () => {
  equal(
    redactUrl("/x?APIKEY=a&api_key=b&ApiKey=c"),
    "/x?APIKEY=REDACTED&api_key=REDACTED&ApiKey=REDACTED",
  );
  equal(redactUrl("Authorization: Bearer s3cr3t"), `Authorization: Bearer ${REDACTED}`);
});

Deno.test("redactUrl() redacts URLs inside free text such as a fetch error", () => {
  equal(
    redactUrl(
      "error sending request for url (http://127.0.0.1:1/v2/x?apiKey=zzz): connection refused",
    ),
    "error sending request for url (http://127.0.0.1:1/v2/x?apiKey=REDACTED): connection refused",
  );
});

Deno.test("redactUrl() leaves text without keys unchanged", () => {
  const url = "https://api.polygon.io/v3/reference/options/contracts?cursor=YXA9&limit=1000";
  equal(redactUrl(url), url);
  equal(redactUrl("/v2/x?myapiKey=1"), "/v2/x?myapiKey=1");
});

Deno.test("redactSecret() also removes the bare key and its URL-encoded form", () => {
  const key = "k/y+1";
  equal(
    redactSecret(`key ${key} and ${encodeURIComponent(key)} and ?apiKey=${key}`, key),
    "key REDACTED and REDACTED and ?apiKey=REDACTED",
  );
});
