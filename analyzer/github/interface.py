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
    """Why some of the repo could not be fetched (404/451, missing endpoint)."""


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
