"""The library's front door: analyse a resume, optionally against a posting.

    from analyzer import analyze_resume
    analysis = analyze_resume("resume.pdf", job="posting.txt")
    print(analysis.match.score, [f.fix for f in analysis.findings[:5]])

With a GitHub account, the portfolio is reviewed and cross-checked against the resume::

    from analyzer.api import GitHubRequest, review_github
    analysis = analyze_resume("resume.pdf", github=GitHubRequest("octocat"))
    review = review_github(GitHubRequest("octocat", token=token_from_env("GITHUB_TOKEN")))
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable
from pathlib import Path

from analyzer.errors import GitHubError
from analyzer.models import JobPosting, PortfolioReview, RepoReview, ResumeAnalysis, ResumeDocument
from analyzer.rules import shipped_rules
from analyzer.settings import Settings

log = logging.getLogger(__name__)


@dataclasses.dataclass(frozen=True)
class GitHubRequest:
    """Which GitHub account to review and how to fetch it (None: the GitHub stage's default)."""

    user: str
    """The GitHub login."""
    token: str | None = dataclasses.field(default=None, repr=False)
    """A personal access token, or None for anonymous access; never shown in repr or output."""
    token_env: str = "GITHUB_TOKEN"
    """Name of the variable the token came from, used only to name it in messages."""
    api_url: str | None = None
    """API base URL (GitHub Enterprise: https://HOST/api/v3); None: https://api.github.com."""
    max_repos: int | None = None
    """Own repos to review, most recently pushed first; None: the default (30)."""
    include_forks: bool = False
    """Judge forks too instead of listing them apart."""
    cache_dir: Path | None = None
    """Response cache folder; None: $XDG_CACHE_HOME/mlcheck/github."""
    use_cache: bool = True
    """Send conditional requests from the cache (a 304 answer costs no rate limit)."""
    max_seconds: float | None = None
    """Time budget of the whole fetch in seconds; None: the default (60)."""


def skill_finder(settings: Settings) -> Callable[[str], set[str]]:
    """Return the taxonomy's skill matcher as a text -> canonical skill names function."""
    from analyzer.nlp.resources import get_resources

    matcher = get_resources(settings).skills

    def find(text: str) -> set[str]:
        return {mention.skill for mention in matcher.find_in_text(text, "projects")}

    return find


def review_github(request: GitHubRequest, settings: Settings = Settings()) -> PortfolioReview:
    """Fetch a GitHub account and judge it: READMEs, hygiene, project kinds, a score."""
    from analyzer.github import (
        DEFAULT_API_URL,
        DEFAULT_MAX_REPOS,
        DEFAULT_MAX_SECONDS,
        fetch_portfolio,
        review_portfolio,
    )

    rubric = shipped_rules().portfolio
    portfolio = fetch_portfolio(
        request.user,
        token=request.token,
        token_env=request.token_env,
        api_url=request.api_url or DEFAULT_API_URL,
        max_repos=DEFAULT_MAX_REPOS if request.max_repos is None else request.max_repos,
        include_forks=request.include_forks,
        cache_dir=request.cache_dir,
        use_cache=request.use_cache,
        max_seconds=DEFAULT_MAX_SECONDS if request.max_seconds is None else request.max_seconds,
        rubric=rubric,
    )
    return review_portfolio(portfolio, skill_finder=skill_finder(settings), rubric=rubric)


def review_repo_path(path: str | Path, settings: Settings = Settings()) -> RepoReview:
    """Judge a local checkout's README and hygiene, without any network request."""
    from analyzer.github import review_local_repo

    return review_local_repo(
        Path(path), skill_finder=skill_finder(settings), rubric=shipped_rules().portfolio
    )


def add_portfolio(analysis: ResumeAnalysis, review: PortfolioReview) -> ResumeAnalysis:
    """Return the analysis with the portfolio, its cross-check and their findings merged in."""
    from analyzer.findings import merge_findings, order_findings
    from analyzer.github import cross_check

    skills = [skill.name for skill in analysis.profile.skills]
    check = cross_check(skills, review, rubric=shipped_rules().portfolio)
    findings = order_findings(merge_findings(analysis.findings, review.findings, check.findings))
    return dataclasses.replace(analysis, portfolio=review, cross_check=check, findings=findings)


_POSTINGS_KEPT = 8
_postings: dict[tuple[str, str], tuple[object, JobPosting]] = {}
"""Analysed postings by (text, path), with the resources they were analysed with."""


def load_posting(job: str, settings: Settings, stdin_text: str | None = None) -> JobPosting:
    """Read and analyse a job posting file ("-" means the text given as stdin_text).

    The file is read on every call; its analysis is reused while the text and the resources
    are the same, so a loop of analyze_resume calls against one posting analyses it once.
    """
    from analyzer.ats.posting import parse_posting, posting_text
    from analyzer.nlp.resources import get_resources

    resources = get_resources(settings)
    text = posting_text(job, settings.limits, stdin_text)
    key = (text, job)
    kept = _postings.get(key)
    if kept is not None and kept[0] is resources:
        return kept[1]
    posting = parse_posting(text, resources, path=job)
    if len(_postings) >= _POSTINGS_KEPT:
        del _postings[next(iter(_postings))]
    _postings[key] = (resources, posting)
    return posting


def analyze_document(
    document: ResumeDocument, posting: JobPosting | None, settings: Settings
) -> ResumeAnalysis:
    """Run the NLP and ATS stages and their findings over a document already read."""
    from analyzer.ats.findings import ats_findings
    from analyzer.ats.match import match_resume
    from analyzer.ats.readability import readability_findings
    from analyzer.documents.language import detect_language
    from analyzer.findings import cap_match, is_blocking, order_findings
    from analyzer.nlp.profile import build_profile
    from analyzer.nlp.quality import content_findings, resume_quality
    from analyzer.nlp.resources import get_resources

    resources = get_resources(settings)
    scoring = resources.rules.scoring
    profile = build_profile(document, resources)
    findings = [
        *readability_findings(document, profile, scoring.readability),
        *content_findings(document, profile, scoring.quality),
    ]
    match = None
    if posting is not None:
        match = match_resume(document, profile, posting, resources)
        languages = (document.language, detect_language(posting.text, resources.rules.headings))
        findings.extend(
            ats_findings(match, scoring.ats, years_note=profile.years_note, languages=languages)
        )
        blocking = next((f for f in findings if is_blocking(f)), None)
        if blocking is not None:  # what was read is not the resume: the match is capped too
            match = cap_match(match, blocking.id)
    return ResumeAnalysis(
        document=document,
        profile=profile,
        quality_score=resume_quality(document, profile, scoring.quality),
        findings=order_findings(findings, resources.taxonomy),
        posting=posting,
        match=match,
    )


def analyze_resume_bytes(
    data: bytes,
    name: str,
    posting: JobPosting | None,
    settings: Settings = Settings(),
) -> ResumeAnalysis:
    """Analyse a resume given as bytes; pure and picklable, the unit of work of `screen`."""
    from analyzer.documents import read_document

    document = read_document(name, data=data, limits=settings.limits)
    return analyze_document(document, posting, settings)


def analyze_resume(
    path: str | Path,
    job: str | Path | None = None,
    settings: Settings = Settings(),
    stdin_text: str | None = None,
    github: GitHubRequest | None = None,
) -> ResumeAnalysis:
    """Read a resume file (and a posting file, "-" for stdin_text) and analyse it.

    With `github`, the account's portfolio is reviewed too (after the files were read, so a bad
    file fails before any request) and cross-checked against the resume's skills.
    """
    from analyzer.documents import read_document

    log.info("reading %s", path)
    document = read_document(path, limits=settings.limits)
    log.info(
        "read %s: %d page(s), %d section(s), %d bullet(s)",
        document.path,
        document.pages,
        len(document.sections),
        len(document.bullets),
    )
    posting = None
    if job is not None:
        log.info("reading the posting %s", job)
        posting = load_posting(str(job), settings, stdin_text)
    log.info("analysing (skills, bullets%s)", ", the posting match" if posting else "")
    analysis = analyze_document(document, posting, settings)
    log.info("analysed: %d finding(s)", len(analysis.findings))
    if github is None:
        return analysis
    log.info("reviewing GitHub account %s", github.user)
    try:
        review = review_github(github, settings)
    except GitHubError as error:
        # What worked is kept: the resume report, with why the portfolio is missing.
        log.info("GitHub portfolio not reviewed: %s", error)
        return dataclasses.replace(analysis, portfolio_error=str(error))
    return add_portfolio(analysis, review)
