"""The library's front door: analyse a resume, optionally against a posting.

    from analyzer import analyze_resume
    analysis = analyze_resume("resume.pdf", job="posting.txt")
    print(analysis.match.score, [f.fix for f in analysis.findings[:5]])
"""

from __future__ import annotations

from pathlib import Path

from analyzer.models import JobPosting, ResumeAnalysis, ResumeDocument
from analyzer.settings import Settings


def load_posting(job: str, settings: Settings, stdin_text: str | None = None) -> JobPosting:
    """Read and analyse a job posting file ("-" means the text given as stdin_text)."""
    from analyzer.ats.posting import read_posting
    from analyzer.nlp.resources import get_resources

    return read_posting(job, get_resources(settings), settings.limits, stdin_text=stdin_text)


def analyze_document(
    document: ResumeDocument, posting: JobPosting | None, settings: Settings
) -> ResumeAnalysis:
    """Run the NLP, ATS and scoring stages over a document already read."""
    from analyzer.ats.match import match_resume
    from analyzer.ats.readability import readability_findings
    from analyzer.nlp.profile import build_profile
    from analyzer.nlp.resources import get_resources
    from analyzer.scoring import ats_findings, content_findings, order_findings, resume_quality

    resources = get_resources(settings)
    profile = build_profile(document, resources)
    findings = [*readability_findings(document, profile), *content_findings(document, profile)]
    match = None
    if posting is not None:
        match = match_resume(document, profile, posting, resources)
        findings.extend(ats_findings(match))
    return ResumeAnalysis(
        document=document,
        profile=profile,
        quality_score=resume_quality(document, profile),
        findings=order_findings(findings),
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
) -> ResumeAnalysis:
    """Read a resume file (and a posting file, "-" for stdin_text) and analyse it."""
    from analyzer.documents import read_document

    document = read_document(path, limits=settings.limits)
    posting = load_posting(str(job), settings, stdin_text) if job is not None else None
    return analyze_document(document, posting, settings)
