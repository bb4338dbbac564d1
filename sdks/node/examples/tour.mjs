// A tour of @l8sdk/sdk against the reference runtime (`nox -s demo` runs it; after `npm run build`):
// state with etags, publish + subscribe, a lock, a file round trip and a typed error, one line per step.
// The endpoint comes from L8_GRPC_ENDPOINT (default 127.0.0.1:34904).
import { Client, L8Error, UnlockResponse_Status } from "@l8sdk/sdk";

const client = new Client();
const text = new TextDecoder();
const bytes = (s) => new TextEncoder().encode(s);
await client.waitForReady({ timeoutMs: 30000 });

// 1. state with optimistic concurrency: every write gives the key a new etag
const save = (value, etag) =>
  client.saveState({ storeName: "state_demo", states: [{ key: "order-42", value: bytes(value), etag: etag && { value: etag } }] });
await save("placed");
const got = await client.getState({ storeName: "state_demo", key: "order-42" });
await save("paid", got.etag);
const stale = await save("lost", got.etag).catch((err) => err); // the etag we read is stale now
console.log(`1 state    order-42=${JSON.stringify(text.decode(got.data))} etag=${got.etag.slice(0, 8)}; ` +
  `paid with that etag; stale etag -> ${stale.code}`);

// 2. publish + subscribe (the SDK keeps a SubscribeTopicEvents stream open and acks each event)
let delivered;
const received = new Promise((resolve) => { delivered = resolve; });
const sub = client.subscribe("pub_subs_demo", "orders", (event) => {
  delivered(text.decode(event.data));
  return "SUCCESS";
});
await sub.ready;
await client.publishEvent({ pubsubName: "pub_subs_demo", topic: "orders", data: bytes("order 42 paid") });
console.log(`2 pub/sub  published to 'orders', handler received ${JSON.stringify(await received)}`);
sub.close();

// 3. a distributed lock: one owner at a time
const lock = (owner) => client.tryLock({ storeName: "lock_demo", resourceId: "order-42", lockOwner: owner, expire: 10 });
const alice = await lock("alice");
const bob = await lock("bob");
const unlocked = await client.unlock({ storeName: "lock_demo", resourceId: "order-42", lockOwner: "alice" });
console.log(`3 lock     alice got it: ${alice.success}; bob got it: ${bob.success}; ` +
  `alice unlock: ${UnlockResponse_Status[unlocked.status]}`);

// 4. a file round trip (client-streaming upload, server-streaming download)
await client.putFile([{ storeName: "file_demo", name: "receipt.txt", data: bytes("order 42: paid") }]);
let data = "";
for await (const chunk of client.getFile({ storeName: "file_demo", name: "receipt.txt" })) {
  data += text.decode(chunk.data);
}
console.log(`4 file     put receipt.txt, read back ${JSON.stringify(data)}`);

// 5. every failure is one typed error: L8Error with a status code, message and details
try {
  await client.getState({ storeName: "no_such_store", key: "k" });
} catch (err) {
  if (!(err instanceof L8Error)) throw err;
  console.log(`5 error    getState(no_such_store) -> L8Error ${err.code}: ${err.rawMessage.split(";")[0]}`);
}
client.close();
