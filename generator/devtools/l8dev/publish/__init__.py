"""Publishing: the release end of the pipeline (proto -> ... -> sdks/<lang>/ -> **release artifacts**).

``nox -s publish`` turns the generated, checked-in SDKs into the files a registry takes, then proves each one
installs and works from a clean environment; ``nox -s upload -- --yes`` sends them to the registries.

- ``release``  what is being released: ``[tool.l8gen]`` (one version for all SDKs), names, tag, staging of
  the exact files an SDK's ``.l8gen-manifest.json`` lists (hash-checked), ``dist/release.json``.
- ``archive``  deterministic tar.gz writer (C++ source package) and artifact digests.
- ``gomod``    the Go module zip in a file-based GOPROXY layout, made by the pinned helper program in
  ``gomodzip/`` (golang.org/x/mod/zip + dirhash), so the bytes are what the real module proxy serves.
- ``build``    ``python -m l8dev.publish.build``: wheel + sdist (+ ``twine check``), npm tarball, Go proxy
  tree + tag name, C++ source package, into ``dist/``; each artifact independent of the others.
- ``smoke``    ``python -m l8dev.publish.smoke``: one runtime container (testcontainers), then per artifact a
  clean-room install (new venv / npm project / Go module through GOPROXY=file:// / CMake install + consumer)
  running the programs in ``consumers/`` and checking what they print.
- ``upload``   ``python -m l8dev.publish.upload --yes``: twine, npm publish, git push of the Go tag, a GitHub
  release asset for C++; credentials only from the environment; refuses in CI.
"""
