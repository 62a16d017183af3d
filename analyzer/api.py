"""The library's front door: analyse a resume, optionally against a posting.

    from analyzer import analyze_resume
    analysis = analyze_resume("resume.pdf", job="posting.txt")
    print(analysis.match.score, [f.fix for f in analysis.findings[:5]])
"""

from __future__ import annotations

from pathlib import Path

from analyzer.errors import InputError, LimitExceeded
from analyzer.models import JobPosting, ResumeAnalysis, ResumeDocument
from analyzer.settings import Settings


def read_input_bytes(path: str | Path, max_bytes: int) -> bytes:
    """Read a whole input file once, refusing missing, empty, directory and oversized files."""
    shown = str(path)
    target = Path(path)
    try:
        stat = target.stat()
    except FileNotFoundError:
        raise InputError(shown, "no such file") from None
    except OSError as error:
        raise InputError(shown, f"cannot read: {error.strerror or error}") from None
    if target.is_dir():
        raise InputError(shown, "is a directory, not a file")
    if stat.st_size > max_bytes:
        raise LimitExceeded(
            shown, f"file is {stat.st_size:,} bytes, over the {max_bytes:,}-byte limit (--max-bytes)"
        )
    try:
        data = target.read_bytes()
    except OSError as error:
        raise InputError(shown, f"cannot read: {error.strerror or error}") from None
    if not data:
        raise InputError(shown, "file is empty (0 bytes)")
    return data


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

    if len(data) > settings.limits.max_bytes:
        raise LimitExceeded(
            name,
            f"file is {len(data):,} bytes, over the {settings.limits.max_bytes:,}-byte limit",
        )
    document = read_document(name, data=data, limits=settings.limits)
    return analyze_document(document, posting, settings)


def analyze_resume(
    path: str | Path,
    job: str | Path | None = None,
    settings: Settings = Settings(),
    stdin_text: str | None = None,
) -> ResumeAnalysis:
    """Read a resume file (and a posting file, "-" for stdin_text) and analyse it."""
    data = read_input_bytes(path, settings.limits.max_bytes)
    posting = load_posting(str(job), settings, stdin_text) if job is not None else None
    return analyze_resume_bytes(data, str(path), posting, settings)
