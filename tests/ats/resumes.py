"""Resumes written as plain text for the matching tests, read by the real reader and NLP.

A test says exactly what the resume holds; ``fake_profile`` runs the real profile builder and
then pins years of experience and degree where the test needs a given value.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from analyzer.documents import read_document
from analyzer.models import ResumeDocument, ResumeProfile
from analyzer.nlp.profile import build_profile
from analyzer.nlp.resources import Resources

TODAY = dt.date(2025, 6, 1)
"""Fixed "today" so years of experience do not move with the calendar."""

_UNSET: Any = object()


def text_document(text: str) -> ResumeDocument:
    """Read resume text (UPPER-CASE headings, "Role | Org | dates" lines, "- " bullets)."""
    return read_document("resume.txt", data=text.encode("utf-8"))


def fake_profile(
    document: ResumeDocument,
    resources: Resources,
    years: float | None = _UNSET,
    degree: str | None = _UNSET,
) -> ResumeProfile:
    """Build the real profile, then set years and degree when the test gives them."""
    profile = build_profile(document, resources, today=TODAY)
    changes: dict[str, Any] = {}
    if years is not _UNSET:
        changes["years_experience"] = years
    if degree is not _UNSET:
        changes["degree"] = degree
    return dataclasses.replace(profile, **changes)
