"""The IR stage: ``model`` (records: frozen dataclasses, ``l8gen.records``), ``builder`` (FileDescriptorSet -> Api), ``comments``."""
