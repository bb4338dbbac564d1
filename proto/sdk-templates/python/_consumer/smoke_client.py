"""Publishing smoke test, Python: a user's program calling the runtime through the *installed* l8sdk wheel.

Run by ``l8dev.publish.smoke`` with a fresh venv's python, outside the repository. Inputs (environment):
L8_GRPC_ENDPOINT, L8_SMOKE_NAME, L8_SMOKE_KEY, L8_SMOKE_VALUE, L8_SMOKE_FILE (name in the file store),
L8_SMOKE_UPLOAD (local file to upload). Prints one JSON line with what the runtime answered.
"""

import hashlib
import json
import os

import l8sdk
from l8sdk import Client
from l8sdk.pb import runtime_pb2

CHUNK = 64 * 1024


def main() -> None:
    env = os.environ
    with Client() as client:  # endpoint from L8_GRPC_ENDPOINT
        client.wait_for_ready(timeout=30)
        hello = client.say_hello(service_name="helloworld", name=env["L8_SMOKE_NAME"], timeout=10).hello
        item = runtime_pb2.StateItem(key=env["L8_SMOKE_KEY"], value=env["L8_SMOKE_VALUE"].encode())
        client.save_state(store_name="state_demo", states=[item], timeout=10)
        state = client.get_state(store_name="state_demo", key=env["L8_SMOKE_KEY"], timeout=10)
        # client stream: the chunked upload helper; server stream: GetFile, one message per chunk
        client.put_file_from_path(
            env["L8_SMOKE_UPLOAD"],
            store_name="file_demo",
            name=env["L8_SMOKE_FILE"],
            chunk_size=CHUNK,
            timeout=30,
        )
        digest, size, chunks = hashlib.sha256(), 0, 0
        for reply in client.get_file(store_name="file_demo", name=env["L8_SMOKE_FILE"], timeout=30):
            digest.update(reply.data)
            size += len(reply.data)
            chunks += 1
    result = {
        "sdk_version": l8sdk.__version__,
        "loaded_from": os.path.dirname(os.path.abspath(l8sdk.__file__)),
        "hello": hello,
        "state_value": state.data.decode(),
        "file_size": size,
        "file_sha256": digest.hexdigest(),
        "file_chunks": chunks,
    }
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
