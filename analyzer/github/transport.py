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
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, urljoin, urlsplit

import requests
import urllib3
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

from analyzer.errors import GitHubError
from analyzer.github.cache import ResponseCache

logger = logging.getLogger(__name__)

USER_AGENT = "mlcheck (+https://github.com/mlcheck/mlcheck)"
_INJECT_LOCK = threading.Lock()

DEFAULT_MAX_SECONDS = 60.0
"""Time budget of one whole review (every request, retry and wait), in seconds."""
MAX_BODY_BYTES = 16_000_000
"""Largest JSON answer read (a truncated recursive tree of a huge repo is about 7 MB)."""
MAX_RAW_BYTES = 1_000_000
"""Largest raw file (README, dependency file) read; the rest is cut with a warning."""
MAX_REDIRECTS = 5
"""Same-host redirects followed in a row before the chain is called a loop."""
CUT_HEADER = "X-Mlcheck-Cut"
"""Set on a response whose body was cut at the size limit (its value: the limit in bytes)."""
_READ_CHUNK = 65_536


class ServerFault(GitHubError):
    """The server broke the protocol (a redirect elsewhere, a loop, malformed data) or the
    review ran out of its time budget; the review stops with exit 4."""


class TooLarge(ServerFault):
    """A JSON answer over the size limit (half a JSON document is no answer)."""


@dataclass
class Budget:
    """The time budget of one review; the clock is injectable so tests need not wait."""

    seconds: float = DEFAULT_MAX_SECONDS
    """Seconds the whole review may take."""
    clock: Callable[[], float] = time.monotonic
    """Monotonic clock."""
    started: float = field(default=0.0)
    """Clock reading at the start."""

    def __post_init__(self) -> None:
        self.started = self.clock()

    def remaining(self) -> float:
        """Seconds left (negative when over)."""
        return self.seconds - (self.clock() - self.started)

    def check(self, host: str) -> float:
        """Return the seconds left; raise ServerFault when none are."""
        left = self.remaining()
        if left <= 0:
            raise ServerFault(
                f"the GitHub review ran out of its {self.seconds:g} s budget talking to {host} "
                "(a slow or stalling server); raise it with --max-seconds-github"
            )
        return left


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
        budget: Budget | None = None,
        **kwargs: Any,
    ) -> None:
        self._stats = stats if stats is not None else RequestStats()
        self._sleeper = sleeper or time.sleep
        self._budget = budget
        super().__init__(**kwargs)

    def new(self, **kw: Any) -> BoundedRetry:  # noqa: D102 - urllib3 API
        kw.update(stats=self._stats, sleeper=self._sleeper, budget=self._budget)
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
        if self._budget is not None:
            # never sleep past the review's budget: the next send would refuse anyway
            wait = min(wait, max(0.0, self._budget.remaining()))
        if wait > 0:
            self._sleeper(wait)


def make_retry(
    stats: RequestStats,
    *,
    total: int = 3,
    backoff_factor: float = 0.5,
    max_wait: float = 10.0,
    sleeper: Callable[[float], None] | None = None,
    budget: Budget | None = None,
) -> BoundedRetry:
    """Build the retry policy: `total` retries on 5xx/429/rate-limit 403, waits capped."""
    return BoundedRetry(
        stats=stats,
        sleeper=sleeper,
        budget=budget,
        total=total,
        backoff_factor=backoff_factor,
        backoff_max=max_wait,
        status_forcelist=[429, *range(500, 600)],
        # every request mlcheck sends is a read, the GraphQL query (a POST) included
        allowed_methods=frozenset({"GET", "HEAD", "POST"}),
        raise_on_status=False,
        secondary_rate_wait=max_wait,
        max_rate_limit_wait=max_wait,
    )


class CachingAdapter(HTTPAdapter):
    """A requests adapter that counts requests, makes GETs conditional on the cache and
    refuses what a sane GitHub never sends: redirects or Link headers to another host, loops,
    202 answers, bodies over the size limit, anything past the time budget."""

    def __init__(
        self,
        stats: RequestStats,
        cache: ResponseCache | None,
        retry: Retry,
        budget: Budget | None = None,
        max_body_bytes: int | None = None,
        max_raw_bytes: int = MAX_RAW_BYTES,
    ) -> None:
        super().__init__(max_retries=retry, pool_connections=4, pool_maxsize=4)
        self.stats = stats
        self.cache = cache
        self.budget = budget or Budget()
        self.max_body_bytes = MAX_BODY_BYTES if max_body_bytes is None else max_body_bytes
        self.max_raw_bytes = max_raw_bytes
        self._redirects = 0
        self._pages: set[str] = set()

    def send(  # type: ignore[override]
        self, request: requests.PreparedRequest, **kwargs: Any
    ) -> requests.Response:
        """Send one request (with validators when cached) and replay the cache on 304."""
        url = request.url or ""
        host = urlsplit(url).hostname or "the server"
        left = self.budget.check(host)
        kwargs["timeout"] = _bounded_timeout(kwargs.get("timeout"), left)
        kwargs["stream"] = True  # read the body here, within the size limit and the budget
        self.stats.sent += 1
        cached = None
        accept_header = request.headers.get("Accept", "")
        accept = accept_header.decode() if isinstance(accept_header, bytes) else accept_header
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
        try:
            self._refuse_protocol_faults(url, response)
            raw_file = "raw" in accept
            limit = self.max_raw_bytes if raw_file else self.max_body_bytes
            cut = self._read_body(response, limit, host)
            if cut and not raw_file:
                # half a JSON document is no answer; a raw file's start still is
                raise TooLarge(
                    f"{host} sent more than {limit:,} bytes for {urlsplit(url).path}; refused"
                )
        except BaseException:
            response.close()
            raise
        if response.status_code == 304:
            self.stats.not_modified += 1
            if cached is not None:
                return _replay(request, response, cached.headers, cached.body)
        elif response.status_code == 200 and cacheable and not cut:
            assert self.cache is not None
            self.cache.put(url, accept, dict(response.headers), response.content)
        return response

    def _refuse_protocol_faults(self, url: str, response: requests.Response) -> None:
        """Raise ServerFault on a redirect off the host, a redirect or Link loop, a 202."""
        here = urlsplit(url)
        status = response.status_code
        if status in (301, 302, 303, 307, 308):
            target = urlsplit(urljoin(url, response.headers.get("Location", "")))
            if _origin(target) != _origin(here):
                # never followed: the Authorization header would go with the request
                raise ServerFault(
                    f"{here.hostname} redirected to another host ({target.hostname}); "
                    "refused, so the token is not sent there (check --api-url)"
                )
            self._redirects += 1
            if self._redirects > MAX_REDIRECTS:
                raise ServerFault(f"{here.hostname} redirects in a loop ({here.path})")
            return
        self._redirects = 0
        if status == 202:
            # none of the endpoints mlcheck calls computes lazily; PyGithub would wait
            # 2 s and ask again, forever
            raise ServerFault(
                f"{here.hostname} answered 202 Accepted (still processing) to {here.path}"
            )
        if "Link" in response.headers:
            for link in response.links.values():
                target = urlsplit(urljoin(url, str(link.get("url", ""))))
                if _origin(target) != _origin(here):
                    raise ServerFault(
                        f"{here.hostname} sent a Link header to another host "
                        f"({target.hostname}); refused"
                    )
            self._pages.add(_page_key(here))
            following = response.links.get("next", {}).get("url")
            if following and _page_key(urlsplit(urljoin(url, following))) in self._pages:
                raise ServerFault(f"{here.hostname} sent pagination links that loop ({here.path})")

    def _read_body(self, response: requests.Response, limit: int, host: str) -> bool:
        """Read the body within `limit` bytes and the budget; return True when cut."""
        chunks: list[bytes] = []
        size = 0
        cut = False
        raw = response.raw
        while True:
            self.budget.check(host)
            try:
                chunk = raw.read1(_READ_CHUNK, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                # what requests does for a non-streamed body: one ConnectionError
                raise requests.ConnectionError(f"reading the answer failed: {exc}") from None
            if not chunk:
                break
            if size + len(chunk) > limit:
                chunks.append(chunk[: limit - size])
                cut = True
                break
            chunks.append(chunk)
            size += len(chunk)
        response._content = b"".join(chunks)
        response._content_consumed = True  # type: ignore[attr-defined]
        if cut:
            response.headers[CUT_HEADER] = str(limit)
            response.close()  # do not drain the rest
        else:
            response.raw.release_conn()
        return cut


def _origin(parts: Any) -> tuple[str, str, int | None]:
    """(scheme, host, port) with the scheme's default port spelled out."""
    default = {"https": 443, "http": 80}.get(parts.scheme)
    return parts.scheme, (parts.hostname or "").lower(), parts.port or default


def _page_key(parts: Any) -> str:
    """A URL without the order of its query parameters, to recognise a page seen before."""
    query = "&".join(f"{k}={v}" for k, v in sorted(parse_qsl(parts.query)))
    return f"{_origin(parts)}{parts.path}?{query}"


def _bounded_timeout(timeout: Any, left: float) -> Any:
    """Cap a requests timeout (a number or a (connect, read) pair) at the seconds left."""
    left = max(0.1, left)
    if isinstance(timeout, tuple):
        return tuple(left if t is None else min(float(t), left) for t in timeout)
    return left if timeout is None else min(float(timeout), left)


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

    def __init__(
        self,
        retry: BoundedRetry,
        stats: RequestStats,
        cache: ResponseCache | None,
        budget: Budget | None = None,
        max_raw_bytes: int = MAX_RAW_BYTES,
    ):
        """Create the session with the caching adapter mounted for http and https."""
        self.stats = stats
        self.retry = retry
        self.max_raw_bytes = max_raw_bytes
        self.session = requests.Session()
        # like PyGithub: a non-None auth stops requests from reading credentials from ~/.netrc
        self.session.auth = Requester.noopAuth
        adapter = CachingAdapter(stats, cache, retry, budget, max_raw_bytes=max_raw_bytes)
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
