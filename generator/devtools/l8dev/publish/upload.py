"""``python -m l8dev.publish.upload --yes``: send the built, smoke-tested artifacts to their registries.

Place: build -> smoke -> **upload** (the only step that leaves the machine; ``nox -s upload -- --yes``).
Rules: nothing happens without ``--yes`` (it prints the plan and exits 2); it refuses in CI (``CI`` or a CI
system's variable set); credentials come only from the environment and are never put on a command line; an
artifact is uploaded only if dist/smoke.json says the smoke test passed for exactly its bytes (sha256).
Every selected language's credentials are checked before the first upload. Each language's ``credentials``
and ``upload`` hooks (``[dev]`` of its language.toml) do the work; the built-ins' are the functions here:

- python: PyPI with ``twine upload``. ``PYPI_TOKEN`` (or ``TWINE_USERNAME`` + ``TWINE_PASSWORD``);
  ``TWINE_REPOSITORY_URL`` for another index (e.g. TestPyPI).
- node: npm with ``npm publish --access public``. ``NPM_TOKEN``; ``L8_NPM_REGISTRY`` (default npmjs).
- go: a commit of exactly the module zip's files + the annotated tag ``v<version>``, pushed to the module's
  own repository (the Go module proxy serves versions from tags). ``L8_GO_REMOTE`` (default
  ``https://<module path>.git``), ``GITHUB_TOKEN`` for https remotes (SSH remotes use the agent),
  ``L8_GO_BRANCH`` (default main). A tag that exists already is never moved.
- cpp: no C++ registry: an asset of the GitHub release ``v<version>`` (created when missing).
  ``GITHUB_TOKEN``, ``L8_RELEASE_REPO`` (default l8sdk/l8sdk), ``GITHUB_API_URL`` (GitHub Enterprise).
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import re
import shutil
import sys
import tempfile
import zipfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

from l8dev.publish.build import parse_languages
from l8dev.publish.commands import parse_args, run_tool
from l8dev.publish.github import API_URL, GitHub
from l8dev.publish.release import (
    PUBLISHABLE,
    PublishError,
    Release,
    artifact,
    load_release,
    publish_hook,
    recorded,
)

CI_VARIABLES = ("CI", "GITHUB_ACTIONS", "GITLAB_CI", "BUILDKITE", "JENKINS_URL", "TF_BUILD", "CIRCLECI")
DEFAULT_NPM_REGISTRY = "https://registry.npmjs.org/"
DEFAULT_RELEASE_REPO = "l8sdk/l8sdk"


def ci_variable(env: Mapping[str, str]) -> str | None:
    """The CI variable that is set (to anything but false/0), if any."""
    for name in CI_VARIABLES:
        if env.get(name, "").strip().lower() not in ("", "false", "0"):
            return name
    return None


def go_remote(release: Release, env: Mapping[str, str]) -> str:
    if env.get("L8_GO_REMOTE"):
        return env["L8_GO_REMOTE"]
    return "https://" + re.sub(r"/v\d+$", "", release.package("go")) + ".git"


# ---- the credentials hooks (what the environment lacks to upload; empty = ready) -------------------------
def credentials_python(release: Release, env: Mapping[str, str]) -> list[str]:
    ok = env.get("PYPI_TOKEN") or (env.get("TWINE_USERNAME") and env.get("TWINE_PASSWORD"))
    return [] if ok else ["PYPI_TOKEN (or TWINE_USERNAME + TWINE_PASSWORD)"]


def credentials_node(release: Release, env: Mapping[str, str]) -> list[str]:
    return [] if env.get("NPM_TOKEN") else ["NPM_TOKEN"]


def credentials_go(release: Release, env: Mapping[str, str]) -> list[str]:
    remote = go_remote(release, env)
    needs_token = remote.startswith("https://") and not env.get("GITHUB_TOKEN")
    return ["GITHUB_TOKEN (for " + remote + ")"] if needs_token else []


def credentials_cpp(release: Release, env: Mapping[str, str]) -> list[str]:
    return [] if env.get("GITHUB_TOKEN") else ["GITHUB_TOKEN"]


def missing_credentials(language: str, release: Release, env: Mapping[str, str]) -> list[str]:
    """What the environment lacks to upload ``language`` (its ``credentials`` hook; empty = ready)."""
    check = publish_hook(language, "credentials")
    return list(check(release, env))


def check_smoke_passed(release: Release, language: str, entry: Mapping[str, Any]) -> None:
    """dist/smoke.json must hold a passed result for exactly these artifact bytes."""
    try:
        data = json.loads((release.dist / "smoke.json").read_text(encoding="utf-8"))
        report = data["results"][language]
    except (OSError, ValueError, KeyError, TypeError):
        raise PublishError(
            f"{language}: no smoke result in dist/smoke.json; run `nox -s publish` first"
        ) from None
    tested = report.get("artifacts", {})
    built = {item["path"]: item["sha256"] for item in entry.get("files", [])}
    if not report.get("passed") or tested != built or data.get("version") != release.version:
        raise PublishError(
            f"{language}: the smoke test did not pass for these artifacts; run `nox -s publish`"
        )


# ---- the upload hooks (language.toml [dev] upload) ----------------------------------------------------
def upload_python(release: Release, entry: Mapping[str, Any], env: Mapping[str, str], log: TextIO) -> str:
    files = [str(artifact(release, entry, kind)) for kind in ("wheel", "sdist")]
    tool_env = {k: v for k, v in env.items() if k.startswith("TWINE_")}  # twine reads its own variables
    if env.get("PYPI_TOKEN"):
        tool_env.update(TWINE_USERNAME="__token__", TWINE_PASSWORD=env["PYPI_TOKEN"])
    run_tool(
        [sys.executable, "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar", *files],
        log,
        env=tool_env,
    )
    return f"{release.package('python')} {release.version} -> {env.get('TWINE_REPOSITORY_URL') or 'PyPI'}"


def upload_node(release: Release, entry: Mapping[str, Any], env: Mapping[str, str], log: TextIO) -> str:
    registry = env.get("L8_NPM_REGISTRY") or DEFAULT_NPM_REGISTRY
    tgz = artifact(release, entry, "tarball")
    with tempfile.TemporaryDirectory(prefix="l8-npm-") as tmp:
        npmrc = Path(tmp) / ".npmrc"
        host = re.sub(r"^https?:", "", registry if registry.endswith("/") else registry + "/")
        npmrc.write_text(
            f"registry={registry}\n{host}:_authToken=${{NPM_TOKEN}}\n"
        )  # npm expands the env var
        run_tool(
            [
                "npm",
                "publish",
                str(tgz),
                "--access",
                "public",
                "--registry",
                registry,
                "--userconfig",
                str(npmrc),
            ],
            log,
            cwd=Path(tmp),
            env={"NPM_TOKEN": env["NPM_TOKEN"]},
        )
    return f"{release.package('node')}@{release.version} -> {registry}"


def _git_env(remote: str, env: Mapping[str, str]) -> dict[str, str]:
    """Identity for the release commit and, for https remotes, the token as an HTTP header via GIT_CONFIG_*
    variables (so it never appears on a command line or in the log)."""
    out = {
        "GIT_AUTHOR_NAME": env.get("GIT_AUTHOR_NAME", "l8sdk release"),
        "GIT_AUTHOR_EMAIL": env.get("GIT_AUTHOR_EMAIL", "release@l8sdk.invalid"),
        "GIT_TERMINAL_PROMPT": "0",
    }
    out["GIT_COMMITTER_NAME"] = env.get("GIT_COMMITTER_NAME", out["GIT_AUTHOR_NAME"])
    out["GIT_COMMITTER_EMAIL"] = env.get("GIT_COMMITTER_EMAIL", out["GIT_AUTHOR_EMAIL"])
    if remote.startswith("https://") and env.get("GITHUB_TOKEN"):
        basic = base64.b64encode(f"x-access-token:{env['GITHUB_TOKEN']}".encode()).decode()
        out.update(
            {
                "GIT_CONFIG_COUNT": "1",
                "GIT_CONFIG_KEY_0": "http.extraHeader",
                "GIT_CONFIG_VALUE_0": f"Authorization: Basic {basic}",
            }
        )
    return out


def unpack_module_zip(zip_path: Path, prefix: str, dest: Path) -> list[str]:
    """Write the files of a module zip (entries under ``prefix``) into ``dest``; returns their names."""
    names = []
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            if not info.filename.startswith(prefix) or info.is_dir():
                raise PublishError(f"{zip_path.name}: unexpected entry {info.filename!r}")
            rel = info.filename[len(prefix) :]
            target = dest / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(zf.read(info))
            names.append(rel)
    return sorted(names)


def upload_go(release: Release, entry: Mapping[str, Any], env: Mapping[str, str], log: TextIO) -> str:
    """Commit exactly the module zip's files to the module repository and push that commit + tag."""
    remote, branch, tag = go_remote(release, env), env.get("L8_GO_BRANCH") or "main", release.tag
    git_env = _git_env(remote, env)
    module = release.package("go")
    with tempfile.TemporaryDirectory(prefix="l8-go-release-") as tmp:
        repo = Path(tmp) / "repo"
        if run_tool(["git", "ls-remote", "--heads", remote, branch], log, env=git_env).strip():
            run_tool(["git", "clone", "--quiet", "--branch", branch, remote, str(repo)], log, env=git_env)
        else:  # a new (empty) module repository: the release commit is its first
            run_tool(["git", "init", "--quiet", "--initial-branch", branch, str(repo)], log)
        if run_tool(["git", "ls-remote", "--tags", remote, f"refs/tags/{tag}"], log, env=git_env).strip():
            raise PublishError(f"{remote} already has tag {tag}: a published Go version is immutable")
        for child in repo.iterdir():
            if child.name != ".git":
                shutil.rmtree(child) if child.is_dir() else child.unlink()
        files = unpack_module_zip(artifact(release, entry, "zip"), f"{module}@{tag}/", repo)
        run_tool(["git", "add", "--all"], log, cwd=repo)
        message = f"{module} {tag}\n\nGenerated by l8gen; the module zip of `nox -s publish`."
        run_tool(["git", "commit", "--quiet", "--allow-empty", "-m", message], log, cwd=repo, env=git_env)
        run_tool(["git", "tag", "-a", tag, "-m", f"{module} {tag}"], log, cwd=repo, env=git_env)
        run_tool(
            ["git", "push", "--quiet", remote, f"HEAD:refs/heads/{branch}", f"refs/tags/{tag}"],
            log,
            cwd=repo,
            env=git_env,
        )
    return f"{module} {tag}: {len(files)} files, tag pushed to {remote} ({entry['h1']})"


def upload_cpp(release: Release, entry: Mapping[str, Any], env: Mapping[str, str], log: TextIO) -> str:
    github = GitHub(env["GITHUB_TOKEN"], env.get("GITHUB_API_URL") or API_URL)
    repo = env.get("L8_RELEASE_REPO") or DEFAULT_RELEASE_REPO
    gh_release = github.release_for_tag(repo, release.tag, f"l8sdk {release.version}")
    url = github.upload_asset(gh_release, artifact(release, entry, "source"))
    return f"C++ source package -> release {release.tag} of {repo}: {url}"


def run(
    argv: Sequence[str],
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    environ: Mapping[str, str] | None = None,
) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m l8dev.publish.upload", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "--yes", action="store_true", help="really upload (without it: print the plan, exit 2)"
    )
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="repository root (default: cwd)")
    parser.add_argument("--only", type=parse_languages, default=list(PUBLISHABLE), help="e.g. python,go")
    args = parse_args(parser, argv, stdout, stderr)
    if isinstance(args, int):
        return args
    env = dict(os.environ if environ is None else environ)
    ci = ci_variable(env)
    if ci:
        stderr.write(f"upload: refusing to run in CI ({ci} is set): uploading is a manual, explicit step\n")
        return 2
    try:
        release = load_release(args.root)
        entries = {lang: recorded(release, lang) for lang in args.only}
        for lang, entry in entries.items():
            check_smoke_passed(release, lang, entry)
    except PublishError as exc:
        stderr.write(f"upload: error: {exc}\n")
        return 2
    missing = {lang: missing_credentials(lang, release, env) for lang in args.only}
    for lang in args.only:
        names = ", ".join(item["path"] for item in entries[lang]["files"] if item["kind"] != "list")
        state = "credentials: " + ("ok" if not missing[lang] else "missing " + ", ".join(missing[lang]))
        stdout.write(f"{lang:<7} {names}  [{state}]\n")
    if not args.yes:
        stderr.write("upload: refusing without --yes (nothing was uploaded); `nox -s upload -- --yes`\n")
        return 2
    if any(missing.values()):
        stderr.write("upload: error: missing credentials (see above); nothing was uploaded\n")
        return 2
    failed = 0
    for lang in args.only:
        try:
            summary = publish_hook(lang, "upload")(release, entries[lang], env, stdout)
            stdout.write(f"upload {lang}: {summary}\n")
        except PublishError as exc:
            failed += 1
            stderr.write(f"upload {lang}: FAILED: {exc}\n")
    return 1 if failed else 0


def main() -> None:
    sys.exit(run(sys.argv[1:], sys.stdin, sys.stdout, sys.stderr))


if __name__ == "__main__":
    main()
