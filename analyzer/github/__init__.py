"""GitHub stage: fetch a portfolio with PyGithub, judge READMEs, hygiene and the portfolio.

Public API::

    fetch_portfolio(user, *, token=..., api_url=..., max_repos=20, ...) -> Portfolio
    review_portfolio(portfolio, today=None, *, skill_finder=None) -> PortfolioReview
    review_local_repo(path, today=None, *, skill_finder=None) -> RepoReview
    cross_check(resume_skills, portfolio_review) -> CrossCheck
    score_readme(text, files=None) -> ReadmeScore
    token_from_env(name="GITHUB_TOKEN") -> str | None
"""

from __future__ import annotations

from analyzer.github.client import (
    DEFAULT_API_URL,
    DEFAULT_MAX_REPOS,
    fetch_portfolio,
    token_from_env,
)
from analyzer.github.crosscheck import cross_check
from analyzer.github.interface import (
    CrossCheck,
    Portfolio,
    PortfolioReview,
    ReadmeScore,
    RepoHygiene,
    RepoReview,
    RepoSnapshot,
    UserProfile,
)
from analyzer.github.local import review_local_repo
from analyzer.github.portfolio import review_portfolio, review_repo
from analyzer.github.readme import score_readme
from analyzer.github.transport import DEFAULT_MAX_SECONDS, ServerFault

__all__ = [
    "DEFAULT_API_URL",
    "DEFAULT_MAX_REPOS",
    "DEFAULT_MAX_SECONDS",
    "ServerFault",
    "CrossCheck",
    "Portfolio",
    "PortfolioReview",
    "ReadmeScore",
    "RepoHygiene",
    "RepoReview",
    "RepoSnapshot",
    "UserProfile",
    "cross_check",
    "fetch_portfolio",
    "review_local_repo",
    "review_portfolio",
    "review_repo",
    "score_readme",
    "token_from_env",
]
