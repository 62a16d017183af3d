"""The GitHub listing in one paged GraphQL query (with a token): repos, READMEs, trees, metadata.

One page of ``PAGE_SIZE`` public repos (a token's own private repos are never listed, as with
REST's /users/{u}/repos) carries, per repo: the flags (fork, archived, empty), description,
homepage, topics, licence, languages with their bytes, the pushed date, the root tree three
levels deep with blob sizes, the workflow folder, the README (README.md, readme.md,
README.rst, README) and the main dependency files as text. The first page also carries the
profile and whether the ``<login>/<login>`` profile README exists. A 30-repo profile costs one
request, a 150-repo one three (``--max-repos 150``); REST would cost 2 + 2 per repo.

The query goes through PyGithub's requester (``Requester.requestJson``, POST to its
``graphql_url``: ``<api>/graphql`` for api.github.com, ``/api/graphql`` for a GitHub Enterprise
``/api/v3``), so it passes the same transport as the REST calls: counted, time-bounded,
size-limited, redirects elsewhere refused, the token only in PyGithub's Authorization header.
"""

from __future__ import annotations

import datetime as _dt
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

PAGE_SIZE = 50
"""Repos per GraphQL page: small enough that a page of READMEs stays well under the size limit
and GitHub's 10-second query timeout."""
SMALL_PAGE_SIZE = 10
"""Repos per page after a page of PAGE_SIZE came back over the size limit."""

README_NAMES = ("README.md", "readme.md", "Readme.md", "README.rst", "README.txt", "README")
"""README files asked for, in GitHub's order of preference (the first present wins)."""
DEPENDENCY_NAMES = (
    "requirements.txt",
    "pyproject.toml",
    "environment.yml",
    "setup.py",
    "package.json",
    "Cargo.toml",
    "Dockerfile",
)
"""Dependency files (and the Dockerfile) fetched as text with the listing: skill evidence."""

_BLOB = "... on Blob { text byteSize isTruncated }"
_ENTRY = "name type object { ... on Blob { byteSize } }"
_ENTRY_2 = (
    f"name type object {{ ... on Blob {{ byteSize }} ... on Tree {{ entries {{ {_ENTRY} }} }} }}"
)
"""A tree entry with its own entries: three levels from the root reach tests/unit/test_x.py
and src/package/module.py."""


def _alias(prefix: str, name: str) -> str:
    return prefix + "".join(c if c.isalnum() else "_" for c in name)


def _objects() -> str:
    lines = [
        f'{_alias("readme_", n)}: object(expression: "HEAD:{n}") {{ {_BLOB} }}'
        for n in README_NAMES
    ]
    lines += [
        f'{_alias("dep_", n)}: object(expression: "HEAD:{n}") {{ {_BLOB} }}'
        for n in DEPENDENCY_NAMES
    ]
    return "\n        ".join(lines)


QUERY = f"""
query Portfolio($login: String!, $first: Int!, $after: String, $withUser: Boolean!) {{
  rateLimit {{ cost remaining resetAt }}
  user(login: $login) {{
    login
    name @include(if: $withUser)
    bio @include(if: $withUser)
    websiteUrl @include(if: $withUser)
    company @include(if: $withUser)
    location @include(if: $withUser)
    twitterUsername @include(if: $withUser)
    url @include(if: $withUser)
    followers @include(if: $withUser) {{ totalCount }}
    profileReadme: repository(name: $login) @include(if: $withUser) {{
      object(expression: "HEAD:README.md") {{ ... on Blob {{ byteSize }} }}
    }}
    repositories(
      first: $first
      after: $after
      ownerAffiliations: OWNER
      privacy: PUBLIC
      orderBy: {{field: PUSHED_AT, direction: DESC}}
    ) {{
      totalCount
      pageInfo {{ hasNextPage endCursor }}
      nodes {{
        databaseId
        name
        description
        url
        homepageUrl
        isFork
        isArchived
        isEmpty
        pushedAt
        stargazerCount
        forkCount
        licenseInfo {{ spdxId }}
        defaultBranchRef {{ name }}
        repositoryTopics(first: 20) {{ nodes {{ topic {{ name }} }} }}
        languages(first: 10, orderBy: {{field: SIZE, direction: DESC}}) {{
          edges {{ size node {{ name }} }}
        }}
        root: object(expression: "HEAD:") {{
          ... on Tree {{
            entries {{
              name
              type
              object {{
                ... on Blob {{ byteSize }}
                ... on Tree {{ entries {{ {_ENTRY_2} }} }}
              }}
            }}
          }}
        }}
        workflows: object(expression: "HEAD:.github/workflows") {{
          ... on Tree {{ entries {{ {_ENTRY} }} }}
        }}
        {_objects()}
      }}
    }}
  }}
}}
"""


class GraphQLAnswerError(ValueError):
    """The GraphQL answer does not have the shape the query asked for."""


@dataclass
class Blob:
    """A file's text as the query returned it."""

    path: str
    """Path in the repo."""
    text: str
    """Its text (empty for a binary file)."""
    size: int
    """Its size in bytes."""
    truncated: bool
    """GitHub cut the text (a large file)."""


@dataclass
class RepoNode:
    """One repo of the GraphQL listing, in REST listing terms plus what REST fetches per repo."""

    listing: dict[str, Any]
    """The repo as REST's listing would give it (name, fork, topics, licence...)."""
    empty: bool
    """The repository has no commit."""
    files: tuple[str, ...] = ()
    """Root entries (folders end with /)."""
    tree: tuple[str, ...] = ()
    """Paths one folder down, and the workflow files."""
    sizes: tuple[tuple[str, int], ...] = ()
    """(path, bytes) of the blobs seen."""
    languages: tuple[tuple[str, int], ...] = ()
    """(language, bytes), largest first."""
    readme: Blob | None = None
    """The README, when there is one."""
    dependencies: tuple[Blob, ...] = ()
    """Dependency files present, as text."""


@dataclass
class Page:
    """One page of the GraphQL answer."""

    user: dict[str, Any] | None
    """The profile in REST's /users/{u} terms (first page only); None when the user is absent."""
    has_profile_readme: bool
    """The <login>/<login> repo has a README.md (first page only)."""
    repos: list[RepoNode] = field(default_factory=list)
    """Repos of this page, most recently pushed first."""
    total: int = 0
    """Repos the user owns (forks included)."""
    next_cursor: str | None = None
    """Cursor of the next page; None on the last."""
    errors: tuple[str, ...] = ()
    """Messages of partial errors GitHub sent along with the data."""
    error_types: tuple[str, ...] = ()
    """Their types (NOT_FOUND, RATE_LIMITED...)."""


def variables(login: str, first: int, after: str | None) -> dict[str, Any]:
    """Return the query variables of one page (the profile only on the first)."""
    return {"login": login, "first": first, "after": after, "withUser": after is None}


def _dict(value: Any, what: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise GraphQLAnswerError(what)
    return value


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _entries(tree: Any, prefix: str) -> Iterator[tuple[str, bool, int | None, Any]]:
    """Yield (path, is_folder, size, object) of a Tree object's entries."""
    if not isinstance(tree, dict):
        return
    for entry in _list(tree.get("entries")):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            continue
        found = entry.get("object")
        obj: dict[str, Any] = found if isinstance(found, dict) else {}
        size = obj.get("byteSize") if isinstance(obj.get("byteSize"), int) else None
        yield prefix + entry["name"], entry.get("type") == "tree", size, obj


def _blob(node: dict[str, Any], alias: str, path: str) -> Blob | None:
    obj = node.get(alias)
    if not isinstance(obj, dict) or not isinstance(obj.get("text"), str):
        return None
    return Blob(
        path,
        obj["text"],
        int(obj.get("byteSize") or len(obj["text"].encode())),
        bool(obj.get("isTruncated")),
    )


def _repo(node: dict[str, Any]) -> RepoNode:
    licence = node.get("licenseInfo") if isinstance(node.get("licenseInfo"), dict) else None
    branch = node.get("defaultBranchRef")
    topics = [
        t["topic"]["name"]
        for t in _list(_dict(node.get("repositoryTopics") or {}, "topics").get("nodes"))
        if isinstance(t, dict) and isinstance(t.get("topic"), dict) and t["topic"].get("name")
    ]
    languages = tuple(
        (str(e["node"]["name"]), int(e.get("size") or 0))
        for e in _list(_dict(node.get("languages") or {}, "languages").get("edges"))
        if isinstance(e, dict) and isinstance(e.get("node"), dict) and e["node"].get("name")
    )
    listing = {
        "id": node.get("databaseId"),
        "name": str(node.get("name") or ""),
        "fork": bool(node.get("isFork")),
        "description": node.get("description"),
        "topics": topics,
        "stargazers_count": node.get("stargazerCount") or 0,
        "forks_count": node.get("forkCount") or 0,
        "pushed_at": node.get("pushedAt"),
        "license": {"spdx_id": licence.get("spdxId")} if licence else None,
        "language": languages[0][0] if languages else None,
        "default_branch": branch.get("name") if isinstance(branch, dict) else None,
        "html_url": node.get("url"),
        "homepage": node.get("homepageUrl"),
        "archived": bool(node.get("isArchived")),
    }
    files: list[str] = []
    tree: list[str] = []
    sizes: list[tuple[str, int]] = []
    for path, is_dir, size, obj in _entries(node.get("root"), ""):
        files.append(path + "/" if is_dir else path)
        if size is not None:
            sizes.append((path, size))
        for sub, sub_dir, sub_size, sub_obj in _entries(obj, path + "/"):
            tree.append(sub + "/" if sub_dir else sub)
            if sub_size is not None:
                sizes.append((sub, sub_size))
            for deep, deep_dir, deep_size, _ in _entries(sub_obj, sub + "/"):
                tree.append(deep + "/" if deep_dir else deep)
                if deep_size is not None:
                    sizes.append((deep, deep_size))
    for path, is_dir, size, _ in _entries(node.get("workflows"), ".github/workflows/"):
        if path not in tree:
            tree.append(path + "/" if is_dir else path)
            if size is not None:
                sizes.append((path, size))
    readme = next(
        (b for n in README_NAMES if (b := _blob(node, _alias("readme_", n), n)) is not None),
        None,
    )
    deps = tuple(
        b for n in DEPENDENCY_NAMES if (b := _blob(node, _alias("dep_", n), n)) is not None
    )
    return RepoNode(
        listing=listing,
        empty=bool(node.get("isEmpty")),
        files=tuple(files),
        tree=tuple(tree),
        sizes=tuple(sizes),
        languages=languages,
        readme=readme,
        dependencies=deps,
    )


def _user(data: dict[str, Any], repo_count: int) -> dict[str, Any]:
    followers = data.get("followers") if isinstance(data.get("followers"), dict) else {}
    return {
        "login": data.get("login"),
        "name": data.get("name"),
        "bio": data.get("bio"),
        "blog": data.get("websiteUrl") or "",
        "company": data.get("company"),
        "location": data.get("location"),
        "twitter_username": data.get("twitterUsername"),
        "html_url": data.get("url"),
        "followers": (followers or {}).get("totalCount") or 0,
        "public_repos": repo_count,
    }


def parse_page(body: str) -> Page:
    """Parse one GraphQL answer; raise GraphQLAnswerError when it is not the asked shape."""
    try:
        payload = json.loads(body)
    except ValueError:
        raise GraphQLAnswerError("malformed JSON") from None
    payload = _dict(payload, "not a JSON object")
    errors = [e for e in _list(payload.get("errors")) if isinstance(e, dict)]
    messages = tuple(" ".join(str(e.get("message", "")).split())[:200] for e in errors)
    types = tuple(str(e.get("type", "")) for e in errors)
    data = payload.get("data")
    if data is None:
        return Page(None, False, errors=messages, error_types=types)
    data = _dict(data, "no data object")
    user = data.get("user")
    if user is None:
        return Page(None, False, errors=messages, error_types=types)
    user = _dict(user, "no user object")
    repos = _dict(user.get("repositories"), "no repositories")
    info = _dict(repos.get("pageInfo"), "no pageInfo")
    nodes = [_repo(n) for n in _list(repos.get("nodes")) if isinstance(n, dict)]
    total = int(repos.get("totalCount") or 0)
    profile = user.get("profileReadme")
    has_readme = isinstance(profile, dict) and isinstance(profile.get("object"), dict)
    cursor = info.get("endCursor") if info.get("hasNextPage") else None
    return Page(
        user=_user(user, total),
        has_profile_readme=has_readme,
        repos=nodes,
        total=total,
        next_cursor=str(cursor) if cursor else None,
        errors=messages,
        error_types=types,
    )


def reset_of(body: str) -> int | None:
    """Return the rate-limit reset (epoch seconds) a GraphQL answer names, if any."""
    try:
        stamp = json.loads(body)["data"]["rateLimit"]["resetAt"]
        return int(_dt.datetime.fromisoformat(str(stamp).replace("Z", "+00:00")).timestamp())
    except (ValueError, KeyError, TypeError):
        return None
