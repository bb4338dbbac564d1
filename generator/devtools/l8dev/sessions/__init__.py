"""The nox sessions of the repository, by concept (``noxfile.py`` only imports these modules and fixes the
order of ``nox -s ci``).

Pipeline place: the entry points of every workflow around the generator — ``base`` (dev venv, ``dev_run``,
``ci_step``, local runtime), ``core`` (bootstrap, lint, tests, generate, bench, fuzz, demo, docs, ci),
``compat`` (the harness), ``sdks`` (each language's own build/lint/test),
``slow`` (the SDKs' slow tests side by side), ``evolution`` (api-check, skew),
``publish``. Standard library + nox only: nox imports them with its own interpreter.
"""
