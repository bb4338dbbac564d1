/**
 * Publishing smoke test, Node: a user's TypeScript program calling the runtime through the *installed* npm
 * tarball of @l8sdk/sdk (compiled with tsc --strict against the package's own .d.ts, then run with node).
 *
 * Run by l8dev.publish.smoke in a new npm project outside the repository. Inputs (environment):
 * L8_GRPC_ENDPOINT, L8_SMOKE_NAME, L8_SMOKE_KEY, L8_SMOKE_VALUE, L8_SMOKE_FILE (name in the file store),
 * L8_SMOKE_UPLOAD (local file to upload). Prints one JSON line with what the runtime answered.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { dirname } from "node:path";

import { Client, SDK_VERSION } from "@l8sdk/sdk";
import type { GetStateResponse, SayHelloResponse } from "@l8sdk/sdk";

function need(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set`);
  return value;
}

const CHUNK = 64 * 1024;

const client = new Client(); // endpoint from L8_GRPC_ENDPOINT
try {
  await client.waitForReady({ timeoutMs: 30000 });
  const hello: SayHelloResponse = await client.sayHello(
    { serviceName: "helloworld", name: need("L8_SMOKE_NAME") },
    { timeoutMs: 10000 },
  );
  const key = need("L8_SMOKE_KEY");
  await client.saveState(
    { storeName: "state_demo", states: [{ key, value: new TextEncoder().encode(need("L8_SMOKE_VALUE")) }] },
    { timeoutMs: 10000 },
  );
  const state: GetStateResponse = await client.getState({ storeName: "state_demo", key }, { timeoutMs: 10000 });
  // client stream: the chunked upload helper; server stream: GetFile, one message per chunk
  await client.putFileFrom({ storeName: "file_demo", name: need("L8_SMOKE_FILE") }, need("L8_SMOKE_UPLOAD"), {
    chunkSize: CHUNK,
    timeoutMs: 30000,
  });
  const digest = createHash("sha256");
  let size = 0;
  let chunks = 0;
  for await (const reply of client.getFile({ storeName: "file_demo", name: need("L8_SMOKE_FILE") }, { timeoutMs: 30000 })) {
    digest.update(reply.data);
    size += reply.data.length;
    chunks += 1;
  }
  const result = {
    sdk_version: SDK_VERSION,
    loaded_from: dirname(createRequire(import.meta.url).resolve("@l8sdk/sdk")),
    hello: hello.hello,
    state_value: new TextDecoder().decode(state.data),
    file_size: size,
    file_sha256: digest.digest("hex"),
    file_chunks: chunks,
  };
  console.log(JSON.stringify(result));
} finally {
  client.close();
}
