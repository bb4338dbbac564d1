"""``python -m l8_runtime`` runs the CLI."""

from .cli import main

main()
