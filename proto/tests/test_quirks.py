"""The upstream quirks that must survive compilation, one by one (camelCase fields, jstype, proto3 optional,
unused field numbers, enums; shared/reference/layotto-api-facts.md; helpers: descriptor_facts).
"""

from __future__ import annotations

import pytest
from descriptor_facts import FDP, RT, all_enums, all_messages
from google.protobuf import descriptor_pb2

# --------------------------------------------------------------------------------------------------------
# the quirks, one by one


def test_camel_case_transaction_fields_keep_their_json_names(
    api_fds: descriptor_pb2.FileDescriptorSet,
) -> None:
    messages = all_messages(api_fds)
    store = messages[f"{RT}.ExecuteStateTransactionRequest"].field[0]
    op = messages[f"{RT}.TransactionalStateOperation"].field[0]
    assert (store.name, store.json_name) == ("storeName", "storeName")
    assert (op.name, op.json_name) == ("operationType", "operationType")


def test_next_id_is_a_js_string(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    (field,) = all_messages(api_fds)[f"{RT}.GetNextIdResponse"].field
    assert field.type == FDP.TYPE_INT64
    assert field.options.jstype == descriptor_pb2.FieldOptions.JS_STRING


def test_dead_letter_topic_is_the_only_proto3_optional(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    optional = [
        (full, f.name)
        for full, m in all_messages(api_fds).items()
        if full.startswith(RT + ".")
        for f in m.field
        if f.proto3_optional
    ]
    assert optional == [(f"{RT}.SubscribeTopicEventsRequestInitial", "dead_letter_topic")]
    msg = all_messages(api_fds)[f"{RT}.SubscribeTopicEventsRequestInitial"]
    # proto3 optional is carried by a synthetic oneof named after the field.
    assert [o.name for o in msg.oneof_decl] == ["_dead_letter_topic"]


@pytest.mark.parametrize(
    ("message", "oneof", "members"),
    [
        (
            "SubscribeTopicEventsRequest",
            "subscribe_topic_events_request_type",
            ["initial_request", "event_processed"],
        ),
        (
            "SubscribeTopicEventsResponse",
            "subscribe_topic_events_response_type",
            ["initial_response", "event_message"],
        ),
    ],
)
def test_subscribe_topic_events_oneofs(
    api_fds: descriptor_pb2.FileDescriptorSet, message: str, oneof: str, members: list[str]
) -> None:
    msg = all_messages(api_fds)[f"{RT}.{message}"]
    assert [o.name for o in msg.oneof_decl] == [oneof]
    assert [f.name for f in msg.field if f.HasField("oneof_index") and f.oneof_index == 0] == members


@pytest.mark.parametrize(("message", "number"), [("InvokeServiceRequest", 2), ("TopicEventRequest", 9)])
def test_unused_upstream_field_numbers_stay_unused(
    api_fds: descriptor_pb2.FileDescriptorSet, message: str, number: int
) -> None:
    msg = all_messages(api_fds)[f"{RT}.{message}"]
    assert number not in {f.number for f in msg.field}
    assert any(r.start <= number < r.end for r in msg.reserved_range)


EXPECTED_ENUMS = {
    "HTTPExtension.Verb": [
        ("NONE", 0),
        ("GET", 1),
        ("HEAD", 2),
        ("POST", 3),
        ("PUT", 4),
        ("DELETE", 5),
        ("CONNECT", 6),
        ("OPTIONS", 7),
        ("TRACE", 8),
        ("PATCH", 9),
    ],
    "UnlockResponse.Status": [
        ("SUCCESS", 0),
        ("LOCK_UNEXIST", 1),
        ("LOCK_BELONG_TO_OTHERS", 2),
        ("INTERNAL_ERROR", 3),
    ],
    "LockKeepAliveResponse.Status": [
        ("SUCCESS", 0),
        ("LOCK_UNEXIST", 1),
        ("LOCK_BELONG_TO_OTHERS", 2),
        ("INTERNAL_ERROR", 3),
    ],
    "SequencerOptions.AutoIncrement": [("WEAK", 0), ("STRONG", 1)],
    "StateOptions.StateConcurrency": [
        ("CONCURRENCY_UNSPECIFIED", 0),
        ("CONCURRENCY_FIRST_WRITE", 1),
        ("CONCURRENCY_LAST_WRITE", 2),
    ],
    "StateOptions.StateConsistency": [
        ("CONSISTENCY_UNSPECIFIED", 0),
        ("CONSISTENCY_EVENTUAL", 1),
        ("CONSISTENCY_STRONG", 2),
    ],
    "TopicEventResponse.TopicEventResponseStatus": [("SUCCESS", 0), ("RETRY", 1), ("DROP", 2)],
}


def test_runtime_enums(api_fds: descriptor_pb2.FileDescriptorSet) -> None:
    actual = {
        full.removeprefix(RT + "."): [(v.name, v.number) for v in e.value]
        for full, e in all_enums(api_fds).items()
        if full.startswith(RT + ".")
    }
    assert actual == EXPECTED_ENUMS
