"""Years of experience from dated entries, and the highest degree from education text."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from analyzer.documents.dates import (
    RANGE,
    SPACED_RANGE,
    PrintedDates,
    has_month,
    month_after,
    printed_dates,
)
from analyzer.documents.degrees import DEGREE_PATTERNS, is_internship
from analyzer.models import Entry, LayoutFacts, ResumeDocument

DEGREE_RANK = {"associate": 0, "bachelor": 1, "master": 2, "phd": 3}
"""Degree levels, lowest first."""

_RANK_OF_LEVEL = {"phd": "phd", "jd": "master", "mba": "master", "master": "master"}
"""How a level ranks against a posting's ask: an MBA or a J.D. counts as a master's degree."""

_NOT_DONE = re.compile(
    r"(?i:\b(?:candidate|student|pursuing|ongoing|in progress|expected|incomplete|dropped)\b)"
)


def highest_degree(text: str) -> str | None:
    """Return the highest degree named in ``text``: phd, master, bachelor, associate or None.

    A PhD written as ongoing ("PhD candidate", "pursuing a PhD") does not count as held.
    """
    best: str | None = None
    for line in text.splitlines() or [text]:
        for name, pattern in DEGREE_PATTERNS:
            found = pattern.search(line)
            if not found:
                continue
            if name == "phd" and _NOT_DONE.search(line):
                continue
            ranked = _RANK_OF_LEVEL.get(name, name)
            if best is None or DEGREE_RANK[ranked] > DEGREE_RANK[best]:
                best = ranked
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


_NOT_EMPLOYMENT = re.compile(
    r"(?i:\bundergraduate\b|\bstudent\b(?!\s+(?:loan|success))|\bteaching assistant\b"
    r"|\bvolunteer\b|\bopen[- ]source contributor\b)"
)


LATEST_PRINTED = "latest date printed"
FILE_CREATED = "file creation date"
FILE_MODIFIED = "file modification date"
TODAY = "today"
AS_OF_SOURCES = (LATEST_PRINTED, FILE_CREATED, FILE_MODIFIED, TODAY)
"""Where "present" comes from, in the order they are tried."""


@dataclass(frozen=True)
class ExperienceYears:
    """Years of experience read from the dated experience entries."""

    years: float | None
    """Years covered by the jobs, overlaps merged, internships and student or volunteer roles
    left out; None without dates."""
    internship_years: float | None
    """Years covered by internships and working-student jobs, apart; None when there are none."""
    as_of: dt.date | None
    """The date "present" stands for (counted up to, exclusive); None when no entry is ongoing."""
    as_of_source: str
    """Where as_of comes from: one of AS_OF_SOURCES, or "" when unused."""
    file_format: str = "pdf"
    """The file's format, to name where a file date comes from ("the PDF's creation date")."""

    @property
    def note(self) -> str:
        """Say in words how "present" was read ("'present' counted up to 1 June 2024, ...")."""
        if self.as_of is None:
            return ""
        day = f"{self.as_of.day} {self.as_of:%B %Y}"
        if self.as_of_source == TODAY:
            return (
                f"'present' counted up to {day} (today): the resume prints no date after the "
                "current role began and the file states none"
            )
        if self.as_of_source in (FILE_CREATED, FILE_MODIFIED):
            kind = {"pdf": "PDF", "docx": "DOCX"}.get(self.file_format, "file")
            which = "creation" if self.as_of_source == FILE_CREATED else "last modification"
            return (
                f"'present' counted up to {day}, the {kind}'s {which} date: the resume prints "
                "no date after the current role began"
            )
        return f"'present' counted up to {day}, the latest date the resume prints"


def file_date(layout: LayoutFacts, today: dt.date) -> tuple[dt.date | None, str]:
    """Return the latest date the file states about itself that is not after today, and which.

    A modification date is named only when it is later than the creation date.
    """
    best: tuple[dt.date | None, str] = (None, "")
    for value, source in (
        (layout.file_created, FILE_CREATED),
        (layout.file_modified, FILE_MODIFIED),
    ):
        if value is None or value > today:
            continue
        if best[0] is None or value > best[0]:
            best = (value, source)
    return best


def present_date(printed: PrintedDates, layout: LayoutFacts, today: dt.date) -> tuple[dt.date, str]:
    """Return the date "present" stands for and where it comes from (one of AS_OF_SOURCES).

    The document's own date: the latest date it prints, unless that is only the start of the
    role still held (the page then cannot say how long the role has run). Then the file's own
    date when it is not before anything printed and not in the future; else today.
    """
    if printed.latest is not None and not printed.open_ended:
        return printed.latest, LATEST_PRINTED
    stated, source = file_date(layout, today)
    floor = max((d for d in (printed.latest, printed.ongoing_start) if d is not None), default=None)
    if stated is not None and (floor is None or stated >= floor):
        return stated, source
    return month_after(today), TODAY


def _end_of(entry: Entry, as_of: dt.date) -> dt.date | None:
    """The first day after an entry ends: a printed month counts whole, a bare year is 1 Jan."""
    if entry.current:
        return as_of
    if entry.end is None:
        return None
    match = RANGE.search(entry.dates or "") or SPACED_RANGE.search(entry.dates or "")
    if match is None:
        return None  # a single date says nothing about how long the job lasted
    if has_month(match.group(2)):
        return month_after(entry.end)
    return entry.end


def _years_of(ranges: list[tuple[dt.date, dt.date]]) -> float | None:
    if not ranges:
        return None
    months = 0
    current: tuple[dt.date, dt.date] | None = None
    for start, end in sorted(ranges):
        if current is not None and start <= current[1]:
            current = (current[0], max(current[1], end))
            continue
        if current is not None:
            months += _months(*current)
        current = (start, end)
    assert current is not None
    months += _months(*current)
    return float(int(months / 12 * 10 + 0.5)) / 10


def _months(start: dt.date, end: dt.date) -> int:
    return (end.year - start.year) * 12 + end.month - start.month


def experience_years(document: ResumeDocument, today: dt.date | None = None) -> ExperienceYears:
    """Return years of experience from the document's experience entries.

    Overlapping roles are merged and internships counted apart. "Present" is the document's own
    date (see present_date): the latest date it prints (a resume written in 2019 is not read as
    of today), or, when that date only starts the role still held, the date the file states
    (PDF CreationDate/ModDate, DOCX core properties), else ``today``. Education is never
    counted.
    """
    jobs = [e for e in document.entries if e.section == "experience" and e.start is not None]
    today = today or dt.date.today()
    # A date printed in a page footer ("Updated May 2024") is printed all the same.
    printed = "\n".join((document.text, *document.layout.header_footer_text))
    as_of, source = present_date(printed_dates(printed, today), document.layout, today)
    if not any(e.current for e in jobs):
        source = ""
    spans: dict[bool, list[tuple[dt.date, dt.date]]] = {True: [], False: []}
    for entry in jobs:
        assert entry.start is not None
        if entry.role is None and entry.organisation is None:
            continue  # only a date was read: mlcheck cannot tell what the entry is
        if _NOT_EMPLOYMENT.search(entry.role or "") and not is_internship(entry):
            continue  # a role held as a student or a volunteer is no paid experience
        end = _end_of(entry, as_of)
        if end is not None and end >= entry.start:
            spans[is_internship(entry)].append((entry.start, end))
    return ExperienceYears(
        years=_years_of(spans[False]),
        internship_years=_years_of(spans[True]),
        as_of=as_of if source else None,
        as_of_source=source,
        file_format=document.format,
    )
