"""Types of the GitHub stage: what is fetched (snapshots); what is judged lives in models.py.

The judged types (PortfolioReview, RepoReview, CrossCheck...) cross into the analysis and the
report, so they live with the other crossing types in analyzer/models.py, which imports nothing
heavy; they are re-exported here for the GitHub stage's own modules.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from analyzer.models import (
    Criterion,
    CrossCheck,
    PortfolioReview,
    ReadmeScore,
    RepoHygiene,
    RepoReview,
    Serializable,
    UserProfile,
)

__all__ = [
    "Criterion",
    "CrossCheck",
    "Portfolio",
    "PortfolioReview",
    "ReadmeScore",
    "RepoHygiene",
    "RepoReview",
    "RepoSnapshot",
    "UserProfile",
]


@dataclass(frozen=True)
class RepoSnapshot(Serializable):
    """What mlcheck knows of one repository, fetched from GitHub or read from disk."""

    name: str
    """Repository name (without owner)."""
    fork: bool = False
    """True when the repo is a fork."""
    description: str | None = None
    """The repo's description."""
    topics: tuple[str, ...] = ()
    """Topics."""
    languages: tuple[tuple[str, int], ...] = ()
    """(language, bytes), largest first, as GitHub reports them."""
    stars: int = 0
    """Stargazers."""
    forks: int = 0
    """Forks count."""
    pushed_at: _dt.datetime | None = None
    """Last push."""
    license: str | None = None
    """SPDX id of the license, if any."""
    readme: str | None = None
    """README text (raw Markdown), None when the repo has none."""
    readme_path: str | None = None
    """README file name, e.g. README.md."""
    files: tuple[str, ...] = ()
    """Root file tree: names of root entries; directories end with "/"."""
    tree: tuple[str, ...] = ()
    """Further paths known (e.g. .github/workflows/ci.yml), when fetched."""
    html_url: str | None = None
    """Link to the repo."""
    error: str | None = None
    """Why the repo could not be fetched (404/451, server error, rate limit); None when fetched."""
    default_branch: str | None = None
    """Default branch name, as the listing gives it."""
    file_sizes: tuple[tuple[str, int], ...] = ()
    """(path, bytes) of the blobs in the tree, when known (git trees API or local disk)."""
    dependency_files: tuple[tuple[str, str], ...] = ()
    """(path, text) of small dependency files fetched for skill evidence (requirements.txt...)."""
    homepage: str | None = None
    """The repo's homepage link (often a deployed demo)."""
    archived: bool = False
    """True when the repo is archived."""
    empty: bool = False
    """True when the repository has no commit (GitHub answers its tree with 409)."""
    topics_known: bool = True
    """False when the server's answers carry no topics (an old GitHub Enterprise)."""
    test_sources: tuple[tuple[str, str], ...] | None = None
    """(path, text) of the test files, when read (a local checkout); None when not fetched."""
    committed: tuple[str, ...] | None = None
    """Every path committed at HEAD, when listed (a local checkout: `git ls-tree`); None when not
    listed. On GitHub the tree is what is committed."""


@dataclass(frozen=True)
class Portfolio(Serializable):
    """What was fetched of one GitHub account: the input of ``review_portfolio``."""

    user: UserProfile
    """Profile basics."""
    repos: tuple[RepoSnapshot, ...]
    """Own (non-fork) repos, most recently pushed first, at most max_repos."""
    forks: tuple[RepoSnapshot, ...] = ()
    """Forks seen in the listing, listed apart (listing data only, nothing more is fetched)."""
    requests_used: int = 0
    """HTTP requests that cost rate limit (retries included, 304 Not Modified excluded)."""
    not_modified: int = 0
    """Conditional requests answered 304 from the cache: free of rate-limit cost."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems: skipped repos, missing endpoints, rate limit reached."""
    partial: bool = False
    """True when fetching stopped early; what was fetched before is kept."""
    rate_limit_remaining: int | None = None
    """X-RateLimit-Remaining after the last response, when the server sent it."""
    rate_limit_reset: _dt.datetime | None = None
    """When the rate limit resets (from X-RateLimit-Reset), when known."""
