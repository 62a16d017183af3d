"""Shape a portfolio review without a resume (``mlcheck github``, ``mlcheck repo``) for the report.

The resume report's portfolio part is reused as is; this module adds what a report needs around
it when there is no resume: a title, a verdict with the headline scores, "fix these first", the
request budget and what the rate limit means.
"""

from __future__ import annotations

from dataclasses import dataclass

from analyzer.findings import Finding, Severity, merge_findings, order_findings
from analyzer.models import (
    CrossCheck,
    PortfolioReview,
    RepoReview,
    UserProfile,
)
from analyzer.report.view import (
    FIX_FIRST_COUNT,
    FindingView,
    PortfolioView,
    ScoreView,
    finding_view,
    kind_name,
    portfolio_view,
)

STRONG_SCORE = 80.0
"""A score at or above this reads as strong."""

FAIR_SCORE = 60.0
"""A score at or above this (and below STRONG_SCORE) reads as fair."""

RATE_LIMIT_WORDS = ("rate limit",)
"""Warnings naming these words are about the API rate limit (they carry the reset time)."""


@dataclass(frozen=True)
class PortfolioReportView:
    """Everything the portfolio-only report shows, in reading order."""

    title: str
    """The report's title (one h1)."""
    subject: str
    """What was reviewed, e.g. "GitHub: alice" or "Local repo: mlcheck"."""
    headline: str
    """The verdict in one sentence."""
    verdict_lines: tuple[str, ...]
    """Supporting sentences."""
    scores: tuple[ScoreView, ...]
    """Headline scores."""
    severity_counts: tuple[tuple[str, int], ...]
    """(label, count) for High, Medium, Low."""
    finding_count: int
    """All findings."""
    fix_first: tuple[FindingView, ...]
    """The highest-impact findings."""
    portfolio: PortfolioView
    """The portfolio part, shared with the resume report."""
    findings_by_part: dict[str, tuple[FindingView, ...]]
    """Findings of the portfolio part (key "portfolio"), as the shared partial expects."""
    kinds_present: tuple[str, ...]
    """Project kinds the own repos show, by their short names."""
    kinds_missing: tuple[str, ...]
    """Growth-story kinds no own repo shows, by their short names (empty for a single local
    repo)."""
    requests_used: int | None
    """API requests the review cost; None for a local checkout (no network)."""
    rate_limit_notes: tuple[str, ...]
    """Warnings about the rate limit: when it resets and what a token changes."""
    local: bool
    """True for ``mlcheck repo`` (one local checkout)."""


def _word(score: float) -> str:
    return "strong" if score >= STRONG_SCORE else "fair" if score >= FAIR_SCORE else "weak"


def _counts(findings: tuple[Finding, ...]) -> tuple[tuple[str, int], ...]:
    counts = {s.value: 0 for s in Severity}
    for finding in findings:
        counts[Severity(finding.severity).value] += 1
    return tuple((s.value.capitalize(), counts[s.value]) for s in Severity)


def _targets(view: PortfolioView) -> dict[str, str]:
    return {repo.id: f"repo {repo.name}" for repo in view.repos}


def build_portfolio_report(
    review: PortfolioReview, cross_check: CrossCheck | None = None
) -> PortfolioReportView:
    """Decide what the report of a GitHub account alone shows."""
    part = portfolio_view(review, cross_check)
    findings = order_findings(
        merge_findings(review.findings, cross_check.findings if cross_check else ())
    )
    targets = _targets(part)
    views = tuple(finding_view(f, targets) for f in findings)
    own = part.own_count
    present = tuple(k.name for k in part.kinds if k.present)
    missing = tuple(k.name for k in part.kinds if not k.present)
    forks = len(part.forks)
    judged = f"{own} own repo{'' if own == 1 else 's'} judged"
    apart = [r for r in review.repos if r.set_apart in ("empty", "archived")]
    if apart:
        judged += f", {len(apart)} empty or archived set apart (no evidence)"
    if forks:
        judged += f", {forks} fork{'' if forks == 1 else 's'} listed apart"
    lines = [judged + "."]
    if review.partial:
        lines.append("Partial review: fetching stopped early, so some repos were not seen.")
    name = review.user.login
    return PortfolioReportView(
        title=f"mlcheck GitHub portfolio report for {name}",
        subject=f"GitHub: {name}" + (f" ({review.user.name})" if review.user.name else ""),
        headline=f"The GitHub portfolio is {_word(review.score)} at {review.score:.0f}/100.",
        verdict_lines=tuple(lines),
        scores=(
            ScoreView(
                key="portfolio",
                label="GitHub portfolio",
                value=review.score,
                target=None,
                note="READMEs, engineering hygiene and variety of own repos.",
            ),
        ),
        severity_counts=_counts(findings),
        finding_count=len(findings),
        fix_first=views[:FIX_FIRST_COUNT],
        portfolio=part,
        findings_by_part={"portfolio": views},
        kinds_present=present,
        kinds_missing=missing,
        requests_used=review.requests_used,
        rate_limit_notes=tuple(
            w for w in review.warnings if any(word in w.casefold() for word in RATE_LIMIT_WORDS)
        ),
        local=False,
    )


def build_repo_report(repo: RepoReview) -> PortfolioReportView:
    """Decide what the report of one local checkout shows (no account, no network)."""
    # The judging lives in the GitHub stage; imported here so the report imports it only when used.
    from analyzer.github.portfolio import repo_check_findings

    single = PortfolioReview(
        user=UserProfile(login=repo.name),
        repos=(repo,),
        kinds=repo.kinds,
        tutorial_clones=(repo.name,) if repo.tutorial_clone else (),
        score=repo.readme.score,
        kind_labels=repo.kind_labels,
    )
    part = portfolio_view(single, local=True)
    findings = repo_check_findings(repo)
    targets = _targets(part)
    views = tuple(finding_view(f, targets) for f in findings)
    lines = []
    if repo.tutorial_clone:
        lines.append(
            f"It looks like the {repo.tutorial_clone.replace('_', ' ')} tutorial: take it beyond "
            "the tutorial and say so in the README."
        )
    return PortfolioReportView(
        title=f"mlcheck repository report for {repo.name}",
        subject=f"Local repo: {repo.name}",
        headline=(
            f"The README is {_word(repo.readme.score)} at {repo.readme.score:.0f}/100 and "
            f"engineering hygiene is {_word(repo.hygiene.score)} at "
            f"{repo.hygiene.score:.0f}/100."
        ),
        verdict_lines=tuple(lines),
        scores=(
            ScoreView(
                key="readme",
                label="README",
                value=repo.readme.score,
                target=None,
                note="What it does, data, approach, results, how to run it.",
            ),
            ScoreView(
                key="hygiene",
                label="Engineering hygiene",
                value=repo.hygiene.score,
                target=None,
                note="Licence, pinned dependencies, tests, CI, deployment, modules.",
            ),
        ),
        severity_counts=_counts(findings),
        finding_count=len(findings),
        fix_first=views[:FIX_FIRST_COUNT],
        portfolio=part,
        findings_by_part={"portfolio": views},
        kinds_present=tuple(kind_name(k) for k in repo.kinds),
        kinds_missing=(),
        requests_used=None,
        rate_limit_notes=(),
        local=True,
    )
