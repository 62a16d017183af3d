"""A fake GitHub REST API: the same routes for `responses` mocks and a real HTTP server.

Build the data with FakeRepo/FakeUser, then either

* ``FakeGitHub(users).serve()`` as a context manager: an http.server on 127.0.0.1 (port 0) in a
  thread; ``.api_url`` is the base URL to pass as ``api_url``; or
* ``FakeGitHub(users).mock(rsps, api_url)`` to route a ``responses.RequestsMock`` through it.

It answers the calls mlcheck makes: ``/users/{u}``, ``/users/{u}/repos`` (paged by
``per_page``), ``/repos/{o}/{r}/git/trees/{branch}``, ``/repos/{o}/{r}/readme`` (raw),
``/repos/{o}/{r}/languages``, ``/repos/{o}/{r}/contents/{path}`` (raw). Every 200 carries an
ETag; a matching If-None-Match gets a 304 that does not use up the rate limit.

Faults: ``faults`` maps a path regex to a list of statuses served (and consumed) before the
normal answer, e.g. ``{"^/users/alice$": [500]}``; ``rate_limit`` is the number of requests
allowed before every request answers 403 with X-RateLimit-Remaining: 0; ``missing_endpoints``
lists path regexes answered 404 (a server without that endpoint); ``answers`` maps a path
regex to a fixed (status, headers, body) served every time, or to a function of the query
returning one (a broken or hostile server: redirects, malformed JSON, Link loops);
``trickle`` maps a path regex to the seconds the real server waits between bytes of that
answer (a slowly trickling response).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

RESET_EPOCH = 4102444800  # 2100-01-01T00:00:00Z: far enough that nobody waits for it


@dataclass
class FakeRepo:
    """A repository of the fake server."""

    name: str
    files: dict[str, str] = field(default_factory=dict)
    """path -> content (folders are implied by the paths)."""
    description: str | None = None
    topics: list[str] = field(default_factory=list)
    fork: bool = False
    stars: int = 0
    pushed_at: str = "2025-05-01T10:00:00Z"
    license: str | None = None
    language: str | None = "Python"
    default_branch: str = "main"
    status: int = 200
    """Status of every /repos/{o}/{name}/... call (404 gone, 451 blocked)."""
    archived: bool = False
    homepage: str | None = None
    truncated: bool = False
    """The recursive tree answer is truncated and lacks the root files (as for a huge repo)."""

    def listing(self, owner: str, base: str) -> dict[str, Any]:
        """The repo as the listing returns it."""
        return {
            "name": self.name,
            "full_name": f"{owner}/{self.name}",
            "fork": self.fork,
            "description": self.description,
            "topics": list(self.topics),
            "stargazers_count": self.stars,
            "forks_count": 0,
            "pushed_at": self.pushed_at,
            "license": {"spdx_id": self.license, "key": self.license.lower()}
            if self.license
            else None,
            "language": self.language,
            "default_branch": self.default_branch,
            "html_url": f"https://github.example/{owner}/{self.name}",
            "url": f"{base}/repos/{owner}/{self.name}",
            "archived": self.archived,
            "homepage": self.homepage,
        }


@dataclass
class FakeUser:
    """A user of the fake server with their repos (listing order = pushed desc)."""

    login: str
    repos: list[FakeRepo] = field(default_factory=list)
    name: str | None = None
    bio: str | None = None
    blog: str | None = None

    def profile(self, base: str) -> dict[str, Any]:
        """The user as /users/{login} returns it."""
        return {
            "login": self.login,
            "type": "User",
            "name": self.name,
            "bio": self.bio,
            "blog": self.blog or "",
            "public_repos": len(self.repos),
            "followers": 3,
            "html_url": f"https://github.example/{self.login}",
            "url": f"{base}/users/{self.login}",
            "repos_url": f"{base}/users/{self.login}/repos",
        }


@dataclass
class Seen:
    """One request the fake server received."""

    path: str
    status: int
    conditional: bool
    authorized: bool
    accept: str


class FakeGitHub:
    """Route GitHub API requests to canned data, with faults, ETags and a rate limit."""

    def __init__(
        self,
        users: list[FakeUser],
        *,
        faults: dict[str, list[int]] | None = None,
        rate_limit: int | None = None,
        missing_endpoints: list[str] | None = None,
        omit_topics: bool = False,
        answers: dict[str, Any] | None = None,
        trickle: dict[str, float] | None = None,
    ) -> None:
        """Serve `users`; see the module docstring for faults, rate_limit, missing_endpoints."""
        self.users = {u.login.lower(): u for u in users}
        self.faults = {re.compile(k): list(v) for k, v in (faults or {}).items()}
        self.rate_limit = rate_limit
        self.missing = [re.compile(p) for p in missing_endpoints or []]
        self.omit_topics = omit_topics
        self.answers = {re.compile(k): v for k, v in (answers or {}).items()}
        self.trickle = {re.compile(k): v for k, v in (trickle or {}).items()}
        self.seen: list[Seen] = []
        self.counted = 0
        self.api_url = ""
        self._link: str | None = None
        self._body: bytes | None = None
        self._posted = threading.local()
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ routing

    def handle(self, method: str, url: str, headers: dict[str, str]) -> tuple[int, dict, bytes]:
        """Answer one request: (status, headers, body)."""
        with self._lock:
            self._body = getattr(self._posted, "body", None)
            return self._handle(method, url, {k.lower(): v for k, v in headers.items()})

    def handle_post(
        self, url: str, headers: dict[str, str], body: bytes
    ) -> tuple[int, dict, bytes]:
        """Answer one POST (the GraphQL query) through ``handle``, its body kept aside."""
        self._posted.body = body
        try:
            return self.handle("POST", url, headers)
        finally:
            self._posted.body = None

    def _rate_headers(self) -> dict[str, str]:
        limit = self.rate_limit if self.rate_limit is not None else 5000
        return {
            "X-RateLimit-Limit": str(limit),
            "X-RateLimit-Remaining": str(max(0, limit - self.counted)),
            "X-RateLimit-Reset": str(RESET_EPOCH),
        }

    def _handle(self, method: str, url: str, headers: dict[str, str]) -> tuple[int, dict, bytes]:
        parts = urlsplit(url)
        path = unquote(parts.path)
        prefix = urlsplit(self.api_url).path.rstrip("/") if self.api_url else ""
        if prefix and path.startswith(prefix):
            path = path[len(prefix) :] or "/"
        query = {k: v[0] for k, v in parse_qs(parts.query).items()}
        accept = headers.get("accept", "")

        def done(status: int, body: Any, extra: dict[str, str] | None = None) -> tuple:
            self.seen.append(
                Seen(path, status, "if-none-match" in headers, "authorization" in headers, accept)
            )
            out = {**self._rate_headers(), **(extra or {})}
            if isinstance(body, (bytes, str)):
                data = body.encode() if isinstance(body, str) else body
                out.setdefault("Content-Type", "text/plain; charset=utf-8")
            else:
                data = json.dumps(body).encode()
                out.setdefault("Content-Type", "application/json; charset=utf-8")
            return status, out, data

        if self.rate_limit is not None and self.counted >= self.rate_limit:
            return done(
                403,
                {"message": "API rate limit exceeded for 127.0.0.1.", "documentation_url": "x"},
                {"X-RateLimit-Remaining": "0"},
            )
        for pattern, statuses in self.faults.items():
            if pattern.search(path) and statuses:
                status = statuses.pop(0)
                self.counted += 1
                return done(status, {"message": f"fault {status}"})
        for pattern, answer in self.answers.items():
            if pattern.search(path):
                status, extra, raw = answer(query) if callable(answer) else answer
                self.counted += 1
                return done(status, raw, {"Content-Type": "application/json", **extra})
        if any(p.search(path) for p in self.missing):
            self.counted += 1
            return done(404, {"message": "Not Found"})

        self._link = None
        if path.endswith("/graphql"):
            status, body = self._graphql("authorization" in headers)
            self.counted += 1
            return done(status, body)
        status, body = self._route(path, query, accept)
        if status == 200:
            raw = body if isinstance(body, (bytes, str)) else json.dumps(body, sort_keys=True)
            etag = '"' + hashlib.sha256(str(raw).encode()).hexdigest()[:20] + '"'
            if headers.get("if-none-match") == etag:
                return done(304, b"", {"ETag": etag})  # free: not counted
            self.counted += 1
            extra = {"ETag": etag}
            if self._link:
                extra["Link"] = self._link
            return done(200, body, extra)
        self.counted += 1
        return done(status, body)

    def _route(self, path: str, query: dict[str, str], accept: str) -> tuple[int, Any]:
        base = self.api_url
        m = re.fullmatch(r"/users/([^/]+)", path)
        if m:
            user = self.users.get(m.group(1).lower())
            return (200, user.profile(base)) if user else (404, {"message": "Not Found"})
        m = re.fullmatch(r"/users/([^/]+)/repos", path)
        if m:
            user = self.users.get(m.group(1).lower())
            if not user:
                return 404, {"message": "Not Found"}
            per_page = int(query.get("per_page", 30))
            page = int(query.get("page", 1))
            repos = user.repos[(page - 1) * per_page : page * per_page]
            if page * per_page < len(user.repos):
                nxt = f"{base}/users/{user.login}/repos?per_page={per_page}&page={page + 1}"
                self._link = f'<{nxt}>; rel="next"'
            listing = [r.listing(user.login, base) for r in repos]
            if self.omit_topics:
                for item in listing:
                    item.pop("topics")
            return 200, listing
        m = re.fullmatch(r"/repos/([^/]+)/([^/]+)(/.*)?", path)
        if not m:
            return 404, {"message": "Not Found"}
        user = self.users.get(m.group(1).lower())
        repo = next((r for r in user.repos if r.name == m.group(2)), None) if user else None
        if repo is None:
            return 404, {"message": "Not Found"}
        if repo.status != 200:
            return repo.status, {"message": "Repository access blocked"}
        rest = m.group(3) or ""
        if rest.startswith("/git/trees/"):
            if not repo.files:
                return 409, {"message": "Git Repository is empty."}
            entries = _tree(repo.files)
            if "recursive" not in query:
                return 200, {"sha": "abc", "tree": [e for e in entries if "/" not in e["path"]]}
            if repo.truncated:
                deep = [e for e in entries if "/" in e["path"]]
                return 200, {"sha": "abc", "tree": deep, "truncated": True}
            return 200, {"sha": "abc", "tree": entries, "truncated": False}
        if rest == "/readme":
            name = next((p for p in repo.files if p.lower().startswith("readme")), None)
            if name is None:
                return 404, {"message": "Not Found"}
            return 200, repo.files[name]
        if rest == "/languages":
            return 200, {repo.language or "Python": 1000}
        if rest.startswith("/contents/"):
            file_path = rest[len("/contents/") :]
            if file_path in repo.files:
                return 200, repo.files[file_path]
            return 404, {"message": "Not Found"}
        return 404, {"message": "Not Found"}

    def _graphql(self, authorized: bool) -> tuple[int, Any]:
        """Answer mlcheck's GraphQL query from the same data, as GitHub would shape it.

        The objects asked for (``alias: object(expression: "HEAD:path")``) are read from the
        query text, so the answer follows the query rather than a copy of it.
        """
        if not authorized:
            return 401, {"message": "This endpoint requires you to be authenticated."}
        try:
            request = json.loads(self._body or b"")
            query, variables = request["query"], request["variables"]
        except (ValueError, KeyError, TypeError):
            return 400, {"message": "Problems parsing JSON"}
        user = self.users.get(str(variables["login"]).lower())
        if user is None:
            return 200, {
                "data": {"rateLimit": _RATE, "user": None},
                "errors": [{"type": "NOT_FOUND", "path": ["user"], "message": "no user"}],
            }
        if "privacy: PUBLIC" not in query:
            return 200, {"errors": [{"message": "the fake serves public repos only"}]}
        first = int(variables["first"])
        start = int(variables["after"] or 0)
        repos = user.repos[start : start + first]
        objects = re.findall(r'(\w+): object\(expression: "HEAD:([^"]*)"\)', query)
        nodes = [self._graphql_repo(user, repo, objects) for repo in repos]
        data: dict[str, Any] = {
            "login": user.login,
            "repositories": {
                "totalCount": len(user.repos),
                "pageInfo": {
                    "hasNextPage": start + first < len(user.repos),
                    "endCursor": str(start + first),
                },
                "nodes": nodes,
            },
        }
        errors = []
        if variables.get("withUser"):
            profile_repo = next((r for r in user.repos if r.name == user.login), None)
            has_readme = profile_repo is not None and "README.md" in profile_repo.files
            data.update(
                name=user.name,
                bio=user.bio,
                websiteUrl=user.blog,
                url=f"https://github.example/{user.login}",
                followers={"totalCount": 3},
                profileReadme={"object": {"byteSize": 10}} if has_readme else None,
            )
            if profile_repo is None:
                errors.append({"type": "NOT_FOUND", "path": ["user", "profileReadme"]})
        answer: dict[str, Any] = {"data": {"rateLimit": _RATE, "user": data}}
        if errors:
            answer["errors"] = errors
        return 200, answer

    def _graphql_repo(
        self, user: FakeUser, repo: FakeRepo, objects: list[tuple[str, str]]
    ) -> dict[str, Any]:
        listing = repo.listing(user.login, self.api_url)
        node: dict[str, Any] = {
            "databaseId": abs(hash((user.login, repo.name))) % 10**9,
            "name": repo.name,
            "description": repo.description,
            "url": listing["html_url"],
            "homepageUrl": repo.homepage,
            "isFork": repo.fork,
            "isArchived": repo.archived,
            "isEmpty": not repo.files,
            "pushedAt": repo.pushed_at,
            "stargazerCount": repo.stars,
            "forkCount": 0,
            "licenseInfo": {"spdxId": repo.license} if repo.license else None,
            "defaultBranchRef": {"name": repo.default_branch} if repo.files else None,
            "repositoryTopics": {"nodes": [{"topic": {"name": t}} for t in repo.topics]},
            "languages": {"edges": [{"size": 1000, "node": {"name": repo.language}}]}
            if repo.language
            else {"edges": []},
        }
        for alias, path in objects:
            node[alias] = _graphql_object(repo.files, path) if repo.files else None
        return node

    # ------------------------------------------------------------------ transports

    def mock(self, rsps: Any, api_url: str = "https://api.github.com") -> FakeGitHub:
        """Route every request under `api_url` on a responses.RequestsMock through this fake."""
        self.api_url = api_url.rstrip("/")

        def callback(request: Any) -> tuple[int, dict, bytes]:
            return self.handle(request.method, request.url, dict(request.headers))

        # PyGithub spells the default port out: https://api.github.com:443/users/...
        parts = urlsplit(self.api_url)
        host = re.escape(f"{parts.scheme}://{parts.hostname}")
        pattern = re.compile(host + r"(:\d+)?" + re.escape(parts.path) + r"/.*")
        rsps.add_callback("GET", pattern, callback=callback)
        # GraphQL: <api>/graphql, or /api/graphql beside a GitHub Enterprise /api/v3
        root = parts.path.removesuffix("/v3")
        graphql = re.compile(host + r"(:\d+)?" + re.escape(root) + r"/graphql")

        def post(request: Any) -> tuple[int, dict, bytes]:
            body = request.body.encode() if isinstance(request.body, str) else request.body
            return self.handle_post(request.url, dict(request.headers), body)

        rsps.add_callback("POST", graphql, callback=post)
        return self

    @contextmanager
    def serve(self) -> Iterator[FakeGitHub]:
        """Serve over HTTP on 127.0.0.1 (a free port) in a thread; sets api_url."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server API
                self._answer(*fake.handle("GET", self.path, dict(self.headers)))

            def do_POST(self) -> None:  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                self._answer(*fake.handle_post(self.path, dict(self.headers), body))

            def _answer(self, status: int, headers: dict, body: bytes) -> None:
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                delay = next((d for p, d in fake.trickle.items() if p.search(self.path)), None)
                try:
                    if status == 304:
                        pass
                    elif delay is None:
                        self.wfile.write(body)
                    else:
                        stop = threading.Event()
                        for i in range(len(body)):
                            self.wfile.write(body[i : i + 1])
                            self.wfile.flush()
                            stop.wait(delay)  # the server's pace, not the test's
                except OSError:
                    pass  # the client gave up: what a trickle test expects

            def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
                """Keep test output quiet."""

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.api_url = f"http://127.0.0.1:{server.server_address[1]}"
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            server.shutdown()
            server.server_close()
            thread.join(timeout=5)

    # ------------------------------------------------------------------ inspection

    def paths(self) -> list[str]:
        """Paths requested, in order."""
        return [s.path for s in self.seen]


def _tree(files: dict[str, str]) -> list[dict[str, Any]]:
    entries: dict[str, dict[str, Any]] = {}
    for path, content in files.items():
        parts = path.split("/")
        for i in range(1, len(parts)):
            folder = "/".join(parts[:i])
            entries.setdefault(folder, {"path": folder, "type": "tree", "mode": "040000"})
        entries[path] = {
            "path": path,
            "type": "blob",
            "mode": "100644",
            "size": len(content.encode()),
        }
    return sorted(entries.values(), key=lambda e: e["path"])


_RATE = {"cost": 1, "remaining": 4999, "resetAt": "2100-01-01T00:00:00Z"}


def _graphql_object(files: dict[str, str], path: str) -> dict[str, Any] | None:
    """A Blob or a Tree (three levels of entries) at `path` ("" is the root), None if absent."""
    if path in files:
        text = files[path]
        return {"text": text, "byteSize": len(text.encode()), "isTruncated": False}
    prefix = path.rstrip("/") + "/" if path else ""
    inside = [p for p in files if p.startswith(prefix)]
    if not inside:
        return None

    def entries(prefix: str, depth: int) -> list[dict[str, Any]]:
        names: dict[str, bool] = {}
        for p in files:
            if p.startswith(prefix):
                head, _, rest = p[len(prefix) :].partition("/")
                names[head] = names.get(head, False) or bool(rest)
        out = []
        for name, is_dir in sorted(names.items()):
            if is_dir:
                obj = {"entries": entries(prefix + name + "/", depth - 1)} if depth > 1 else {}
            else:
                obj = {"byteSize": len(files[prefix + name].encode())}
            out.append({"name": name, "type": "tree" if is_dir else "blob", "object": obj})
        return out

    return {"entries": entries(prefix, 3)}
