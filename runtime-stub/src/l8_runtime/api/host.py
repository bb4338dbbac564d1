"""What every servicer needs from the running runtime: components, context, app-callback link, loopback app.

Place in the runtime: built by server.py and handed to each servicer; keeps servicers free of start-up
details. ``component`` adds the "name is required" check in front of the registry lookup.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from ..components.base import Component
from ..components.registry import Components
from ..config import API_LABELS
from ..context import RuntimeContext
from ..errors import invalid, none_configured

if TYPE_CHECKING:
    from .appcallback import AppCallbackLink, LoopbackApp

C = TypeVar("C", bound=Component)


class Host:
    """What the servicers share: the components, the runtime context and the app callback link. A plain
    class: a dataclass costs ~0.5 ms of start-up to create (bench/notes.py)."""

    def __init__(self, components: Components, ctx: RuntimeContext, link: AppCallbackLink | None = None,
                 loopback: LoopbackApp | None = None, info: dict[str, Any] | None = None) -> None:
        self.components, self.ctx, self.link, self.loopback = components, ctx, link, loopback
        self.info: dict[str, Any] = info if info is not None else {}

    def component(self, api: str, name: str, field_name: str, cls: type[C] = Component) -> C:  # type: ignore[assignment]
        if not self.components.names(api):
            raise none_configured(API_LABELS[api])
        if not name:
            configured = ", ".join(f'"{n}"' for n in self.components.names(api))
            raise invalid(f"`{field_name}` is required; configured: [{configured}]", field=field_name)
        return self.components.get(api, name, field_name, cls)
