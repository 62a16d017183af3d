"""Fetch a GitHub portfolio with PyGithub in few requests, with a cache and bounded retries.

With a token, one paged GraphQL query (``analyzer.github.graphql``, 50 repos a request) fetches
everything below; without one, REST within the anonymous limit. REST request budget
(documented in docs/github.md):

* ``GET /users/{user}``: 1 request (PyGithub ``get_user``).
* ``GET /users/{user}/repos?type=owner&sort=pushed&direction=desc&per_page=100``: 1 request per
  100 repos (PyGithub ``get_repos``); it already carries description, topics, stars, forks,
  pushed date, licence, default branch and the fork flag. Paging stops once ``max_repos`` own
  repos are seen.
* per own repo: ``GET /repos/{o}/{r}/git/trees/{branch}?recursive=1`` (every path with its
  size: root files, .github/workflows, tests, notebooks, README location and language bytes
  by extension) and ``GET /repos/{o}/{r}/readme`` as raw text, skipped when the tree shows no
  README. ``/languages`` is called only when the tree is truncated or unavailable.
* the profile README (``<login>/<login>``): 1 request when that repo exists.
* dependency files for the skills cross-check: at most ``max_dependency_files`` small ones of
  the top repos (1 request each).

A typical profile with 10 repos costs about 2 + 2x10 + 1 + 5 = 28 requests on the first run and
0 rate-limited requests on a cached run (every answer a 304). A truncated tree (a repo of
many thousand files) costs one more call for the root entries and one for /languages.
"""

from __future__ import annotations

import base64
import datetime as _dt
import json
import logging
import math
import os
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

import requests
from github import Github, GithubException
from github.GithubException import (
    BadCredentialsException,
    RateLimitExceededException,
    UnknownObjectException,
)
from github.GithubObject import GithubObject

from analyzer.errors import GitHubError, RateLimited
from analyzer.github import graphql as gql
from analyzer.github.cache import ResponseCache, credential_fingerprint, default_cache_dir
from analyzer.github.hygiene import languages_from_sizes
from analyzer.github.interface import Portfolio, RepoSnapshot, UserProfile
from analyzer.github.transport import (
    CUT_HEADER,
    DEFAULT_MAX_SECONDS,
    MAX_RAW_BYTES,
    Budget,
    RequestStats,
    ServerFault,
    TooLarge,
    Transport,
    make_retry,
)
from analyzer.rules.portfolio import Rubric

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://api.github.com"
DEFAULT_MAX_REPOS = 20
"""Own repos fetched by default: a recruiter looks at the recent ones. 20 costs at most
2 + 2x20 + 1 + 5 = 48 requests, within the anonymous limit (60/hour) with room for truncated
trees and retries; a token (5,000/hour) lets --max-repos go far higher."""
RAW = "application/vnd.github.raw+json"
_LOGIN = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$")
_README = re.compile(r"^readme(\.[a-z0-9]+)?$", re.IGNORECASE)
_DEP_PREFERENCE = (
    "requirements.txt",
    "pyproject.toml",
    "environment.yml",
    "environment.yaml",
    "setup.py",
    "pipfile",
    "setup.cfg",
    "package.json",
)


def token_from_env(name: str = "GITHUB_TOKEN") -> str | None:
    """Return the token from the environment variable `name` (None when unset or empty)."""
    value = os.environ.get(name, "").strip()
    return value or None


def rate_limit_message(
    reset: int | None, authenticated: bool, token_env: str = "GITHUB_TOKEN"
) -> str:
    """Say that the rate limit is exhausted, when it resets and what a token changes."""
    if reset:
        when = _dt.datetime.fromtimestamp(reset, tz=_dt.timezone.utc)
        minutes = max(0, math.ceil((reset - _dt.datetime.now(_dt.timezone.utc).timestamp()) / 60))
        wait = f"{minutes} min" if minutes < 120 else f"{minutes // 60} h {minutes % 60} min"
        text = (
            f"GitHub API rate limit exhausted; it resets at {when:%Y-%m-%d %H:%M} UTC (in {wait})."
        )
    else:
        text = "GitHub API rate limit exhausted."
    if authenticated:
        return (
            text + " The token allows 5,000 requests/hour; wait for the reset or lower --max-repos."
        )
    return text + (
        f" Without a token GitHub allows 60 requests/hour; set {token_env} to a personal access "
        "token (no scopes needed) for 5,000 requests/hour."
    )


class _RateLimitHit(Exception):
    """Internal: the rate limit stopped fetching."""

    def __init__(self, reset: int | None) -> None:
        super().__init__("rate limit")
        self.reset = reset


class _ServerFault(Exception):
    """Internal: a server error or network fault that retries did not cure."""


@dataclass
class _Answer:
    status: int
    headers: dict[str, str]
    body: str

    def json(self) -> Any:
        try:
            return json.loads(self.body) if self.body else None
        except ValueError:
            return None


def _listing_data(obj: Any) -> dict[str, Any]:
    """Return the attributes GitHub sent for a PyGithub object without completing it.

    CompletableGithubObject.raw_data would send ``GET /repos/{o}/{r}`` for every repo of a
    listing; the listing's own data is all we need.
    """
    data = GithubObject.raw_data.fget(obj)  # type: ignore[attr-defined]
    return dict(data or {})


def _parse_time(value: Any) -> _dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return _dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None


def _reset_of(exc: GithubException) -> int | None:
    headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
    try:
        return int(float(headers["x-ratelimit-reset"]))
    except (KeyError, ValueError):
        return None


def _is_rate_limit(exc: GithubException) -> bool:
    if isinstance(exc, RateLimitExceededException):
        return True
    headers = {k.lower(): v for k, v in (exc.headers or {}).items()}
    return exc.status in (403, 429) and str(headers.get("x-ratelimit-remaining")) == "0"


MAX_LISTING_REPEATS = 30
"""Repos listed again (a repo pushed during paging shows twice) before the listing is a loop."""

_CREDENTIAL = re.compile(r"(?i)\b(?:bearer|token|basic)\s+\S+|\bgh[pousr]_\w+|\bgithub_pat_\w+")
"""An Authorization header value or a GitHub token, as a server might echo it."""
MAX_SERVER_TEXT = 200
"""Characters of a server's own error message kept in mlcheck's messages."""


def _message(exc: GithubException, secret: str | None = None) -> str:
    """The server's words on an error: one line, bounded, with every credential blanked.

    The text comes from the server: a hostile or misconfigured one may echo the request's
    Authorization header back, so the token (``secret``) and anything token-shaped is removed.
    """
    data = exc.data
    if isinstance(data, dict) and data.get("message"):
        text = str(data["message"])
    else:
        text = exc.message or f"HTTP {exc.status}"
    if secret:
        text = text.replace(secret, "[redacted]")
    text = _CREDENTIAL.sub("[redacted]", text)
    return " ".join(text.split())[:MAX_SERVER_TEXT]


@dataclass
class _Fetch:
    """State of one fetch_portfolio call."""

    gh: Github
    login: str
    transport: Transport
    rubric: Rubric
    authenticated: bool
    token_env: str
    host: str
    secret: str | None = field(default=None, repr=False)
    """The token, kept only to blank it out of the server's error messages."""
    warnings: list[str] = field(default_factory=list)
    partial: bool = False
    rate_reset: int | None = None
    server_faults: int = 0
    _warned: set[str] = field(default_factory=set)

    def warn(self, text: str, once: str | None = None) -> None:
        if once is not None:
            if once in self._warned:
                return
            self._warned.add(once)
        logger.warning("%s", text)
        self.warnings.append(text)

    # ------------------------------------------------------------------ raw calls

    def get(self, path: str, accept: str = "application/vnd.github+json") -> _Answer:
        """GET a path of the API through PyGithub's requester; raise on rate limit and faults."""
        return self._request("GET", path, cut_warning=True, headers={"Accept": accept})

    def post_graphql(self, query: str, variables: dict[str, Any]) -> _Answer:
        """POST one GraphQL query through PyGithub's requester (its graphql_url, its auth)."""
        return self._request(
            "POST",
            self.gh.requester.graphql_url,
            input={"query": query, "variables": variables},
        )

    def _request(
        self, verb: str, url: str, *, cut_warning: bool = False, **options: Any
    ) -> _Answer:
        """Make one request through PyGithub's requester; raise on rate limit and faults.

        A rate limit (an exception saying so, or a 403/429 whose headers or text do) raises
        _RateLimitHit, a transport failure or a 5xx _ServerFault; another GitHubException
        becomes the answer it carried. With ``cut_warning``, a body the transport cut short
        is warned about.
        """
        try:
            status, headers, body = self.gh.requester.requestJson(verb, url, **options)
        except GithubException as exc:
            if _is_rate_limit(exc):
                raise _RateLimitHit(_reset_of(exc) or self.transport.stats.rate_reset) from None
            return _Answer(exc.status, dict(exc.headers or {}), json.dumps(exc.data or {}))
        except requests.RequestException as exc:
            raise _ServerFault(f"{type(exc).__name__} talking to {self.host}") from None
        low = {k.lower(): str(v) for k, v in headers.items()}
        text = body if isinstance(body, str) else ""
        if cut_warning and CUT_HEADER.lower() in low:
            limit = int(low[CUT_HEADER.lower()])
            self.warn(
                f"{url.split('?')[0]} is larger than {limit:,} bytes: only the first "
                f"{limit:,} were read (and nothing of it was cached)."
            )
        if status in (403, 429) and (
            low.get("x-ratelimit-remaining") == "0" or "rate limit" in text.lower()
        ):
            reset = low.get("x-ratelimit-reset")
            raise _RateLimitHit(int(float(reset)) if reset else self.transport.stats.rate_reset)
        if status >= 500:
            raise _ServerFault(f"{self.host} answered HTTP {status}")
        return _Answer(status, low, text)

    def raw_text(self, answer: _Answer) -> str:
        """Return file text from a raw answer, decoding a JSON contents answer if the server
        ignored the raw media type."""
        if "json" in answer.headers.get("content-type", ""):
            data = answer.json()
            if isinstance(data, dict) and data.get("encoding") == "base64":
                return base64.b64decode(data.get("content", "")).decode("utf-8", "replace")
        return answer.body

    # ------------------------------------------------------------------ per repo

    def repo(self, data: dict[str, Any]) -> RepoSnapshot:
        """Fetch tree, README and (when needed) languages of one listed repo."""
        name = str(data.get("name", ""))
        base = f"/repos/{quote(self.login)}/{quote(name)}"
        branch = str(data.get("default_branch") or "HEAD")
        snapshot = _snapshot_from_listing(data)
        tree_answer = self.get(f"{base}/git/trees/{quote(branch, safe='')}?recursive=1")
        if tree_answer.status == 451:
            return _with(snapshot, error="unavailable for legal reasons (HTTP 451)")
        if tree_answer.status == 409:  # an empty repository has no tree
            return _with(snapshot, files=(), tree=(), empty=True)
        tree_known = tree_answer.status == 200 and isinstance(tree_answer.json(), dict)
        files: tuple[str, ...] = ()
        tree: tuple[str, ...] = ()
        sizes: tuple[tuple[str, int], ...] = ()
        truncated = False
        if tree_answer.status == 200 and not tree_known:
            raise ServerFault(f"{self.host} sent malformed JSON for the file tree of {name}")
        if tree_known:
            payload = tree_answer.json()
            files, tree, sizes = _split_tree(payload.get("tree") or [])
            truncated = bool(payload.get("truncated"))
            if truncated:
                files, sizes = self.root_entries(base, branch, files, sizes)
                self.warn(
                    f"{name}: GitHub truncated the file tree (too many files); root files are "
                    "complete, but tests, notebooks or workflows deeper down may be missed."
                )
        else:
            self.warn(
                f"{name}: the file tree is not available (HTTP {tree_answer.status}); "
                "hygiene checks that need files are skipped as failed.",
            )
        readme: str | None = None
        readme_path: str | None = None
        candidate = _readme_in_tree(files, tree) if tree_known else "README.md"
        if candidate is not None:
            answer = self.get(f"{base}/readme", accept=RAW)
            if answer.status == 200:
                readme = self.raw_text(answer)
                readme_path = candidate
            elif answer.status == 451:
                return _with(snapshot, error="unavailable for legal reasons (HTTP 451)")
            elif answer.status == 404 and not tree_known:
                return _with(snapshot, error=f"not found (HTTP {tree_answer.status})")
        languages = languages_from_sizes(sizes, self.rubric) if tree_known else ()
        if truncated or not tree_known:
            answer = self.get(f"{base}/languages")
            data_langs = answer.json()
            if answer.status == 200 and isinstance(data_langs, dict):
                languages = tuple(
                    sorted(((str(k), int(v)) for k, v in data_langs.items()), key=lambda kv: -kv[1])
                )
            else:
                self.warn(
                    f"The server has no languages endpoint (HTTP {answer.status}); "
                    "language statistics are incomplete.",
                    once="languages",
                )
        return _with(
            snapshot,
            readme=readme,
            readme_path=readme_path,
            files=files,
            tree=tree,
            file_sizes=sizes,
            languages=languages or snapshot.languages,
        )

    def root_entries(
        self,
        base: str,
        branch: str,
        known: tuple[str, ...],
        sizes: tuple[tuple[str, int], ...],
    ) -> tuple[tuple[str, ...], tuple[tuple[str, int], ...]]:
        """Add the root entries and their sizes from the non-recursive tree (a truncated
        recursive tree may lack requirements.txt); unchanged when that call fails."""
        answer = self.get(f"{base}/git/trees/{quote(branch, safe='')}")
        data = answer.json()
        if answer.status != 200 or not isinstance(data, dict):
            return known, sizes
        root, _, root_sizes = _split_tree(data.get("tree") or [])
        merged = dict(sizes)
        merged.update(root_sizes)
        return tuple(dict.fromkeys([*root, *known])), tuple(merged.items())

    def dependency_file(self, repo: RepoSnapshot, path: str) -> str | None:
        """Fetch one small dependency file as text."""
        branch = quote(repo.default_branch or "HEAD", safe="")
        url = f"/repos/{quote(self.login)}/{quote(repo.name)}/contents/{quote(path)}?ref={branch}"
        answer = self.get(url, accept=RAW)
        return self.raw_text(answer) if answer.status == 200 else None


def _with(snapshot: RepoSnapshot, **changes: Any) -> RepoSnapshot:
    return replace(snapshot, **changes)


def _snapshot_from_listing(data: dict[str, Any]) -> RepoSnapshot:
    licence = data.get("license")
    spdx = licence.get("spdx_id") if isinstance(licence, dict) else None
    if spdx in ("NOASSERTION", ""):
        spdx = "other"
    language = data.get("language")
    return RepoSnapshot(
        name=str(data.get("name", "")),
        fork=bool(data.get("fork")),
        description=data.get("description") or None,
        topics=tuple(str(t) for t in data.get("topics") or ()),
        languages=((str(language), 0),) if language else (),
        stars=int(data.get("stargazers_count") or 0),
        forks=int(data.get("forks_count") or 0),
        pushed_at=_parse_time(data.get("pushed_at")),
        license=spdx,
        html_url=data.get("html_url"),
        default_branch=data.get("default_branch"),
        homepage=data.get("homepage") or None,
        archived=bool(data.get("archived")),
        topics_known="topics" in data,
    )


def _split_tree(
    entries: list[Any],
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, int], ...]]:
    """Split git tree entries into root names (dirs end with /), nested paths and blob sizes."""
    files: list[str] = []
    tree: list[str] = []
    sizes: list[tuple[str, int]] = []
    for entry in entries:
        if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
            continue
        path = entry["path"]
        is_dir = entry.get("type") == "tree"
        shown = path + "/" if is_dir else path
        (tree if "/" in path else files).append(shown)
        if entry.get("type") == "blob":
            sizes.append((path, int(entry.get("size") or 0)))
    return tuple(files), tuple(tree), tuple(sizes)


def _readme_in_tree(files: tuple[str, ...], tree: tuple[str, ...]) -> str | None:
    """Return the README path GitHub would show (root, then .github/, then docs/), if any."""
    for folder in ("", ".github/", "docs/"):
        pool = files if not folder else tree
        for path in pool:
            if path.startswith(folder) and _README.match(path[len(folder) :]):
                return path
    return None


def _pick_dependency_file(repo: RepoSnapshot, max_bytes: int) -> str | None:
    sizes = {p.lower(): (p, s) for p, s in repo.file_sizes if "/" not in p}
    for name in _DEP_PREFERENCE:
        if name in sizes and 0 < sizes[name][1] <= max_bytes:
            return sizes[name][0]
    return None


def _user_profile(data: dict[str, Any], has_profile_readme: bool) -> UserProfile:
    return UserProfile(
        login=str(data.get("login", "")),
        name=data.get("name") or None,
        bio=data.get("bio") or None,
        blog=data.get("blog") or None,
        public_repos=int(data.get("public_repos") or 0),
        has_profile_readme=has_profile_readme,
        html_url=data.get("html_url"),
        company=data.get("company") or None,
        location=data.get("location") or None,
        twitter_username=data.get("twitter_username") or None,
        followers=int(data.get("followers") or 0),
    )


def fetch_portfolio(
    user: str,
    *,
    token: str | None = None,
    api_url: str = DEFAULT_API_URL,
    max_repos: int = DEFAULT_MAX_REPOS,
    include_forks: bool = False,
    cache_dir: Path | None = None,
    use_cache: bool = True,
    max_rate_limit_wait: float = 10,
    retries: int = 3,
    backoff_factor: float = 0.5,
    timeout: float = 15,
    sleep: Callable[[float], None] | None = None,
    fetch_dependencies: bool = True,
    token_env: str = "GITHUB_TOKEN",
    max_seconds: float = DEFAULT_MAX_SECONDS,
    max_raw_bytes: int = MAX_RAW_BYTES,
    clock: Callable[[], float] | None = None,
    graphql: bool = True,
    rubric: Rubric,
) -> Portfolio:
    """Fetch a user's profile and own repos (most recently pushed first) for review.

    With a token (and `graphql`), one paged GraphQL query fetches everything
    (``analyzer.github.graphql``: 50 repos a request); a server without a GraphQL endpoint
    (HTTP 404) falls back to REST with a warning. Without a token, REST (2 + 2 per repo).

    Forks are listed apart (listing data only) unless `include_forks`. Waits for rate limits
    and Retry-After are capped at `max_rate_limit_wait` seconds; transient 5xx/timeouts are
    retried `retries` times with exponential backoff (`backoff_factor`, `sleep` injectable).
    When the rate limit runs out part-way, what was fetched is kept (``partial=True`` and a
    warning saying when it resets); RateLimited is raised only if nothing useful was fetched.
    Raises GitHubError for a missing user, bad credentials or an unreachable server, and
    ServerFault (a GitHubError) when the server breaks the protocol (a redirect or Link header
    to another host, a redirect or pagination loop, malformed JSON, a 202, a JSON answer over
    the size limit) or the whole fetch takes longer than `max_seconds` (`clock` injectable).
    A README or dependency file over `max_raw_bytes` is cut with a warning, never cached. The
    token is only handed to PyGithub's Auth.Token (and kept to blank it out of server messages
    that echo it): it is never logged, cached or put in an error message.
    """
    if not _LOGIN.match(user or ""):
        raise GitHubError(f"'{user}' is not a valid GitHub user name")
    if max_repos < 0:
        raise GitHubError("max_repos must be 0 or more")
    budget = Budget(max_seconds, clock) if clock else Budget(max_seconds)
    stats = RequestStats()
    cache = None
    if use_cache:
        try:
            cache = ResponseCache(cache_dir or default_cache_dir(), credential_fingerprint(token))
        except OSError as exc:
            logger.warning("GitHub cache disabled: %s", exc)
    retry = make_retry(
        stats,
        total=retries,
        backoff_factor=backoff_factor,
        max_wait=max_rate_limit_wait,
        sleeper=sleep,
        budget=budget,
    )
    transport = Transport(retry, stats, cache, budget, max_raw_bytes=max_raw_bytes)
    host = urlsplit(api_url).hostname or api_url
    try:
        gh = transport.github(token, api_url.rstrip("/"), timeout)
        fetch = _Fetch(
            gh, user, transport, rubric, token is not None, token_env, host, secret=token
        )
        if token is not None and graphql:
            done = _fetch_graphql(fetch, user, max_repos, include_forks)
            if done is not None:
                return done
        return _fetch(fetch, user, max_repos, include_forks, fetch_dependencies)
    except (AssertionError, RuntimeError, RecursionError) as exc:
        # PyGithub's own refusals (a Link or redirect it does not trust); ours come first,
        # this is the net under them
        raise ServerFault(
            f"{host} sent an answer PyGithub refused ({type(exc).__name__})"
        ) from None
    finally:
        transport.close()


def _get_user(fetch: _Fetch, user: str) -> tuple[Any, dict[str, Any]]:
    """Fetch the user: PyGithub's object (to list repos from) and its JSON; faults are errors."""
    stats = fetch.transport.stats
    try:
        named = fetch.gh.get_user(user)
        return named, _listing_data(named)
    except BadCredentialsException:
        raise GitHubError(
            f"GitHub rejected the token (HTTP 401); check {fetch.token_env} or unset it"
        ) from None
    except UnknownObjectException:
        raise GitHubError(f"GitHub user '{user}' not found") from None
    except GithubException as exc:
        if _is_rate_limit(exc):
            reset = _reset_of(exc) or stats.rate_reset
            raise RateLimited(
                rate_limit_message(reset, fetch.authenticated, fetch.token_env),
                reset_at=_iso(reset),
            ) from None
        raise GitHubError(
            f"{fetch.host} answered HTTP {exc.status} for user '{user}': "
            f"{_message(exc, fetch.secret)}"
        ) from None
    except requests.RequestException as exc:
        raise GitHubError(
            f"could not reach {fetch.host} ({type(exc).__name__}) after retries"
        ) from None
    except ValueError:
        raise ServerFault(f"{fetch.host} sent malformed JSON for user '{user}'") from None


@dataclass
class _Listing:
    """The user's repos as listed, sorted into what is judged and what is set apart."""

    own: list[dict[str, Any]] = field(default_factory=list)
    forks: list[dict[str, Any]] = field(default_factory=list)
    profile_repo: dict[str, Any] | None = None
    complete: bool = True
    rate_limited: bool = False


def _list_repos(
    fetch: _Fetch,
    named: Any,
    user_data: dict[str, Any],
    max_repos: int,
    include_forks: bool,
) -> _Listing:
    """List the user's repos, most recently pushed first, up to max_repos of their own.

    A rate limit or a network failure ends the listing early (a warning, a partial review);
    a server that keeps listing the same repos is a fault.
    """
    listing = _Listing()
    if int(user_data.get("public_repos") or 0) == 0 and "public_repos" in user_data:
        return listing
    login = fetch.login or ""
    topics_missing = False
    listed: set[str] = set()
    repeats = 0
    try:
        for repo in named.get_repos(type="owner", sort="pushed", direction="desc"):
            data = _listing_data(repo)
            key = str(data.get("id") or data.get("name", ""))
            if key in listed:
                # a repo pushed while we page (sort=pushed) moves up and shows again:
                # skip it; a listing that keeps repeating itself never ends
                repeats += 1
                if repeats > MAX_LISTING_REPEATS:
                    raise ServerFault(
                        f"{fetch.host} keeps listing the same repos "
                        f"({data.get('name')!r} and others); the listing never ends"
                    )
                continue
            listed.add(key)
            if "topics" not in data:
                topics_missing = True
            if str(data.get("name", "")).lower() == login.lower():
                listing.profile_repo = data
            elif data.get("fork"):
                listing.forks.append(data)
                if include_forks and len(listing.own) < max_repos:
                    listing.own.append(data)
            elif len(listing.own) < max_repos:
                listing.own.append(data)
            else:
                listing.complete = False
                break
    except GithubException as exc:
        listing.complete = False
        fetch.partial = True
        if _is_rate_limit(exc):
            listing.rate_limited = True
            fetch.rate_reset = _reset_of(exc) or fetch.transport.stats.rate_reset
            fetch.warn(rate_limit_message(fetch.rate_reset, fetch.authenticated, fetch.token_env))
        else:
            reason = _message(exc, fetch.secret)
            fetch.warn(f"Listing repos stopped: HTTP {exc.status} {reason}.")
    except requests.RequestException as exc:
        listing.complete = False
        fetch.partial = True
        fetch.warn(f"Listing repos stopped: {type(exc).__name__} talking to {fetch.host}.")
    except ValueError:
        raise ServerFault(f"{fetch.host} sent malformed JSON listing the repos") from None
    if topics_missing:
        fetch.warn("The server did not return repo topics; the topics check is skipped.")
    return listing


def _snapshot_repos(
    fetch: _Fetch, own: list[dict[str, Any]]
) -> tuple[list[RepoSnapshot], str | None]:
    """Fetch each listed repo's README and tree; return them and why fetching stopped, if it did.

    After the rate limit runs out, or the server fails twice in a row, the remaining repos are
    kept as listed, each with the reason it was not fetched.
    """
    snapshots: list[RepoSnapshot] = []
    stopped: str | None = None
    for data in own:
        if stopped:
            snapshots.append(_with(_snapshot_from_listing(data), error=stopped))
            continue
        try:
            snapshot = fetch.repo(data)
            fetch.server_faults = 0
        except _RateLimitHit as hit:
            fetch.rate_reset = hit.reset
            fetch.partial = True
            fetch.warn(rate_limit_message(hit.reset, fetch.authenticated, fetch.token_env))
            stopped = "not fetched: the API rate limit ran out"
            snapshots.append(_with(_snapshot_from_listing(data), error=stopped))
            continue
        except _ServerFault as fault:
            fetch.server_faults += 1
            snapshot = _with(_snapshot_from_listing(data), error=f"server error: {fault}")
            if fetch.server_faults >= 2:
                fetch.partial = True
                stopped = "not fetched: the server kept failing"
        if snapshot.error:
            fetch.warn(f"Repo {snapshot.name} skipped: {snapshot.error}.")
        snapshots.append(snapshot)
    return snapshots, stopped


def _profile_readme(fetch: _Fetch, login: str) -> tuple[bool, str | None]:
    """Tell whether the <login>/<login> profile README exists; and 'rate limit' if it ran out."""
    try:
        answer = fetch.get(f"/repos/{quote(login)}/{quote(login)}/readme", accept=RAW)
        return answer.status == 200 and bool(answer.body.strip()), None
    except _RateLimitHit as hit:
        fetch.rate_reset = hit.reset
        fetch.partial = True
        return False, "rate limit"
    except _ServerFault:
        return False, None


def _fetch(
    fetch: _Fetch, user: str, max_repos: int, include_forks: bool, fetch_dependencies: bool
) -> Portfolio:
    """Fetch a portfolio in its steps: the user, the listing, each repo, the profile README."""
    named, user_data = _get_user(fetch, user)
    login = str(user_data.get("login") or user)
    fetch.login = login
    listing = _list_repos(fetch, named, user_data, max_repos, include_forks)
    snapshots, stopped = _snapshot_repos(fetch, listing.own)
    has_profile_readme = False
    if not stopped and (listing.profile_repo is not None or not listing.complete):
        has_profile_readme, stopped = _profile_readme(fetch, login)
    if fetch_dependencies and not stopped:
        snapshots = _fetch_dependencies(fetch, snapshots)
    nothing_listed = not listing.own and not listing.forks and listing.profile_repo is None
    if listing.rate_limited and nothing_listed:
        # a profile without a single repo listed would read as an empty account
        raise RateLimited(
            rate_limit_message(fetch.rate_reset, fetch.authenticated, fetch.token_env),
            reset_at=_iso(fetch.rate_reset),
        )
    return _portfolio(fetch, user_data, has_profile_readme, snapshots, listing.forks)


def _fetch_dependencies(fetch: _Fetch, snapshots: list[RepoSnapshot]) -> list[RepoSnapshot]:
    """Fetch one small dependency file for each of the top repos, within the budget."""
    budget = fetch.rubric.max_dependency_files
    out: list[RepoSnapshot] = []
    considered = 0
    for snapshot in snapshots:
        if (
            snapshot.error
            or snapshot.fork
            or budget <= 0
            or considered >= fetch.rubric.dependency_repos
        ):
            out.append(snapshot)
            continue
        path = _pick_dependency_file(snapshot, fetch.rubric.max_dependency_bytes)
        if path is None:
            out.append(snapshot)
            continue
        considered += 1
        budget -= 1
        try:
            text = fetch.dependency_file(snapshot, path)
        except (_RateLimitHit, _ServerFault) as exc:
            if isinstance(exc, _RateLimitHit):
                fetch.partial = True
                fetch.rate_reset = exc.reset
                fetch.warn(rate_limit_message(exc.reset, fetch.authenticated, fetch.token_env))
            out.append(snapshot)
            budget = 0
            continue
        out.append(_with(snapshot, dependency_files=((path, text),)) if text else snapshot)
    return out


def _portfolio(
    fetch: _Fetch,
    user_data: dict[str, Any],
    has_profile_readme: bool,
    snapshots: list[RepoSnapshot],
    forks: Iterable[dict[str, Any]],
) -> Portfolio:
    """Assemble what was fetched, over REST or GraphQL, with the run's request figures."""
    stats = fetch.transport.stats
    reset = stats.rate_reset if stats.rate_reset else fetch.rate_reset
    return Portfolio(
        user=_user_profile(user_data, has_profile_readme),
        repos=tuple(snapshots),
        forks=tuple(_snapshot_from_listing(f) for f in forks),
        requests_used=stats.used,
        not_modified=stats.not_modified,
        warnings=tuple(fetch.warnings),
        partial=fetch.partial,
        rate_limit_remaining=stats.rate_remaining,
        rate_limit_reset=(
            _dt.datetime.fromtimestamp(reset, tz=_dt.timezone.utc) if reset else None
        ),
    )


def _iso(reset: int | None) -> str | None:
    if not reset:
        return None
    return _dt.datetime.fromtimestamp(reset, tz=_dt.timezone.utc).isoformat()


def _graphql_page(fetch: _Fetch, user: str, after: str | None, first: int) -> gql.Page | None:
    """Send one page of the GraphQL query; None when the server has no GraphQL endpoint."""
    answer = fetch.post_graphql(gql.QUERY, gql.variables(user, first, after))
    if answer.status == 401:
        raise GitHubError(
            f"GitHub rejected the token (HTTP 401); check {fetch.token_env} or unset it"
        )
    if answer.status == 404 and after is None:
        return None
    if answer.status != 200:
        data = answer.json()
        said = data.get("message") if isinstance(data, dict) else None
        text = _CREDENTIAL.sub("[redacted]", " ".join(str(said or "").split()))
        if fetch.secret:
            text = text.replace(fetch.secret, "[redacted]")
        raise _ServerFault(
            f"{fetch.host} answered HTTP {answer.status} to the GraphQL query"
            + (f": {text[:MAX_SERVER_TEXT]}" if text else "")
        )
    try:
        page = gql.parse_page(answer.body)
    except gql.GraphQLAnswerError as exc:
        raise ServerFault(
            f"{fetch.host} sent a GraphQL answer mlcheck cannot read ({exc})"
        ) from None
    if "RATE_LIMITED" in page.error_types:
        raise _RateLimitHit(gql.reset_of(answer.body) or fetch.transport.stats.rate_reset)
    return page


def _graphql_snapshot(fetch: _Fetch, node: gql.RepoNode) -> RepoSnapshot:
    """Turn one GraphQL repo into a snapshot: listing data, tree, README, dependency files."""
    snapshot = _snapshot_from_listing(node.listing)
    if node.empty:
        return _with(snapshot, files=(), tree=(), empty=True)
    limit = fetch.transport.max_raw_bytes
    readme = readme_path = None
    if node.readme is not None:
        readme, readme_path = node.readme.text, node.readme.path
        if len(readme.encode()) > limit or node.readme.truncated:
            readme = readme.encode()[:limit].decode("utf-8", "ignore")
            fetch.warn(
                f"The README of {snapshot.name} is larger than {limit:,} bytes: only the "
                "start was read."
            )
    deps = tuple(
        (b.path, b.text)
        for b in node.dependencies
        if b.text and not b.truncated and b.size <= fetch.rubric.max_dependency_bytes
    )
    return _with(
        snapshot,
        readme=readme,
        readme_path=readme_path,
        files=node.files,
        tree=node.tree,
        file_sizes=node.sizes,
        languages=node.languages or snapshot.languages,
        dependency_files=deps,
    )


def _fetch_graphql(
    fetch: _Fetch, user: str, max_repos: int, include_forks: bool
) -> Portfolio | None:
    """Fetch a portfolio with the paged GraphQL query; None when the server has no GraphQL.

    The pages stop once ``max_repos`` own repos are seen. A rate limit on the first page is
    RateLimited; later, what was fetched is kept (partial). A cursor seen before is a loop.
    """
    listing = _Listing()
    user_data: dict[str, Any] | None = None
    has_profile_readme = False
    nodes: list[gql.RepoNode] = []
    cursors: set[str] = set()
    listed: set[str] = set()
    after: str | None = None
    first = gql.PAGE_SIZE
    while True:
        try:
            page = _graphql_page(fetch, user, after, first)
        except TooLarge:
            if first <= gql.SMALL_PAGE_SIZE:
                raise
            # a page of repos with huge trees or READMEs: ask again for fewer at a time
            first = gql.SMALL_PAGE_SIZE
            fetch.warn(
                f"A GraphQL page of {gql.PAGE_SIZE} repos was over the size limit; "
                f"asking for {first} at a time."
            )
            continue
        except _RateLimitHit as hit:
            if after is None:
                raise RateLimited(
                    rate_limit_message(hit.reset, fetch.authenticated, fetch.token_env),
                    reset_at=_iso(hit.reset),
                ) from None
            fetch.partial, fetch.rate_reset = True, hit.reset
            fetch.warn(rate_limit_message(hit.reset, fetch.authenticated, fetch.token_env))
            break
        except _ServerFault as fault:
            if after is None:
                raise GitHubError(f"GitHub review failed: {fault}") from None
            fetch.partial = True
            fetch.warn(f"Listing repos stopped: {fault}.")
            break
        if page is None:
            fetch.warn(f"{fetch.host} has no GraphQL endpoint; the REST API was used instead.")
            return None
        if page.user is None:
            if after is None:
                if "NOT_FOUND" in page.error_types:
                    raise GitHubError(f"GitHub user '{user}' not found")
                said = "; ".join(page.errors[:2]) or "no user in the answer"
                raise ServerFault(f"{fetch.host} answered the GraphQL query with: {said}")
            fetch.partial = True
            fetch.warn("Listing repos stopped: a GraphQL page came back without the user.")
            break
        if after is None:
            user_data, has_profile_readme = page.user, page.has_profile_readme
            fetch.login = str(page.user.get("login") or user)
        for node in page.repos:
            key = str(node.listing.get("id") or node.listing["name"])
            if key in listed:
                continue  # pushed while paging (sort by push): listed again
            listed.add(key)
            name = str(node.listing["name"])
            if name.lower() == fetch.login.lower():
                listing.profile_repo = node.listing
            elif node.listing["fork"]:
                listing.forks.append(node.listing)
                if include_forks and len(nodes) < max_repos:
                    nodes.append(node)
            elif len(nodes) < max_repos:
                nodes.append(node)
            else:
                listing.complete = False
        if not listing.complete or page.next_cursor is None:
            break
        if page.next_cursor in cursors:
            raise ServerFault(
                f"{fetch.host} keeps answering with the same page; the listing never ends"
            )
        cursors.add(page.next_cursor)
        after = page.next_cursor
    assert user_data is not None
    snapshots = [_graphql_snapshot(fetch, node) for node in nodes]
    return _portfolio(fetch, user_data, has_profile_readme, snapshots, listing.forks)
