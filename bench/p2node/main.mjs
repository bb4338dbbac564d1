// The Node client of the P2 benchmark (bench/p2_native.py): N getState calls through the l8sdk Node client,
// then N through a raw connect-es client (createClient + createGrpcTransport, no interceptors), alternating
// for several rounds. Between segments it reads process.ppid, which calls libc getppid(): callgrind dumps
// its counters there (--dump-before=getppid), so each segment is one round of one side.
// Usage: node main.mjs <sdks/node dir> <host:port> <rounds> <calls> [flat]  (flat: the SDK side calls the
// flattened form getStateFlat(store, key))
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const [sdkDir, target, roundsArg, callsArg, form] = process.argv.slice(2);
const rounds = Number(roundsArg);
const calls = Number(callsArg);
const require = createRequire(`${sdkDir}/package.json`);
const load = (name) => import(pathToFileURL(require.resolve(name)).href);
const { createClient } = await load("@connectrpc/connect");
const { createGrpcTransport } = await load("@connectrpc/connect-node");
const sdk = await import(pathToFileURL(`${sdkDir}/dist/index.js`).href);
const { Runtime } = await import(pathToFileURL(`${sdkDir}/dist/gen/spec/proto/runtime/v1/runtime_pb.js`).href);

const client = new sdk.Client({ endpoint: target, env: {} });
const raw = createClient(Runtime, createGrpcTransport({ baseUrl: `http://${target}` }));
const request = () => ({ storeName: "state_demo", key: "bench-key" });
let marks = 0;
const marker = () => {
  marks += process.ppid > 0 ? 1 : 0;
};
for (let i = 0; i < 50; i++) {
  await client.getState(request());
  await raw.getState(request());
}
const sdkCall = form === "flat" ? () => client.getStateFlat("state_demo", "bench-key") : () => client.getState(request());
await sdkCall();
for (let r = 0; r < rounds; r++) {
  marker();
  for (let i = 0; i < calls; i++) await sdkCall();
  marker();
  for (let i = 0; i < calls; i++) await raw.getState(request());
}
marker();
client.close();
if (marks !== 2 * rounds + 1) process.exit(1);
process.exit(0);
