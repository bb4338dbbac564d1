"""Toolchain: what the pipeline needs around the generator, installed and started by the project itself.

Not part of the generation pipeline (proto -> descriptors -> IR -> templates -> sdks); it prepares the machine
it runs on: ``bootstrap`` installs the Debian packages, the pinned Go protoc plugins and the npm tools, and
``engine`` makes sure a Docker engine answers (starting ``dockerd`` when none does) so the harness can run the
runtime image (built by ``runtime-stub/image/build.py``) with testcontainers. Stdlib only, so it runs before
anything else is installed.
"""
