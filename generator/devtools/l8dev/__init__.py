"""l8dev: the repository's own development tooling — not part of the ``l8gen`` distribution.

Pipeline place: around the generator, never inside it. ``l8dev.toolchain`` installs and starts what the
pipeline needs on a machine (apt packages, Go plugins, npm tools, dockerd, the runtime image/container);
``l8dev.publish`` builds, smoke-tests and uploads the SDK packages. Both read the language folders of
``l8gen`` (registry, ``language.toml``, ``consumer/``); ``l8gen`` never imports ``l8dev``.
"""
