"""Settings that shape a run: resource limits and where resources come from."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Limits:
    """Resource limits that protect the machine from hostile or huge input.

    Enforced by the code while reading, never by trusting what a file says of itself.
    """

    max_bytes: int = 10 * 1024 * 1024
    """Largest input file accepted, in bytes (--max-bytes)."""
    max_pages: int = 20
    """Most PDF pages read (--max-pages); a resume has 1-3."""
    max_chars: int = 200_000
    """Most characters of text analysed; longer text is cut with a warning."""
    max_page_chars: int = 60_000
    """Most characters one PDF page may hold (a dense resume page holds 5,000-8,000)."""
    max_document_chars: int = 300_000
    """Most characters all pages of a PDF may hold together."""
    max_seconds: float = 60.0
    """Wall-clock budget for reading one document."""
    max_page_area: float = 14400.0 * 14400.0
    """Largest page area (points squared) accepted; PDF's own maximum user space."""
    max_inflated_bytes: int = 64 * 1024 * 1024
    """Most bytes inflated from compressed PDF streams or DOCX (ZIP) members per document."""


@dataclass(frozen=True)
class Settings:
    """Everything besides the input files that decides an analysis; picklable."""

    limits: Limits = Limits()
    """Resource limits."""
    taxonomy_paths: tuple[str, ...] = ()
    """Extra taxonomy/role files (--taxonomy), merged over the shipped ones."""
    model: str | None = None
    """Name of a trained spaCy pipeline to use when installed (e.g. en_core_web_sm)."""
    role: str = "machine_learning_engineer"
    """Role profile id the roadmap and expectations use."""
