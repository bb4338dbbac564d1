"""Command-line wiring of ``l8gen diff`` and ``l8gen release`` (sub-parsers + handlers for ``l8gen.cli``).

Place: cli (the one ``run(argv, stdin, stdout, stderr)``) -> **commands** -> diff.compute / release.release.
Exit codes: 0 success, 1 ``diff`` found breaking changes (without ``--allow-breaking``), 2 bad input
(unknown ref, missing buf, proto errors, bad version) as one ``l8gen: error:`` line.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any, TextIO

BREAKING_EXIT = 1
DEFAULT_RELEASES = Path("proto") / "releases"  # one v<X.Y.Z>.binpb (buf image) per release


def _common(parser: Any) -> None:
    parser.add_argument("--proto-root", default="proto", type=Path, help="buf module with the .proto files")
    parser.add_argument(
        "--config", default="pyproject.toml", type=Path, help="pyproject.toml with [tool.l8gen]"
    )
    parser.add_argument(
        "--releases", default=DEFAULT_RELEASES, type=Path, help="release records (v<X.Y.Z>.binpb)"
    )
    parser.add_argument("--buf", default=None, help="buf executable (default: node_modules/.bin/buf)")


def add_parsers(sub: Any, stdout: TextIO, stderr: TextIO) -> None:
    """Add ``diff`` and ``release`` to the ``l8gen`` sub-parsers (same parser class: the CLI's streams)."""
    diff = sub.add_parser("diff", help="classify the proto changes since a release or git ref", stderr=stderr)
    diff._stdout = stdout
    diff.add_argument(
        "--against", default=None, help="release (v0.1.0), image file or git ref; default: the last release"
    )
    _common(diff)
    diff.add_argument("--json", action="store_true", help="print the report as JSON")
    diff.add_argument("--allow-breaking", action="store_true", help="exit 0 even with breaking changes")
    diff.set_defaults(handler=run_diff)

    rel = sub.add_parser(
        "release", help="bump the one SDK version, regenerate, changelog, record", stderr=stderr
    )
    rel._stdout = stdout
    _common(rel)
    rel.add_argument("--bump", default="auto", choices=("auto", "major", "minor", "patch"))
    rel.add_argument("--tag", action="store_true", help="create git tag v<version> for the committed release")
    rel.add_argument("--go-major-path", action="store_true", help="from v2 on, add /vN to the Go module path")
    rel.add_argument(
        "--date", default=None, help="release date YYYY-MM-DD (default: $SOURCE_DATE_EPOCH/today)"
    )
    rel.add_argument("--changelog", default=Path("CHANGELOG.md"), type=Path)
    rel.add_argument(
        "--out", default=Path("."), type=Path, help="repository root (SDKs in <out>/sdks/<lang>)"
    )
    rel.add_argument("--target", action="append", default=None, help="SDKs to regenerate (default all)")
    rel.add_argument("--no-generate", action="store_true", help="do not regenerate the SDKs")
    rel.set_defaults(handler=run_release)


def run_diff(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from l8gen.evolution.diff import compute

    report = compute(args.proto_root, args.against, args.releases, args.config, args.buf)
    if args.json:
        stdout.write(json.dumps(report.to_json(), indent=2, sort_keys=True) + "\n")
    else:
        stdout.write(report.render_text())
    if report.semver == "major" and not args.allow_breaking:
        stderr.write(
            f"l8gen diff: breaking changes against {report.against} (pass --allow-breaking to accept them)\n"
        )
        return BREAKING_EXIT
    return 0


def run_release(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from l8gen.evolution.release import ReleaseOptions, release

    options = ReleaseOptions(
        proto_root=args.proto_root,
        config=args.config,
        releases_dir=args.releases,
        changelog=args.changelog,
        out=args.out,
        targets=tuple(sorted(set(args.target or ()))),
        bump=args.bump,
        tag=args.tag,
        go_major_path=args.go_major_path,
        date=args.date,
        buf=args.buf,
        generate=not args.no_generate,
    )
    return release(options, stdout, stderr)
