"""The HTTP layer under PyGithub: one requests.Session that counts, caches and retries.

Why here and not in PyGithub: PyGithub has no hook for conditional requests on listings and
no request counter. Every request PyGithub makes goes through its connection object's
``requests.Session``; we give PyGithub connection classes whose session is ours, with a
``CachingAdapter`` mounted. So the user and listing calls PyGithub makes and the per-repo calls
(made through PyGithub's public ``Requester.requestJson``) share one place that

* counts every HTTP exchange, retries included (``RequestStats``),
* sends If-None-Match / If-Modified-Since from the on-disk cache and replays the cached body on a
  304 (free of rate-limit cost),
* retries transient faults with a bounded ``GithubRetry`` whose waits are capped and whose sleep
  is injectable (tests pass a no-op).

The token is only ever in PyGithub's ``Auth.Token``, which sets the Authorization header per
request; this layer never reads, logs or stores request headers.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import requests
from github import Auth, Github, GithubRetry
from github.GithubException import RateLimitExceededExceedsMaxWait
from github.Requester import (
    HTTPRequestsConnectionClass,
    HTTPSRequestsConnectionClass,
    Requester,
)
from requests.adapters import HTTPAdapter
from requests.structures import CaseInsensitiveDict
from urllib3.util.retry import Retry

from analyzer.github.cache import ResponseCache

logger = logging.getLogger(__name__)

USER_AGENT = "mlcheck (+https://github.com/mlcheck/mlcheck)"
_INJECT_LOCK = threading.Lock()


@dataclass
class RequestStats:
    """What one fetch cost."""

    sent: int = 0
    """HTTP requests sent, retries included."""
    not_modified: int = 0
    """Of those, answered 304 Not Modified from the cache (no rate-limit cost)."""
    retries: int = 0
    """Of those, retries after a transient fault."""
    rate_remaining: int | None = None
    """X-RateLimit-Remaining of the last response that had it."""
    rate_limit: int | None = None
    """X-RateLimit-Limit of the last response that had it."""
    rate_reset: int | None = None
    """X-RateLimit-Reset (epoch seconds) of the last response that had it."""

    @property
    def used(self) -> int:
        """Requests that cost rate limit: all sent minus the 304s."""
        return self.sent - self.not_modified

    def note_headers(self, headers: Any) -> None:
        """Record the rate-limit headers of a response."""
        for name, attr in (
            ("X-RateLimit-Remaining", "rate_remaining"),
            ("X-RateLimit-Limit", "rate_limit"),
            ("X-RateLimit-Reset", "rate_reset"),
        ):
            value = headers.get(name)
            if value is not None:
                try:
                    setattr(self, attr, int(float(value)))
                except ValueError:
                    pass


class BoundedRetry(GithubRetry):
    """GithubRetry that counts retries, caps every wait and sleeps through an injectable function.

    PyGithub's GithubRetry already refuses to wait for a primary rate-limit reset longer than
    ``max_rate_limit_wait`` (raising RateLimitExceededExceedsMaxWait); this adds the same cap
    for Retry-After headers (secondary limits, 429, 503), which urllib3 would otherwise honour
    however long they are.
    """

    def __init__(
        self,
        *,
        stats: RequestStats | None = None,
        sleeper: Callable[[float], None] | None = None,
        **kwargs: Any,
    ) -> None:
        self._stats = stats if stats is not None else RequestStats()
        self._sleeper = sleeper or time.sleep
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> BoundedRetry:  # noqa: D102 - urllib3 API
        kw.update(stats=self._stats, sleeper=self._sleeper)
        return super().new(**kw)  # type: ignore[return-value]

    def increment(  # type: ignore[override]
        self,
        method: str | None = None,
        url: str | None = None,
        response: Any = None,
        error: Exception | None = None,
        _pool: Any = None,
        _stacktrace: Any = None,
    ) -> Retry:
        """Refuse long Retry-After waits, else retry as GithubRetry does and count the retry."""
        if response is not None and response.status in (403, 429):
            retry_after = self.get_retry_after(response)
            cap = self.max_rate_limit_wait
            if retry_after is not None and cap is not None and retry_after > cap:
                raise RateLimitExceededExceedsMaxWait(
                    response.status,
                    {"message": "secondary rate limit (Retry-After)"},
                    dict(response.headers),
                    wait=retry_after,
                )
        retry = super().increment(method, url, response, error, _pool, _stacktrace)
        self._stats.retries += 1
        self._stats.sent += 1
        logger.debug("retrying %s after %s", url, error or getattr(response, "status", "?"))
        return retry

    def sleep(self, response: Any = None) -> None:
        """Wait before the next attempt: Retry-After or backoff, capped, via the sleeper."""
        wait = 0.0
        if response is not None and self.respect_retry_after_header:
            wait = self.get_retry_after(response) or 0.0
        if not wait:
            wait = self.get_backoff_time()
        cap = self.max_rate_limit_wait
        if cap is not None:
            wait = min(wait, cap)
        if wait > 0:
            self._sleeper(wait)


def make_retry(
    stats: RequestStats,
    *,
    total: int = 3,
    backoff_factor: float = 0.5,
    max_wait: float = 10.0,
    sleeper: Callable[[float], None] | None = None,
) -> BoundedRetry:
    """Build the retry policy: `total` retries on 5xx/429/rate-limit 403, waits capped."""
    return BoundedRetry(
        stats=stats,
        sleeper=sleeper,
        total=total,
        backoff_factor=backoff_factor,
        backoff_max=max_wait,
        status_forcelist=[429, *range(500, 600)],
        raise_on_status=False,
        secondary_rate_wait=max_wait,
        max_rate_limit_wait=max_wait,
    )


class CachingAdapter(HTTPAdapter):
    """A requests adapter that counts requests and makes GETs conditional on the cache."""

    def __init__(self, stats: RequestStats, cache: ResponseCache | None, retry: Retry) -> None:
        super().__init__(max_retries=retry, pool_connections=4, pool_maxsize=4)
        self.stats = stats
        self.cache = cache

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        """Send one request (with validators when cached) and replay the cache on 304."""
        self.stats.sent += 1
        cached = None
        accept_header = request.headers.get("Accept", "")
        accept = accept_header.decode() if isinstance(accept_header, bytes) else accept_header
        url = request.url or ""
        cacheable = self.cache is not None and request.method == "GET"
        if cacheable:
            assert self.cache is not None
            cached = self.cache.get(url, accept)
            if cached is not None:
                if cached.etag:
                    request.headers["If-None-Match"] = cached.etag
                if cached.last_modified:
                    request.headers["If-Modified-Since"] = cached.last_modified
        response = super().send(request, **kwargs)
        self.stats.note_headers(response.headers)
        if response.status_code == 304:
            self.stats.not_modified += 1
            if cached is not None:
                return _replay(request, response, cached.headers, cached.body)
        elif response.status_code == 200 and cacheable and not kwargs.get("stream"):
            assert self.cache is not None
            self.cache.put(url, accept, dict(response.headers), response.content)
        return response


def _replay(
    request: requests.PreparedRequest,
    not_modified: requests.Response,
    headers: dict[str, str],
    body: bytes,
) -> requests.Response:
    """Turn a 304 into the cached 200 response, with the fresh rate-limit headers."""
    response = requests.Response()
    response.status_code = 200
    response.reason = "OK (cached)"
    merged = CaseInsensitiveDict(headers)
    for name, value in not_modified.headers.items():
        if name.lower().startswith("x-ratelimit") or name.lower() in ("etag", "date"):
            merged[name] = value
    response.headers = merged
    response._content = body
    response.url = request.url or ""
    response.request = request
    response.encoding = requests.utils.get_encoding_from_headers(merged) or "utf-8"
    return response


class Transport:
    """One session, counter and cache shared by a PyGithub client and the per-repo calls."""

    def __init__(self, retry: BoundedRetry, stats: RequestStats, cache: ResponseCache | None):
        """Create the session with the caching adapter mounted for http and https."""
        self.stats = stats
        self.retry = retry
        self.session = requests.Session()
        # like PyGithub: a non-None auth stops requests from reading credentials from ~/.netrc
        self.session.auth = Requester.noopAuth
        adapter = CachingAdapter(stats, cache, retry)
        self.session.mount("https://", adapter)
        self.session.mount("http://", adapter)

    def github(self, token: str | None, base_url: str, timeout: float) -> Github:
        """Return a PyGithub client whose HTTP goes through this transport."""
        session = self.session

        class _Http(HTTPRequestsConnectionClass):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.session.close()
                self.session = session

            def close(self) -> None:
                """Keep the shared session open; Transport.close closes it."""

        class _Https(HTTPSRequestsConnectionClass):
            def __init__(self, *args: Any, **kwargs: Any) -> None:
                super().__init__(*args, **kwargs)
                self.session.close()
                self.session = session

            def close(self) -> None:
                """Keep the shared session open; Transport.close closes it."""

        auth = Auth.Token(token) if token else None
        # Requester picks its connection class when constructed; inject only for that moment.
        with _INJECT_LOCK:
            Requester.injectConnectionClasses(_Http, _Https)
            try:
                return Github(
                    auth=auth,
                    base_url=base_url,
                    timeout=int(max(1, timeout)),
                    user_agent=USER_AGENT,
                    per_page=100,
                    retry=self.retry,
                    seconds_between_requests=None,
                    seconds_between_writes=None,
                )
            finally:
                Requester.resetConnectionClasses()

    def close(self) -> None:
        """Close the session."""
        self.session.close()
