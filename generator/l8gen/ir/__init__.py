"""The IR stage: ``model`` (records), ``builder`` (FileDescriptorSet -> Api), ``comments``."""
