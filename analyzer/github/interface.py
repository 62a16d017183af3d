"""Types of the GitHub stage: what is fetched (snapshots) and what is judged (scores)."""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass

from analyzer.models import Finding, Serializable


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


@dataclass(frozen=True)
class UserProfile(Serializable):
    """A GitHub user's profile basics."""

    login: str
    """The login."""
    name: str | None = None
    """Display name."""
    bio: str | None = None
    """Bio."""
    blog: str | None = None
    """Website/blog link."""
    public_repos: int = 0
    """Count of public repos."""
    has_profile_readme: bool = False
    """True when a <login>/<login> repo with a README exists."""
    html_url: str | None = None
    """Profile link."""
    company: str | None = None
    """Company, as written on the profile."""
    location: str | None = None
    """Location, as written on the profile."""
    twitter_username: str | None = None
    """Twitter/X handle, when given."""
    followers: int = 0
    """Followers count."""


@dataclass(frozen=True)
class Criterion(Serializable):
    """One README or hygiene check, passed or failed with its fix."""

    id: str
    """Stable id, e.g. "readme.install"."""
    passed: bool
    """Whether it holds."""
    weight: float
    """Points it is worth."""
    fix: str
    """What to add or change when it fails."""


@dataclass(frozen=True)
class ReadmeScore(Serializable):
    """The README quality of one repo."""

    score: float
    """0-100."""
    criteria: tuple[Criterion, ...]
    """Every criterion, pass or fail."""


@dataclass(frozen=True)
class RepoHygiene(Serializable):
    """Engineering hygiene of one repo."""

    score: float
    """0-100."""
    criteria: tuple[Criterion, ...]
    """Every criterion, pass or fail."""
    primary_language: str | None = None
    """Main language with notebooks counted as Python."""


@dataclass(frozen=True)
class RepoReview(Serializable):
    """A judged repo."""

    name: str
    """Repo name."""
    fork: bool
    """Is a fork (forks are listed, not judged as the candidate's work)."""
    readme: ReadmeScore
    """README score."""
    hygiene: RepoHygiene
    """Hygiene score."""
    kinds: tuple[str, ...]
    """Project kinds: tabular, recommender, nlp, vision, time_series, mlops."""
    tutorial_clone: str | None = None
    """Name of the tutorial it clones (titanic, iris...), None when not a clone."""
    skills: tuple[str, ...] = ()
    """Canonical skills the repo shows (dependencies, imports, languages, README)."""
    url: str | None = None
    """Link to the repo."""
    kind_labels: tuple[tuple[str, str], ...] = ()
    """(kind, what a project of it shows) for each of its kinds, from the rubric."""


@dataclass(frozen=True)
class PortfolioReview(Serializable):
    """The judgement of a whole portfolio."""

    user: UserProfile
    """Profile basics."""
    repos: tuple[RepoReview, ...]
    """Judged repos (own first, then forks)."""
    kinds: tuple[str, ...]
    """Project kinds present across own repos."""
    tutorial_clones: tuple[str, ...]
    """Names of repos flagged as tutorial clones."""
    score: float
    """0-100 portfolio score."""
    findings: tuple[Finding, ...] = ()
    """What to change."""
    requests_used: int = 0
    """API requests this review cost."""
    partial: bool = False
    """True when fetching stopped early (rate limit, server errors): some repos were not seen."""
    warnings: tuple[str, ...] = ()
    """Non-fatal problems met while fetching or judging."""
    forks: tuple[str, ...] = ()
    """Names of forked repos, listed apart: they are not judged as the candidate's work."""
    kind_labels: tuple[tuple[str, str], ...] = ()
    """(kind, what a project of it shows) for every kind the rubric knows, in its order."""


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


@dataclass(frozen=True)
class CrossCheck(Serializable):
    """Resume skills against what the public repos show."""

    claimed_without_evidence: tuple[str, ...]
    """Skills the resume claims that no judged repo shows (sorted)."""
    evidence_not_claimed: tuple[str, ...]
    """Skills repos show that the resume does not list (most repos first)."""
    findings: tuple[Finding, ...] = ()
    """What to change."""
