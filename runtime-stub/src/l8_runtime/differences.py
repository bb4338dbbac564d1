"""The one table of the runtime's differences from Layotto, rendered into docs/DIFFERENCES.md.

Place in the runtime: documentation source. ``DIFFERENCES`` says, per behaviour, what Layotto does, what
l8-runtime does and why; ``render()`` turns it (plus the component type map of layotto_types.py) into the
Markdown page. ``python -m l8_runtime.differences --write docs/DIFFERENCES.md`` regenerates the page;
runtime-stub/tests/test_differences.py fails when the page and this table disagree.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from .layotto_types import LAYOTTO_TYPES


@dataclass(frozen=True)
class Difference:
    area: str
    layotto: str
    runtime: str
    why: str


# Behaviour taken from Layotto where its proto comments (or Dapr) would suggest otherwise.
AS_LAYOTTO: tuple[Difference, ...] = (
    Difference(
        "State etag `\"0\"`",
        'The Redis store treats etag `"0"` as "no etag"; the js-sdk sends it on every call without one.',
        'Same: `""` and `"0"` are "no etag".',
        "Layotto's own clients (js-sdk State tests) depend on it.",
    ),
    Difference(
        "State LAST_WRITE with an etag",
        "Its stores ignore the etag under LAST_WRITE (the go-sdk defaults every call to LAST_WRITE).",
        "Same: LAST_WRITE writes/deletes unconditionally; FIRST_WRITE and unspecified enforce the etag.",
        "Layotto's `demo/state` and go-sdk transactions with a stale etag must pass.",
    ),
    Difference(
        "State etag on a missing key",
        "The Redis store accepts a save or delete carrying an etag when the key does not exist.",
        "Same (any concurrency mode); a non-current etag on an existing key is ABORTED (not under "
        "LAST_WRITE).",
        "Mirrors the store Layotto's clients are tested against.",
    ),
    Difference(
        "Event envelope",
        "type `com.runtime.event.sent`, source `runtime`, data content type `text/plain` by default.",
        "Same defaults; a publisher's data_content_type is kept.",
        "Subscribers written for Layotto check these fields.",
    ),
    Difference(
        "AppCallback subscriptions",
        "ListTopicSubscriptions is asked once at start.",
        "Once at start; again on control SetAppCallback (also with the same address), ConfigureLoopbackApp "
        "and when the app's channel becomes READY again; a publish fetches only while no fetch succeeded.",
        "An app busy at publish time must not lose events; a restarted test app must be picked up.",
    ),
    Difference(
        "SubscribeConfiguration",
        "The in-memory config store sends the current values first.",
        "Every watch request is answered at once with the watched items' current values (empty `items` "
        "if none), then one message per change.",
        "SDK watch helpers use the first message as the \"subscribed\" signal.",
    ),
    Difference(
        "Signed OSS URLs",
        "SignURL returns the cloud provider's presigned URL.",
        "URLs point at `http://<actuator host>:<bound --http-port>/oss/<store>/<bucket>/<key>`; the actuator "
        "serves GET/PUT there, checking signature, method and expiry (403 otherwise).",
        "A PresignedUrl must be fetchable and round-trip an object without a cloud account.",
    ),
)

# Where l8-runtime is deliberately stricter or different, and stays so.
STRICTER: tuple[Difference, ...] = (
    Difference(
        "Status codes",
        "Component errors often surface as UNKNOWN or INTERNAL.",
        "INVALID_ARGUMENT for bad input, NOT_FOUND for missing files/objects, FAILED_PRECONDITION when no "
        "component of the API is configured, ABORTED for etag conflicts; never UNKNOWN/INTERNAL for bad "
        "input.",
        "SDK users and the compat harness branch on codes; an INTERNAL for a typo hides the cause.",
    ),
    Difference(
        "File names",
        "The local file store uses the name as a host path.",
        "Names are confined to the store's root (a name resolving outside it is INVALID_ARGUMENT).",
        "A local stand-in must never write outside its data directory.",
    ),
    Difference(
        "Unknown component names",
        "An error naming the component only.",
        "INVALID_ARGUMENT listing the configured components of that API.",
        "The usual mistake is a name from another config; the list shows the right one at once.",
    ),
    Difference(
        "Configuration files",
        "Starts whatever component types are compiled in; listener addresses come from the file.",
        "Layotto component types are mapped to local equivalents (table below, one warning each); a type "
        "with no equivalent fails start-up naming the file and component; ports come from --grpc-port/"
        "--http-port; a relative `secretsFile` missing from the working directory is looked up next to "
        "the config file.",
        "A developer's existing Layotto config runs against the local stand-in without external services.",
    ),
)


def _table(rows: tuple[Difference, ...]) -> list[str]:
    out = ["| Area | Layotto | l8-runtime | Why |", "|---|---|---|---|"]
    for d in rows:
        out.append(f"| {d.area} | {d.layotto} | {d.runtime} | {d.why} |")
    return out


def render() -> str:
    lines = [
        "<!-- Generated by `python -m l8_runtime.differences --write docs/DIFFERENCES.md` from",
        "     runtime-stub/src/l8_runtime/differences.py and layotto_types.py. DO NOT EDIT. -->",
        "# Differences from Layotto",
        "",
        "l8-runtime is a local stand-in for a Layotto sidecar: Layotto's own SDKs, demos and configuration",
        "files run against it. The wire API is identical (proto/); the behaviours below are where a reader",
        "of the proto comments, or of Layotto's code, could expect something else.",
        "",
        "## Layotto's behaviour, not the proto comment's",
        "",
        *_table(AS_LAYOTTO),
        "",
        "## Deliberately stricter or different",
        "",
        *_table(STRICTER),
        "",
        "## Layotto component types in `--config` files",
        "",
        "Types the runtime implements itself (e.g. `in-memory`, `local`, `local.file`, `local.env`,",
        "`helloworld`) are used as they are. These Layotto types are mapped; their metadata is ignored:",
        "",
        "| API | Layotto types | served by | what differs |",
        "|---|---|---|---|",
    ]
    for api in sorted(LAYOTTO_TYPES):
        groups: dict[tuple[str, str], list[str]] = {}
        for type_, m in sorted(LAYOTTO_TYPES[api].items()):
            groups.setdefault((m.runtime_type, m.note), []).append(f"`{type_}`")
        for (runtime_type, note), types in sorted(groups.items()):
            lines.append(f"| {api} | {', '.join(types)} | `{runtime_type}` | {note} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m l8_runtime.differences", description=__doc__)
    parser.add_argument("--write", type=Path, help="write the page there (default: print it)")
    args = parser.parse_args(argv)
    if args.write is None:
        sys.stdout.write(render())
    else:
        args.write.write_text(render(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
