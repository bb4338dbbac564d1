"""l8gen.languages.python.pb: official Python output re-homed under <package>._pb; fragments import."""

from __future__ import annotations

import dataclasses
import re
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from l8gen import pipeline
from l8gen.config import load_options
from l8gen.languages.python.pb import StartedPb, generate_pb, rewrite_imports
from l8gen.profile import ApiProfile

from tests.conftest import REPO, compile_proto, fragments_api


def test_rewrite_imports_only_touches_our_roots() -> None:
    text = (
        "from spec.proto.runtime.v1 import appcallback_pb2 as spec_dot_x\n"
        "from google.protobuf import empty_pb2 as google_dot_empty\n"
        "import spec.proto.runtime.v1.runtime_pb2\n"
        "    from l8.control.v1 import control_pb2\n"
        "from spectacle import x\n"
    )
    assert rewrite_imports(text, {"spec", "l8"}, "l8sdk._pb") == (
        "from l8sdk._pb.spec.proto.runtime.v1 import appcallback_pb2 as spec_dot_x\n"
        "from google.protobuf import empty_pb2 as google_dot_empty\n"
        "import l8sdk._pb.spec.proto.runtime.v1.runtime_pb2\n"
        "    from l8sdk._pb.l8.control.v1 import control_pb2\n"
        "from spectacle import x\n"
    )


def test_only_statements_that_begin_a_line_are_rewritten() -> None:
    text = 'x = 1; from spec.a import b\n# from spec.a import b\ns = "import spec.a.b"\n\t\x0cimport spec.b\n'
    expected = text.replace("\x0cimport spec", "\x0cimport p._pb.spec")  # only the last line's statement
    assert rewrite_imports(text, {"spec"}, "p._pb") == expected


def _rewrite_by_line_patterns(text: str, roots: set[str], pb: str, top: set[str] | None) -> str:
    """The rule ``rewrite_imports`` implements, as its first version wrote it: patterns anchored at line
    starts (``^\\s*``), which the engine tries at every position."""
    alternatives = "|".join(sorted(re.escape(r) for r in roots))
    text = re.sub(rf"^(\s*)from ({alternatives})((?:\.\w+)*) import ",
                  lambda m: f"{m.group(1)}from {pb}.{m.group(2)}{m.group(3)} import ", text, flags=re.M)
    text = re.sub(rf"^(\s*)import ({alternatives})((?:\.\w+)+)",
                  lambda m: f"{m.group(1)}import {pb}.{m.group(2)}{m.group(3)}", text, flags=re.M)
    if top:
        names = "|".join(sorted(re.escape(m) for m in top))
        text = re.sub(rf"^(\s*)import ({names})(_grpc)?( as \w+)?$",
                      lambda m: f"{m.group(1)}from {pb} import {''.join(m.groups('')[1:])}", text, flags=re.M)
    return text


_PIECES = ["from ", "import ", "spec", "l8", ".x", ".y_z", " import ", " as m", "maps_pb2", "_grpc", "\n",
           "\r\n", " ", "\t", "\x0c", "\u2003", "a", "#", "("]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=25).map("".join), st.booleans())
def test_rewrite_imports_follows_the_line_anchored_rule(text: str, with_top: bool) -> None:
    top = {"maps_pb2"} if with_top else None
    expected = _rewrite_by_line_patterns(text, {"spec", "l8"}, "pkg", top)
    assert rewrite_imports(text, {"spec", "l8"}, "pkg", top) == expected


def test_protoc_python_output_is_the_same_as_with_source_info() -> None:
    # protoc_python hands protoc no source info: its Python generators must not read it (else a protoc update
    # that starts emitting comments would be missed here)
    from l8gen.languages.python.pb import protoc_python
    from l8gen.protoc import run_plugin

    fds, files, _ = fragments_api()
    names = sorted(files)
    assert protoc_python(fds, names) == run_plugin(fds, names, ["--python_out", "--pyi_out"])


def test_root_level_modules_are_rehomed() -> None:
    text = "import maps_pb2 as maps__pb2\nimport maps_pb2\nimport mapsx_pb2 as y\n"
    assert rewrite_imports(text, set(), "p._pb", {"maps_pb2"}) == (
        "from p._pb import maps_pb2 as maps__pb2\nfrom p._pb import maps_pb2\nimport mapsx_pb2 as y\n"
    )


def test_root_level_dependency_imports_work() -> None:
    fds = compile_proto(
        'syntax = "proto3";\npackage top;\nimport "dep.proto";\nmessage M { D d = 1; }\n',
        "top.proto",
        extra={"dep.proto": 'syntax = "proto3";\nmessage D {}\n'},
    )
    files = generate_pb(fds, ["top.proto", "dep.proto"], "pkg._pb")
    assert "from pkg._pb import dep_pb2 as dep__pb2" in files["top_pb2.py"]


def test_generate_pb_adds_init_files_and_rewrites() -> None:
    fds = compile_proto(
        'syntax = "proto3";\npackage a.b;\nimport "a/c/dep.proto";\nmessage M { a.c.D d = 1; }\n',
        "a/b/m.proto",
        extra={"a/c/dep.proto": 'syntax = "proto3";\npackage a.c;\nmessage D {}\n'},
    )
    files = generate_pb(fds, ["a/b/m.proto", "a/c/dep.proto"], "pkg._pb")
    assert {"__init__.py", "a/__init__.py", "a/b/__init__.py", "a/c/__init__.py", "a/b/m_pb2.py"} <= set(
        files
    )
    assert "from pkg._pb.a.c import dep_pb2 as a_dot_c_dot_dep__pb2" in files["a/b/m_pb2.py"]


def test_fragments_generate_and_import(tmp_path: Path) -> None:
    """Every fragment (reserved words, nesting, maps, oneofs, optional, streaming, same names) generates
    the Python SDK, which then imports: message code and the generated client layer."""
    fds, files, api = fragments_api()
    # the repo's settings without its API profile, which names RPCs of proto/ (not of the fragments)
    opts = dataclasses.replace(load_options(REPO / "pyproject.toml"), api=ApiProfile())
    out = pipeline.generate(fds, files, opts, ["python"])["python"]
    for path, text in out.items():
        (tmp_path / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / path).write_text(text)
    modules = sorted(
        p[len("src/") : -len(".py")].replace("/", ".").removesuffix(".__init__")
        for p in out
        if p.startswith("src/") and p.endswith(".py")
    )
    script = (
        "import importlib, sys\n"
        f"for name in {modules!r}:\n"
        "    importlib.import_module(name)\n"
        "from l8sdk._pb import reserved_words_pb2 as r\n"
        "k = r.Keywords(**{'class': 'c', 'from': 'f', 'self': 's'})\n"
        "assert getattr(k, 'class') == 'c' and getattr(k, 'from') == 'f'\n"
        "print(len(sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", script],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(tmp_path / "src"), "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "l8sdk._pb.same_name.a.common_pb2" in modules and "l8sdk._pb.streaming_pb2_grpc" in modules


def test_generate_pb_uses_the_started_output_only_for_the_same_files() -> None:
    fds = compile_proto('syntax = "proto3";\npackage a;\nmessage M {}\n', "a/m.proto")
    marked = StartedPb(["a/m.proto"], {"a/m_pb2.py": "# from start\n"})
    assert generate_pb(fds, ["a/m.proto"], "pkg._pb", marked)["a/m_pb2.py"] == "# from start\n"
    other = StartedPb(["b/n.proto"], {"a/m_pb2.py": "# from start\n"})
    assert "class M" in generate_pb(fds, ["a/m.proto"], "pkg._pb", other)["a/m_pb2.pyi"]
