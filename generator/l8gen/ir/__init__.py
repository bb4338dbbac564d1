"""The IR stage: ``model`` (frozen dataclasses), ``builder`` (FileDescriptorSet -> Api), ``comments``."""
