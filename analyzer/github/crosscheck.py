"""Cross-check resume skills against what the public repos show."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from analyzer.findings import Area, Finding, Severity
from analyzer.github.interface import CrossCheck, PortfolioReview
from analyzer.rules.portfolio import Rubric

__all__ = ["CrossCheck", "cross_check"]

_SHOWN = 8
_NOT_CLAIMED = 10
"""Skills shown but not claimed are listed up to this many, the strongest evidence first."""


def _key(skill: str) -> str:
    return " ".join(skill.casefold().split())


def cross_check(
    resume_skills: Iterable[str],
    portfolio_review: PortfolioReview,
    *,
    rubric: Rubric,
) -> CrossCheck:
    """Compare canonical resume skills with the skills the judged own repos show.

    Skills a repo cannot show (communication, statistics...) are never reported as claimed
    without evidence. Skills shown but not claimed are the ten strongest (code evidence
    before README words, then the most repos), each with where it was seen (in the finding's
    evidence). Matching ignores case and spacing; names are reported as the resume (or the
    repos) spell them.
    """
    non_code = {_key(s) for s in rubric.non_code_skills}
    claimed: dict[str, str] = {}
    for skill in resume_skills:
        claimed.setdefault(_key(skill), skill)
    shown: Counter[str] = Counter()
    strongest: dict[str, tuple[int, str, str]] = {}
    for repo in portfolio_review.repos:
        if repo.fork or repo.set_apart:
            continue
        evidence = {_key(e.skill): e for e in repo.evidence}
        for skill in set(repo.skills):
            key = _key(skill)
            shown[key] += 1
            seen = evidence.get(key)
            strength, where = (seen.strength, seen.where) if seen else (2, "the repo")
            if key not in strongest or strongest[key][0] < strength:
                strongest[key] = (strength, skill, f"{where} in {repo.name}")
    without = sorted(
        (claimed[k] for k in claimed if k not in shown and k not in non_code), key=str.casefold
    )
    # the strongest first (code before words), then the most repos; at most _NOT_CLAIMED
    ranked = sorted(
        (k for k in shown if k not in claimed),
        key=lambda k: (-strongest[k][0], -shown[k], k),
    )[:_NOT_CLAIMED]
    not_claimed = [strongest[k][1] for k in ranked]
    where_seen = [f"{strongest[k][1]} ({strongest[k][2]})" for k in ranked]
    findings: list[Finding] = []
    judged = [r for r in portfolio_review.repos if not r.fork]
    if without and judged:
        findings.append(
            Finding(
                id="crosscheck.claimed_without_evidence",
                severity=Severity.MEDIUM,
                area=Area.PORTFOLIO,
                message=f"The resume lists {len(without)} skill(s) that no public repo shows: "
                f"{', '.join(without[:_SHOWN])}{'...' if len(without) > _SHOWN else ''}.",
                fix="Back the skills you lead with by a public project that uses them (declared "
                "in requirements.txt and named in the README), or drop the ones you cannot show.",
                evidence=", ".join(without),
                anchor="portfolio",
                impact=min(10.0, float(len(without))),
            )
        )
    if not_claimed:
        findings.append(
            Finding(
                id="crosscheck.evidence_not_claimed",
                severity=Severity.LOW,
                area=Area.PORTFOLIO,
                message=f"Your repos show skills the resume does not list; the strongest: "
                f"{', '.join(not_claimed)}.",
                fix="Add the relevant ones to the resume's skills section and to the project "
                "bullets that used them.",
                evidence="; ".join(where_seen),
                anchor="portfolio",
                impact=min(5.0, float(len(not_claimed)) / 2),
            )
        )
    return CrossCheck(
        claimed_without_evidence=tuple(without),
        evidence_not_claimed=tuple(not_claimed),
        findings=tuple(findings),
    )
