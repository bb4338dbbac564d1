"""Go names of the feature helpers (topic subscription, configuration watch, callback server, hello).

Pipeline place: ``go.target.template_context`` calls ``topic_names`` / ``callback_names`` / ``hello_names``
with the API's ``Features`` (ir.model): every Go type and field the helper templates spell is computed here
from the feature RPCs' messages, as protoc-gen-go names them, so the templates name no RPC or message.
"""

from __future__ import annotations

from collections.abc import Mapping

from l8gen.ir.model import Api, Features, Message, Method
from l8gen.languages.go.naming import GoNaming, go_camel_case, unexported
from l8gen.records import record


@record
class GoTopicNames:
    """The topic subscription's request parts and event/ack messages (Go types qualified by alias)."""

    rpc: str  # proto name of the RPC (docs)
    label: str  # <Service>.<Method> (docs)
    initial: str  # type of the subscribe part of the request
    processed: str  # type of the ack part of the request
    oneof: str  # the request's oneof struct field
    wrap_initial: str  # the oneof wrapper types and their fields
    wrap_processed: str
    initial_field: str
    processed_field: str
    event: str
    ack: str
    response_oneof: str = ""  # the response's oneof struct field, its wrappers and their fields
    wrap_initial_response: str = ""
    initial_response_field: str = ""
    initial_response: str = ""  # type of the subscription confirmation
    wrap_event: str = ""
    event_field: str = ""


@record
class GoCallbackNames:
    """The callback service's Go server implementation: its RPC names and message types."""

    service: str  # proto name of the app service (docs)
    impl: str  # the unexported struct implementing the stub's server interface
    list_rpc: str
    event_rpc: str
    list_response: str
    subscription: str  # element type of the listing response's repeated field
    event: str
    ack: str


class _Types:
    def __init__(self, api: Api, aliases: Mapping[str, str]) -> None:
        self.api = api
        self.aliases = aliases
        self.naming = GoNaming(api)

    def message(self, full_name: str) -> Message:
        return self.api.message(full_name)

    def ref(self, full_name: str) -> str:
        package = self.message(full_name).package
        return f"{self.aliases.get(package, '')}.{self.naming.go_type(full_name)}"


def _label(api: Api, method: Method) -> str:
    return f"{api.service(method.full_name.rsplit('.', 1)[0]).name}.{method.name}"


def topic_names(api: Api, features: Features, aliases: Mapping[str, str]) -> GoTopicNames | None:
    topic = features.topic_subscription
    if topic is None:
        return None
    t = _Types(api, aliases)
    request = t.message(topic.input_type)
    initial = next(f for f in request.fields if f.name == "initial_request")
    processed = next(f for f in request.fields if f.name == "event_processed")
    event = next(f for f in t.message(topic.output_type).fields if f.name == "event_message")
    ack = next(f for f in t.message(processed.type.name).fields if f.name == "status")
    response = t.message(topic.output_type)
    confirmed = next(f for f in response.fields if f.name == "initial_response")
    req, resp = t.ref(topic.input_type), t.ref(topic.output_type)
    return GoTopicNames(
        rpc=topic.name, label=_label(api, topic), initial=t.ref(initial.type.name),
        processed=t.ref(processed.type.name), oneof=go_camel_case(initial.oneof or ""),
        wrap_initial=f"{req}_{GoNaming.go_field(request, initial)}",
        wrap_processed=f"{req}_{GoNaming.go_field(request, processed)}",
        initial_field=GoNaming.go_field(request, initial),
        processed_field=GoNaming.go_field(request, processed),
        event=t.ref(event.type.name), ack=t.ref(ack.type.name),
        response_oneof=go_camel_case(event.oneof or ""),
        wrap_initial_response=f"{resp}_{GoNaming.go_field(response, confirmed)}",
        initial_response_field=GoNaming.go_field(response, confirmed),
        initial_response=t.ref(confirmed.type.name),
        wrap_event=f"{resp}_{GoNaming.go_field(response, event)}",
        event_field=GoNaming.go_field(response, event),
    )


def callback_names(api: Api, features: Features, aliases: Mapping[str, str]) -> GoCallbackNames | None:
    listing, event = features.callback_listing, features.callback_event
    if listing is None or event is None:
        return None
    t = _Types(api, aliases)
    service = api.service(event.full_name.rsplit(".", 1)[0])
    listed = next(f for f in t.message(listing.output_type).fields if f.repeated and f.type.kind == "message")
    return GoCallbackNames(
        service=service.name, impl=unexported(service.name), list_rpc=listing.name, event_rpc=event.name,
        list_response=t.ref(listing.output_type), subscription=t.ref(listed.type.name),
        event=t.ref(event.input_type), ack=t.ref(event.output_type),
    )
