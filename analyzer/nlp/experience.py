"""Years of experience from dated entries, and the highest degree from education text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from analyzer.models import Entry

DEGREE_RANK = {"associate": 0, "bachelor": 1, "master": 2, "phd": 3}
"""Degree levels, lowest first."""

_DEGREES: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "phd",
        re.compile(
            r"\bPh\.?\s?D\b\.?|\bD\.?Phil\b|(?i:\bdoctor(?:ate| of philosophy)\b)|\bPHD\b|\bphd\b"
        ),
    ),
    (
        "master",
        re.compile(
            r"(?i:\bmaster'?s?\b|\bm\.?\s?sc\b|\bm\.?\s?eng\b|\bm\.?\s?tech\b|\bmba\b|\bm\.?phil\b)"
            r"|\bM\.S\.?|\bM\.A\.|\bMS(?=[\s,]+(?:in|of)\b|,?\s+(?:Computer|Data|Statistics|Electrical))"
            r"|\bMS\b(?!\s*(?:Excel|Office|SQL|Word|Teams|Azure|Access|Project|Power))"
            r"(?=.{0,40}(?:(?i:science|engineering|statistics|mathematics|analytics|university)))"
        ),
    ),
    (
        "bachelor",
        re.compile(
            r"(?i:\bbachelor'?s?\b|\bb\.?\s?sc\b|\bb\.?\s?eng\b|\bb\.?\s?tech\b"
            r"|\bundergraduate degree\b)"
            r"|\bB\.S\.?|\bB\.A\.|\bB\.E\.|\bBS\b|\bBA\b(?=[\s,]+(?:in|of)\b)|\bBE\b(?=[\s,]+in\b)"
        ),
    ),
    (
        "associate",
        re.compile(r"(?i:\bassociate'?s? (?:degree|of (?:arts|science|applied))\b)|\bA\.A\.S?\.?"),
    ),
)

_NOT_DONE = re.compile(
    r"(?i:\b(?:candidate|student|pursuing|ongoing|in progress|expected|incomplete|dropped)\b)"
)


def highest_degree(text: str) -> str | None:
    """Return the highest degree named in ``text``: phd, master, bachelor, associate or None.

    A PhD written as ongoing ("PhD candidate", "pursuing a PhD") does not count as held.
    """
    best: str | None = None
    for line in text.splitlines() or [text]:
        for name, pattern in _DEGREES:
            found = pattern.search(line)
            if not found:
                continue
            if name == "phd" and _NOT_DONE.search(line):
                continue
            if best is None or DEGREE_RANK[name] > DEGREE_RANK[best]:
                best = name
    return best


def _ranges(
    entries: Iterable[Entry], today: dt.date, keep: Callable[[Entry], bool]
) -> list[tuple[dt.date, dt.date]]:
    ranges = []
    for entry in entries:
        if not keep(entry) or entry.start is None:
            continue
        end = today if entry.current else entry.end
        if end is None:
            continue  # a single date says nothing about duration
        start, end = min(entry.start, today), min(end, today)
        if end >= start:
            ranges.append((start, end))
    return ranges


def _merged_days(ranges: list[tuple[dt.date, dt.date]]) -> int:
    total = 0
    current: tuple[dt.date, dt.date] | None = None
    for start, end in sorted(ranges):
        if current is None:
            current = (start, end)
        elif start <= current[1]:
            current = (current[0], max(current[1], end))
        else:
            total += (current[1] - current[0]).days
            current = (start, end)
    if current is not None:
        total += (current[1] - current[0]).days
    return total


def years_experience_from_entries(
    entries: Iterable[Entry],
    today: dt.date | None = None,
    keep: Callable[[Entry], bool] | None = None,
) -> float | None:
    """Return years covered by dated experience entries, overlaps merged, to one decimal.

    "Present"/current entries run to ``today`` (default ``date.today()``). ``keep`` narrows the
    entries (default: the experience section). None when no entry has a usable range.
    """
    today = today or dt.date.today()
    ranges = _ranges(entries, today, keep or (lambda e: e.section == "experience"))
    if not ranges:
        return None
    return round(_merged_days(ranges) / 365.25, 1)
