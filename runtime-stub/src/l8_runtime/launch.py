"""The ``l8-runtime`` console script and ``python -m l8_runtime``: start-up without cyclic garbage collection.

Place in the runtime: the process entry point, in front of ``cli.main``. It turns the cyclic garbage
collector off, then imports and runs the CLI, which turns it back on as soon as the READY line is out
(``cli._serve``). Start-up imports ~400 modules and builds the components and servicers: objects that live as
long as the process, with next to no cyclic garbage, so the collections their allocations trigger free
nothing. They cost ~15 ms, 7 % of the start to READY (A/B, bench/notes.py). A program that imports the CLI
itself keeps its collector as it is.
"""

from __future__ import annotations

import gc


def main() -> None:
    gc.disable()  # re-enabled by cli._serve once READY is printed
    from .cli import main as cli_main

    cli_main()
