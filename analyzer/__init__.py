"""mlcheck: resume, ATS and GitHub-portfolio analyzer for machine-learning engineers.

The library is usable without the CLI::

    from analyzer import analyze_resume
    analysis = analyze_resume("resume.pdf", job="posting.txt")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

__all__ = ["__version__", "analyze_resume", "analyze_resume_bytes", "read_document"]

if TYPE_CHECKING:
    from analyzer.api import analyze_resume, analyze_resume_bytes
    from analyzer.documents import read_document


def __getattr__(name: str) -> Any:
    # Lazy so that `mlcheck --help` does not pay for importing spaCy.
    if name in ("analyze_resume", "analyze_resume_bytes"):
        from analyzer import api

        return getattr(api, name)
    if name == "read_document":
        from analyzer.documents import read_document

        return read_document
    raise AttributeError(name)
