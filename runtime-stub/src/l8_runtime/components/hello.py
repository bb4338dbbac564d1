"""Hello components (`hellos` API): Layotto's ``helloworld``.

Place in the runtime: the component behind Runtime.SayHello. The greeting is metadata ``hello`` (default
"greetings"); with a name the answer is "<greeting>, <name>". Lifecycle.ApplyConfiguration with new
``hello`` metadata changes the greeting at run time (Layotto's dynamic-configuration demo).
"""

from __future__ import annotations

from .base import Component


class HelloWorld(Component):
    api = "hellos"
    type_name = "helloworld"

    def configure(self, metadata: dict[str, str]) -> None:
        self.greeting = metadata.get("hello", "") or "greetings"
        super().configure(metadata)

    def say(self, name: str) -> str:
        return f"{self.greeting}, {name}" if name else self.greeting
