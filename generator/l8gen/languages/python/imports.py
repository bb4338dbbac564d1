"""Import blocks for generated Python modules, laid out the way ruff's isort rules expect.

Pipeline place: helper of ``languages.python.layer`` (the Python language view): a view collects the names a
generated module uses and renders one sorted, grouped import block (``from __future__`` / standard library /
third party / first party), so templates never compute imports and ``ruff check`` passes on the output.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

LINE = 110


def _kind(name: str) -> int:
    """ruff's order-by-type: CONSTANTS, then Classes, then everything else."""
    if name.isupper() and len(name) > 1:
        return 0
    if name[:1].isupper():
        return 1
    return 2


def _name_key(name: str) -> tuple[int, str, str]:
    base = name.split(" as ")[0]
    return (_kind(base), base.lower(), base)


def _module_key(module: str) -> tuple[str, str]:
    return (module.lower(), module)


class Imports:
    """The imports of one generated module (``first_party``: the SDK package and sibling top-levels)."""

    def __init__(self, first_party: Iterable[str]) -> None:
        self.first_party = set(first_party)
        self._plain: set[str] = set()
        self._from: dict[str, set[str]] = {}
        self._aliased: set[tuple[str, str, str]] = set()

    def add(self, module: str, *names: str) -> Imports:
        """``import module`` (no names) or ``from module import name...``."""
        if not names:
            self._plain.add(module)
        else:
            self._from.setdefault(module, set()).update(names)
        return self

    def add_as(self, module: str, name: str, alias: str) -> Imports:
        """``from module import name as alias`` (plain ``from`` import when ``alias == name``)."""
        if alias == name:
            return self.add(module, name)
        self._aliased.add((module, name, alias))
        return self

    def add_dotted(self, dotted: str, alias: str) -> Imports:
        """Import the module ``a.b.c`` as ``alias`` (``from a.b import c [as alias]``)."""
        parent, _, leaf = dotted.rpartition(".")
        return self.add_as(parent, leaf, alias) if parent else self.add(dotted)

    def _group(self, module: str) -> int:
        root = module.split(".")[0]
        if module == "__future__":
            return 0
        if root in self.first_party:
            return 3
        if root in sys.stdlib_module_names:
            return 1
        return 2

    @staticmethod
    def _from_line(module: str, names: list[str]) -> str:
        line = f"from {module} import {', '.join(names)}"
        if len(line) <= LINE:
            return line
        return f"from {module} import (\n" + "".join(f"    {n},\n" for n in names) + ")"

    def render(self) -> str:
        groups: dict[int, list[tuple[tuple[int, str, str], str]]] = {}
        for module in self._plain:
            groups.setdefault(self._group(module), []).append(((0, *_module_key(module)), f"import {module}"))
        froms: dict[str, list[str]] = {m: sorted(n, key=_name_key) for m, n in self._from.items()}
        for module, name, alias in self._aliased:
            froms.setdefault(module, []).append(f"{name} as {alias}")
        for module, names in froms.items():
            plain = [n for n in names if " as " not in n]
            aliased = sorted((n for n in names if " as " in n), key=_name_key)
            lines = ([self._from_line(module, sorted(plain, key=_name_key))] if plain else []) + [
                f"from {module} import {n}" for n in aliased]
            for i, line in enumerate(lines):
                groups.setdefault(self._group(module), []).append(((1, *_module_key(module)), f"{i}\0{line}"))
        blocks = []
        for group in sorted(groups):
            entries = sorted(groups[group], key=lambda e: (e[0], e[1]))
            blocks.append("\n".join(text.split("\0", 1)[-1] for _, text in entries))
        return "\n\n".join(blocks)
