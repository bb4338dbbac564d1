"""The identifiers of one reference call snippet, in a language's own spelling.

Pipeline place: computed by each language's hook (``reference.languages``), rendered by its partial
``_reference/call.j2`` (``reference.hooks``). Its own module so hooks and languages import it without a cycle.
"""

from __future__ import annotations

from l8gen.records import record


@record
class Arg:
    """One request field as the language spells it in a request literal/setter, with a placeholder value."""

    name: str  # the identifier (Python keyword, TS property, Go struct field, C++ accessor)
    value: str  # a literal of the field's type in that language


@record
class CallIdents:
    """Everything the call partial needs; all identifiers in the language's own spelling."""

    role: str  # "client" (the app calls it) or "app" (the app implements it, the runtime calls it)
    shape: str  # unary, server_stream, client_stream, bidi
    receiver: str  # what the method is called on: "client.runtime", "client", "client->runtime()"
    method: str  # the SDK method (or the handler method of an app service)
    request_type: str  # the request type as the snippet spells it
    response_type: str
    imports: tuple[str, ...]  # import lines the snippet needs (language syntax)
    args: tuple[Arg, ...]  # scalar request fields
    # the flattened forms (Method.signatures) as complete call expressions, e.g. ``client.get_item("...")``
    flattened: tuple[str, ...] = ()
