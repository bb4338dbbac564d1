"""Error types shared by every stage of the generator pipeline.

Every user mistake (bad proto, unknown import, naming collision, bad configuration, template error) is raised
as an ``L8genError`` subclass whose message is already fit for the user (``file:line:col: message`` for
protos). The CLI and the protoc plugin print it and exit non-zero; nothing else may surface as a traceback.
"""

from __future__ import annotations


class L8genError(Exception):
    """A problem in the user's input; ``str(err)`` is the complete message to show."""


class ProtoError(L8genError):
    """protoc rejected the .proto input (syntax error, unknown import, type error...)."""


class ConfigError(L8genError):
    """Bad ``[tool.l8gen]`` configuration or command-line options."""


class NamingError(L8genError):
    """Two proto elements map to the same identifier in a target language (after escaping/overrides)."""


class TemplateError(L8genError):
    """A (user) template failed to load or render."""
