"""The library's front door: analyse a resume (optionally against a posting)."""

from __future__ import annotations

from pathlib import Path

from analyzer.models import JobPosting, ResumeAnalysis
from analyzer.settings import Settings


def analyze_resume(
    path: str | Path,
    job: str | Path | None = None,
    settings: Settings = Settings(),
) -> ResumeAnalysis:
    """Read a resume file (and a posting file, "-" for stdin) and analyse it."""
    raise NotImplementedError


def analyze_resume_bytes(
    data: bytes,
    name: str,
    posting: JobPosting | None,
    settings: Settings = Settings(),
) -> ResumeAnalysis:
    """Analyse a resume given as bytes; pure and picklable, the unit of work of `screen`."""
    raise NotImplementedError
