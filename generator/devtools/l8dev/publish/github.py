"""GitHub release assets over the REST API (urllib): where the C++ source package is published.

Place: ``upload`` -> **github**. C++ has no package registry here; the source package is attached to the
GitHub release of the repository tag ``v<version>`` (created when missing), which is what CMake users download
(or ``FetchContent``). ``GITHUB_API_URL`` points elsewhere (GitHub Enterprise, or a local server in tests).
"""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

from l8dev.publish.release import PublishError

API_URL = "https://api.github.com"


class GitHub:
    """The few REST calls a release upload needs, authenticated with a token."""

    def __init__(self, token: str, api_url: str = API_URL, timeout: float = 120) -> None:
        self.token = token
        self.api_url = api_url.rstrip("/")
        self.timeout = timeout

    def _request(
        self, method: str, url: str, body: bytes | None = None, content_type: str = "application/json"
    ) -> tuple[int, Any]:
        request = urllib.request.Request(url, data=body, method=method)
        request.add_header("Authorization", f"Bearer {self.token}")
        request.add_header("Accept", "application/vnd.github+json")
        request.add_header("X-GitHub-Api-Version", "2022-11-28")
        if body is not None:
            request.add_header("Content-Type", content_type)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                payload = response.read()
                return response.status, json.loads(payload) if payload else None
        except urllib.error.HTTPError as exc:
            if exc.code == 404:
                return 404, None
            detail = exc.read().decode(errors="replace")[:500]
            raise PublishError(f"GitHub {method} {url}: HTTP {exc.code}: {detail}") from exc
        except urllib.error.URLError as exc:
            raise PublishError(f"GitHub {method} {url}: {exc.reason}") from exc

    def release_for_tag(self, repo: str, tag: str, name: str) -> dict[str, Any]:
        """The release of ``tag`` in ``repo`` (``owner/name``); created (published) when missing."""
        quoted = urllib.parse.quote(tag, safe="")
        status, release = self._request("GET", f"{self.api_url}/repos/{repo}/releases/tags/{quoted}")
        if status == 200 and isinstance(release, dict):
            return release
        body = json.dumps({"tag_name": tag, "name": name, "draft": False, "prerelease": "-" in tag}).encode()
        status, release = self._request("POST", f"{self.api_url}/repos/{repo}/releases", body)
        if status != 201 or not isinstance(release, dict):
            raise PublishError(f"GitHub: creating the release {tag} of {repo} answered {status}")
        return release

    def upload_asset(self, release: dict[str, Any], path: Path) -> str:
        """Attach ``path`` to ``release``; refuses when an asset of that name exists. Returns its URL."""
        if any(a.get("name") == path.name for a in release.get("assets", [])):
            raise PublishError(f"release {release.get('tag_name')} already has an asset {path.name}")
        base = str(release["upload_url"]).split("{", 1)[0]
        url = f"{base}?{urllib.parse.urlencode({'name': path.name})}"
        status, asset = self._request("POST", url, path.read_bytes(), "application/gzip")
        if status != 201 or not isinstance(asset, dict):
            raise PublishError(f"GitHub: uploading {path.name} answered {status}")
        return str(asset.get("browser_download_url", ""))
