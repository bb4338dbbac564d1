"""A tour of the l8sdk Python SDK against the reference runtime (`nox -s demo` runs it).

State with etags, publish + subscribe, a lock, a file round trip and a typed error, one short line per step.
The endpoint comes from L8_GRPC_ENDPOINT (default 127.0.0.1:34904).
"""

import threading

from l8sdk import Client, L8Error, pb

rt = pb.runtime_pb2


def main() -> None:
    with Client() as client:
        client.wait_for_ready(timeout=30)

        # 1. state with optimistic concurrency: every write gives the key a new etag
        client.save_state(store_name="state_demo", states=[rt.StateItem(key="order-42", value=b"placed")])
        got = client.get_state(store_name="state_demo", key="order-42")
        stale = got.etag
        client.save_state(store_name="state_demo",
                          states=[rt.StateItem(key="order-42", value=b"paid", etag=rt.Etag(value=stale))])
        try:  # the etag we read is stale now
            client.save_state(store_name="state_demo",
                              states=[rt.StateItem(key="order-42", value=b"lost", etag=rt.Etag(value=stale))])
        except L8Error as err:
            print(f"1 state    order-42={got.data.decode()!r} etag={stale[:8]}; paid with that etag; "
                  f"stale etag -> {err.code}")

        # 2. publish + subscribe (the SDK keeps a SubscribeTopicEvents stream open and acks each event)
        received = threading.Event()
        events = []

        def on_order(event: pb.appcallback_pb2.TopicEventRequest) -> None:
            events.append(event.data.decode())
            received.set()

        subscription = client.subscribe_with_handler("pub_subs_demo", "orders", on_order)
        subscription.wait_subscribed(timeout=10)
        client.publish_event(pubsub_name="pub_subs_demo", topic="orders", data=b"order 42 paid")
        received.wait(timeout=10)
        subscription.close()
        print(f"2 pub/sub  published to 'orders', handler received {events[0]!r}")

        # 3. a distributed lock: one owner at a time
        alice = client.try_lock(store_name="lock_demo", resource_id="order-42", lock_owner="alice", expire=10)
        bob = client.try_lock(store_name="lock_demo", resource_id="order-42", lock_owner="bob", expire=10)
        unlocked = client.unlock(store_name="lock_demo", resource_id="order-42", lock_owner="alice")
        print(f"3 lock     alice got it: {alice.success}; bob got it: {bob.success}; "
              f"alice unlock: {rt.UnlockResponse.Status.Name(unlocked.status)}")

        # 4. a file round trip (client-streaming upload, server-streaming download)
        upload = rt.PutFileRequest(store_name="file_demo", name="receipt.txt", data=b"order 42: paid")
        client.put_file([upload])
        data = b"".join(c.data for c in client.get_file(store_name="file_demo", name="receipt.txt"))
        print(f"4 file     put receipt.txt, read back {data.decode()!r}")

        # 5. every failure is one typed error: L8Error with a status code, message and details
        try:
            client.get_state(store_name="no_such_store", key="k")
        except L8Error as err:
            print(f"5 error    get_state(no_such_store) -> L8Error {err.code}: {err.message.split(';')[0]}")


if __name__ == "__main__":
    main()
