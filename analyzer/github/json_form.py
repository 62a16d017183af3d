"""The `github` object of the JSON contract (see analyzer/schemas/resume.schema.json).

Field names and their order are the contract. Nothing here reads the environment: a review
carries no token, so none can leak into the JSON.
"""

from __future__ import annotations

from typing import Any

from analyzer.github.interface import Criterion, PortfolioReview, RepoReview


def criteria_json(criteria: tuple[Criterion, ...]) -> list[dict[str, Any]]:
    """Return README or hygiene checks as {id, passed, fix}, in the rubric's order."""
    return [{"id": c.id, "passed": c.passed, "fix": c.fix} for c in criteria]


def repo_json(repo: RepoReview) -> dict[str, Any]:
    """Return one judged repo: name, fork flag, README and hygiene checks, project kinds."""
    return {
        "name": repo.name,
        "fork": repo.fork,
        "readme": {"score": repo.readme.score, "criteria": criteria_json(repo.readme.criteria)},
        "hygiene": {
            "score": repo.hygiene.score,
            "criteria": criteria_json(repo.hygiene.criteria),
        },
        "kinds": list(repo.kinds),
    }


def portfolio_json(review: PortfolioReview) -> dict[str, Any]:
    """Return the `github` object: user, requests, repos, portfolio verdict, findings."""
    return {
        "user": review.user.login,
        "requests_used": review.requests_used,
        "repos": [repo_json(repo) for repo in review.repos],
        "portfolio": {
            "kinds": list(review.kinds),
            "tutorial_clones": list(review.tutorial_clones),
            "score": review.score,
        },
        "findings": [finding.to_dict() for finding in review.findings],
        "warnings": list(review.warnings),
        "partial": review.partial,
    }
