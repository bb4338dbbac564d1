"""``l8gen release``: version every SDK once, regenerate, write the changelog, record the release.

Place: commands -> **release** -> diff.compute (classification) -> config edit -> ``l8gen generate`` (the
templates read ``[tool.l8gen].version``: sdks/python pyproject, sdks/node package.json, the C++ CMake project
version, SDK_VERSION constants) -> changelog -> ``proto/releases/v<version>.binpb``. Without a previous record
the current version is recorded as the first release. ``--tag`` creates tag ``v<version>`` for a release that
is already recorded *and committed* (so the tag contains the record); otherwise the tag name is only printed.
Go: a major version >= 2 changes the module path (``/vN``) only with ``--go-major-path``.
"""

from __future__ import annotations

import datetime as _dt
import os
import re
import subprocess
import tempfile
import tomllib
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TextIO

from l8gen.config import load_options, options_from_table
from l8gen.descriptors import display_path
from l8gen.errors import L8genError
from l8gen.evolution import EvolutionError, changelog
from l8gen.evolution import buf as bufcli
from l8gen.evolution.classify import SEMVER, bump_version
from l8gen.evolution.diff import compute
from l8gen.evolution.images import api_files, latest, parse_image, record_path, version_key
from l8gen.ir.builder import build_api
from l8gen.orchestrate import GenerateRequest, generate_sdks
from l8gen.records import record


@record
class ReleaseOptions:
    proto_root: Path
    config: Path
    releases_dir: Path
    changelog: Path
    out: Path
    targets: tuple[str, ...] = ()
    bump: str = "auto"
    tag: bool = False
    go_major_path: bool = False
    date: str | None = None
    buf: str | None = None
    generate: bool = True


def release_date(explicit: str | None) -> str:
    """``--date``, else ``$SOURCE_DATE_EPOCH`` (reproducible builds), else today (UTC)."""
    if explicit:
        try:
            return _dt.date.fromisoformat(explicit).isoformat()
        except ValueError as exc:
            raise EvolutionError(f"--date {explicit!r}: expected YYYY-MM-DD") from exc
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = _dt.datetime.fromtimestamp(int(epoch), _dt.UTC) if epoch else _dt.datetime.now(_dt.UTC)
    return now.date().isoformat()


def _quoted_value(value: str) -> Callable[[re.Match[str]], str]:
    def replace(match: re.Match[str]) -> str:
        return f'{match.group(1)}"{value}"'

    return replace


def set_config_values(
    text: str, values: Mapping[str, str], where: str, table_name: str = "tool.l8gen"
) -> str:
    """``text`` (a pyproject.toml) with the given string keys of ``[table_name]`` replaced in place."""
    header = re.search(rf"^\[{re.escape(table_name)}\][ \t]*$", text, re.MULTILINE)
    if header is None:
        raise EvolutionError(f"{where}: no [{table_name}] table")
    following = re.search(r"^\[", text[header.end() :], re.MULTILINE)
    end = header.end() + following.start() if following else len(text)
    body = text[header.end() : end]
    for key, value in values.items():
        pattern = re.compile(rf'^({re.escape(key)}[ \t]*=[ \t]*)"[^"\n]*"', re.MULTILINE)
        if not pattern.search(body):
            raise EvolutionError(f'{where}: [{table_name}] has no `{key} = "..."` line to update')
        body = pattern.sub(_quoted_value(value), body, count=1)
    result = text[: header.end()] + body + text[end:]
    table: Mapping[str, object] = tomllib.loads(result)
    for part in table_name.split("."):
        table = table.get(part, {})  # type: ignore[assignment]
    if any(table.get(k) != v for k, v in values.items()):
        raise EvolutionError(f"{where}: could not update [{table_name}] {', '.join(values)}")
    return result


def go_module_for(module: str, major: int) -> str:
    """The Go module path for a major version: ``/vN`` suffix from v2 on (Go's semantic import versioning)."""
    base = re.sub(r"/v\d+$", "", module)
    return f"{base}/v{major}" if major >= 2 else base


def _git(out: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", "-C", str(out), *args], capture_output=True, text=True, check=False)


def create_tag(o: ReleaseOptions, version: str, stdout: TextIO) -> None:
    """Tag the recorded, committed release ``version`` at HEAD."""
    tag = f"v{version}"
    paths = [str(p.resolve()) for p in (o.config, o.changelog, o.releases_dir)]
    status = _git(o.out, "status", "--porcelain", "--", *paths)
    if status.returncode != 0:
        raise EvolutionError(f"--tag: git status failed in {o.out}: {status.stderr.strip()}")
    if status.stdout.strip():
        raise EvolutionError(f"--tag: the release files are not committed yet:\n{status.stdout.rstrip()}")
    if _git(o.out, "rev-parse", "--verify", "--quiet", f"refs/tags/{tag}").returncode == 0:
        raise EvolutionError(f"--tag: tag {tag} already exists")
    made = _git(o.out, "tag", "-a", tag, "-m", f"l8sdk {version}")
    if made.returncode != 0:
        raise EvolutionError(f"--tag: git tag {tag} failed: {made.stderr.strip()}")
    stdout.write(f"tag: created {tag}\n")


def _regenerate(o: ReleaseOptions, stdout: TextIO, stderr: TextIO) -> None:
    request = GenerateRequest(proto_root=o.proto_root, out=o.out, config=o.config, targets=tuple(o.targets))
    try:
        code = generate_sdks(request, stdout, stderr)
    except L8genError as exc:
        stderr.write(f"l8gen: error: {exc}\n")
        code = 1
    if code != 0:
        raise EvolutionError("regenerating the SDKs failed (see above); the version was not changed")


@record
class _Record:
    """Everything a release writes besides the SDKs, prepared (and checked) before anything is written."""

    changelog_text: str
    snapshot: Path
    image: bytes

    def write(self, o: ReleaseOptions) -> None:
        o.changelog.write_text(self.changelog_text, encoding="utf-8")
        self.snapshot.parent.mkdir(parents=True, exist_ok=True)
        self.snapshot.write_bytes(self.image)


def _prepare(
    o: ReleaseOptions, version: str, entries: Mapping[str, Sequence[str]], intro: str, image: bytes
) -> _Record:
    existing = o.changelog.read_text(encoding="utf-8") if o.changelog.is_file() else None
    text = changelog.insert(existing, version, release_date(o.date), intro, entries)
    target = record_path(o.releases_dir, version)
    if target.exists():
        raise EvolutionError(f"{display_path(target)}: release {version} is already recorded")
    return _Record(text, target, image)


def _current_image(o: ReleaseOptions) -> bytes:
    buf = bufcli.find_buf(o.buf)
    with tempfile.TemporaryDirectory(prefix="l8gen-release-") as tmp:
        path = Path(tmp) / "current.binpb"
        bufcli.build_image(buf, o.proto_root, path)
        return path.read_bytes()


def _packages(version: str, table: Mapping[str, object]) -> str:
    # only the package names matter here: the template directory (relative to the config file) is not read
    opts = options_from_table({k: v for k, v in table.items() if k != "templates"}, "pyproject.toml")
    return (
        f"Python `{opts.option('python', 'package')}`, npm `{opts.option('node', 'package')}`, "
        f"Go `{opts.option('go', 'module')}`, C++ (CMake, namespace `{opts.option('cpp', 'namespace')}`), "
        f"all at {version}."
    )


def _first_release(o: ReleaseOptions, version: str, stdout: TextIO) -> int:
    if o.bump != "auto":
        raise EvolutionError(
            "--bump: there is no release record yet; the first release records the current "
            f"[tool.l8gen].version ({version}) as it is"
        )
    image = _current_image(o)
    opts = load_options(o.config)
    parsed = parse_image(image, str(o.proto_root))
    api = build_api(parsed.fds, api_files(parsed, opts.internal_packages), opts.app_services, ())
    table = tomllib.loads(o.config.read_text(encoding="utf-8")).get("tool", {}).get("l8gen", {})
    intro = f"First release. {_packages(version, table)}"
    _prepare(o, version, changelog.initial_entries(api), intro, image).write(o)
    stdout.write(f"released {version} (first release record)\n")
    stdout.write(
        f"recorded {display_path(record_path(o.releases_dir, version))}, {display_path(o.changelog)}\n"
    )
    stdout.write(f"tag: v{version} (not created: commit the release, then `l8gen release --tag`)\n")
    return 0


def release(o: ReleaseOptions, stdout: TextIO, stderr: TextIO) -> int:
    """Run a release (see the module docstring); returns the exit code."""
    current = load_options(o.config).version
    version_key(current)
    last = latest(o.releases_dir)
    if last is None:
        if o.tag:
            raise EvolutionError("--tag: no release is recorded yet; run `l8gen release` first and commit it")
        return _first_release(o, current, stdout)
    if version_key(current) != version_key(last.version):
        raise EvolutionError(
            f"{o.config}: [tool.l8gen].version is {current} but the latest release record is v{last.version} "
            f"({display_path(last.path)}); the version is changed only by `l8gen release`"
        )
    report = compute(o.proto_root, None, o.releases_dir, o.config, o.buf)
    if o.tag:
        if report.semver != "none":
            raise EvolutionError(
                f"--tag: proto/ changed since v{last.version} ({report.semver}); run "
                "`l8gen release` first, commit, then `l8gen release --tag`"
            )
        create_tag(o, last.version, stdout)
        return 0
    stdout.write(report.render_text())
    chosen = report.bump if o.bump == "auto" else o.bump
    if chosen == "none":
        raise EvolutionError(
            f"no API change since v{last.version}: nothing to release "
            "(pass --bump patch to release regenerated SDKs without an API change)"
        )
    if SEMVER.index(chosen) < SEMVER.index(report.bump):
        raise EvolutionError(f"--bump {chosen} is too small: the changes need at least {report.bump}")
    version = bump_version(last.version, chosen)
    opts = load_options(o.config)
    major = version_key(version)[0]
    module = opts.option("go", "module")
    original = o.config.read_text(encoding="utf-8")
    updated = set_config_values(original, {"version": version}, str(o.config))
    if o.go_major_path:
        go_path = {"module": go_module_for(module, major)}
        updated = set_config_values(updated, go_path, str(o.config), "tool.l8gen.go")
    elif major >= 2 and go_module_for(module, major) != module:
        stderr.write(
            f"l8gen: note: Go module path stays {module}; Go needs "
            f"{go_module_for(module, major)} for v{major} (pass --go-major-path)\n"
        )
    entries = changelog.entries_for(report) or {"Changed": ["SDKs regenerated; no API change."]}
    package_line = _packages(version, tomllib.loads(updated)["tool"]["l8gen"])
    intro = f"API compared with {report.against}: {report.semver} change, bump {chosen}. {package_line}"
    record = _prepare(o, version, entries, intro, _current_image(o))
    o.config.write_text(updated, encoding="utf-8")
    try:
        if o.generate:
            _regenerate(o, stdout, stderr)
    except BaseException:
        o.config.write_text(original, encoding="utf-8")
        raise
    record.write(o)
    stdout.write(f"released {version} (bump {chosen} from {last.version})\n")
    stdout.write(
        f"recorded {display_path(record_path(o.releases_dir, version))}, {display_path(o.changelog)}\n"
    )
    stdout.write(f"tag: v{version} (not created: commit the release, then `l8gen release --tag`)\n")
    return 0
