import assert from "node:assert/strict";
import { loadConfig, redactConfig, REDACTED, redactText, secretsOf } from "@lib/config/mod.ts";

const KEY = "pk_Zx81-secret";

Deno.test("redactText() replaces every occurrence of each secret", () => {
  assert.equal(
    redactText(`key ${KEY} then ${KEY}${KEY}`, [KEY, "other"]),
    "key *** then ******",
  );
  assert.equal(redactText("nothing to hide", [KEY]), "nothing to hide");
  // an empty secret must not turn every gap into ***
  assert.equal(redactText("abc", [""]), "abc");
});

Deno.test("redactText() hides apiKey query values and Bearer tokens without being told them", () => {
  assert.equal(
    redactText("GET https://api.polygon.io/v2/aggs?adjusted=true&apiKey=UNKNOWN123&limit=5"),
    "GET https://api.polygon.io/v2/aggs?adjusted=true&apiKey=***&limit=5",
  );
  assert.equal(
    redactText("url ?api_key=abc#frag and ?APIKEY=def"),
    "url ?api_key=***#frag and ?APIKEY=***",
  );
  assert.equal(
    redactText('{"Authorization":"Bearer eyJ.abc-def_ghi="}'),
    '{"Authorization":"Bearer ***"}',
  );
});

Deno.test("redactConfig() replaces the API key and leaves the rest and the original alone", () => {
  const config = loadConfig({ env: { POLYGON_API_KEY: KEY } });
  const redacted = redactConfig(config);
  assert.equal(redacted.source.polygon.apiKey, REDACTED);
  assert.equal(config.source.polygon.apiKey, KEY);
  assert.deepEqual({ ...redacted, source: { ...redacted.source, polygon: {} } }, {
    ...config,
    source: { ...config.source, polygon: {} },
  });
  assert.ok(!JSON.stringify(redacted).includes(KEY));
});

Deno.test("redactConfig() keeps a missing key null, and secretsOf() lists only a set key", () => {
  const config = loadConfig({});
  assert.equal(redactConfig(config).source.polygon.apiKey, null);
  assert.deepEqual(secretsOf(config), []);
  assert.deepEqual(secretsOf(loadConfig({ dotenvText: `POLYGON_API_KEY=${KEY}` })), [KEY]);
});

Deno.test("the flat files' S3 keys come from the environment and are redacted like the API key", () => {
  const id = "AKIAEXAMPLE12345", secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
  const config = loadConfig({
    env: { POLYGON_S3_ACCESS_KEY_ID: id, POLYGON_S3_SECRET_ACCESS_KEY: secret },
  });
  assert.deepEqual(
    [config.source.flatfiles.accessKeyId, config.source.flatfiles.secretAccessKey],
    [id, secret],
  );
  assert.deepEqual(secretsOf(config), [id, secret]);
  const copy = redactConfig(config);
  assert.deepEqual(
    [copy.source.flatfiles.accessKeyId, copy.source.flatfiles.secretAccessKey],
    [REDACTED, REDACTED],
  );
  assert.equal(config.source.flatfiles.secretAccessKey, secret, "the original is untouched");
  const header = `AWS4-HMAC-SHA256 Credential=${id}/20250303/us-east-1/s3/aws4_request, ` +
    "SignedHeaders=host;x-amz-date, Signature=0123abcd";
  assert.equal(
    redactText(header),
    "AWS4-HMAC-SHA256 Credential=***, SignedHeaders=host;x-amz-date, Signature=***",
  );
  assert.equal(
    redactText("GET /b/k?X-Amz-Credential=AKIA%2F1&X-Amz-Signature=ff00 failed"),
    "GET /b/k?X-Amz-Credential=***&X-Amz-Signature=*** failed",
  );
});
