"""An on-disk HTTP cache for conditional GitHub requests (ETag / Last-Modified).

One JSON file per (URL, Accept header, credential fingerprint). The fingerprint is a salted
SHA-256 prefix of the token, so authenticated and anonymous answers (which differ: private
data, rate limits) never mix, and the token itself is never written. The folder is created
user-only (0o700) and each file 0o600, written atomically. A folder that is a symlink or
belongs to another user is refused, and an entry that is not this user's own (planted while
the folder was writable by others) is ignored: a cached answer is trusted like GitHub's own.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path

logger = logging.getLogger(__name__)

_FORMAT = 1
# Response headers worth replaying with a cached body (pagination, media type, validators).
_KEPT_HEADERS = ("content-type", "link", "etag", "last-modified")


class CacheRefused(OSError):
    """The cache folder cannot be trusted (a symlink, another user's); run without a cache."""


def default_cache_dir() -> Path:
    """Return the user cache folder: $XDG_CACHE_HOME/mlcheck, else ~/.cache/mlcheck."""
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "mlcheck" / "github"


def credential_fingerprint(token: str | None) -> str:
    """Return a short one-way fingerprint of the token ("anonymous" without one)."""
    if not token:
        return "anonymous"
    return hashlib.sha256(b"mlcheck-cache-v1\0" + token.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class CachedResponse:
    """A response body kept for conditional requests."""

    url: str
    """The URL it answered."""
    etag: str | None
    """ETag validator, sent back as If-None-Match."""
    last_modified: str | None
    """Last-Modified validator, sent back as If-Modified-Since."""
    headers: dict[str, str]
    """The few response headers replayed with the body."""
    body: bytes
    """The body."""


class ResponseCache:
    """Store and look up GET responses by URL, Accept header and credential fingerprint."""

    def __init__(self, directory: Path, fingerprint: str) -> None:
        """Open (and create, user-only) the cache folder.

        Raises CacheRefused (an OSError: the caller runs without a cache) when the folder is
        a symlink or belongs to another user: whoever controls it could plant answers, and
        chmod would act on a symlink's target.
        """
        self.directory = Path(directory)
        self._fingerprint = fingerprint
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = os.lstat(self.directory)
        if stat.S_ISLNK(info.st_mode):
            raise CacheRefused(f"{self.directory} is a symlink; refusing to use it as the cache")
        if not stat.S_ISDIR(info.st_mode):
            raise CacheRefused(f"{self.directory} is not a folder")
        if info.st_uid != os.geteuid():
            raise CacheRefused(f"{self.directory} belongs to another user; refusing to use it")
        # mkdir's mode is filtered by the umask and ignored for existing folders
        os.chmod(self.directory, 0o700, follow_symlinks=False)

    def _path(self, url: str, accept: str) -> Path:
        key = f"{_FORMAT}\0{self._fingerprint}\0{accept}\0{url}".encode()
        return self.directory / f"{hashlib.sha256(key).hexdigest()}.json"

    def get(self, url: str, accept: str) -> CachedResponse | None:
        """Return the stored response for this URL, None when absent or unreadable."""
        path = self._path(url, accept)
        try:
            data = json.loads(self._read_own(path))
            return CachedResponse(
                url=data["url"],
                etag=data.get("etag"),
                last_modified=data.get("last_modified"),
                headers=dict(data.get("headers", {})),
                body=data["body"].encode("utf-8"),
            )
        except FileNotFoundError:
            return None
        except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
            logger.debug("ignoring unreadable cache entry %s: %s", path.name, exc)
            return None

    def _read_own(self, path: Path) -> str:
        """Read an entry this user wrote; raise OSError for one planted by anyone else."""
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | os.O_NONBLOCK)
        with os.fdopen(fd, "rb") as handle:
            info = os.fstat(handle.fileno())
            if not stat.S_ISREG(info.st_mode) or info.st_uid != os.geteuid():
                raise PermissionError(f"{path.name} is not a file of this user")
            if info.st_mode & 0o022:
                raise PermissionError(f"{path.name} is writable by others")
            return handle.read().decode("utf-8")

    def put(self, url: str, accept: str, headers: dict[str, str], body: bytes) -> None:
        """Store a 200 response that carries a validator (ETag or Last-Modified)."""
        low = {k.lower(): v for k, v in headers.items()}
        etag, last_modified = low.get("etag"), low.get("last-modified")
        if not (etag or last_modified):
            return
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return
        record = {
            "url": url,
            "etag": etag,
            "last_modified": last_modified,
            "headers": {k: low[k] for k in _KEPT_HEADERS if k in low},
            "body": text,
        }
        path = self._path(url, accept)
        try:
            fd, tmp = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".json")
            try:
                os.fchmod(fd, 0o600)
                with os.fdopen(fd, "w", encoding="utf-8") as fh:
                    json.dump(record, fh)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            logger.warning("could not write the GitHub cache (%s); continuing without it", exc)
