"""``python -m l8_runtime`` runs the CLI (through ``launch``, as the console script does)."""

from .launch import main

main()
